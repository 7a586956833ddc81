package ml.sdn.notification.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sdn.sms.budget.*}: what the SMS contract allows, in segments (what operators bill): {@code edition-segments}
 * for the whole edition named {@code edition} (its counter starts again when the name changes), and
 * {@code daily-segments} per Bamako day. 0: no limit. Organizers may change both limits on the portal; what they
 * set is kept in the store and wins over these defaults.
 */
@ConfigurationProperties("sdn.sms.budget")
public record SmsBudgetProperties(
        @DefaultValue("2027") String edition,
        @DefaultValue("0") long editionSegments,
        @DefaultValue("0") long dailySegments) {
}
