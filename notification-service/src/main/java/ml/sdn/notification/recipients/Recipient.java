package ml.sdn.notification.recipients;

import ml.sdn.notification.catalogue.Language;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * This service's own copy of a person it writes to, kept from registration events (never fetched
 * synchronously). {@code id} is the Keycloak subject; {@code phone} is E.164 or null (no SMS then); {@code asOf} is the time of the event the copy
 * was taken from, so that an older event never overwrites a newer one. Once the person is erased only
 * {@code id}, {@code country}, {@code asOf} and {@code erasedAt} remain, and nothing more is sent to them.
 */
@Document("recipients")
public record Recipient(
        @Id String id,
        String displayName,
        String email,
        String preferredLanguage,
        String country,
        Instant asOf,
        Instant erasedAt,
        String phone) {

    public Language language() {
        return Language.of(preferredLanguage);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** Registration validated it in the plan of the person's country and stores it in E.164 (+227…). */
    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    public boolean erased() {
        return erasedAt != null;
    }
}
