package ml.sdn.notification.sms;

import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.templates.NotificationTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The SMS budget: segments charged when an SMS is queued, against the edition's budget and the Bamako day's
 * cap ({@link SmsBudgetProperties}, or what organizers set: {@code sms_budget_settings}). A required SMS is
 * always charged and queued; an optional one only if it fits both, otherwise it is logged "not sent" and never
 * retried. Each counter ({@code sms_spend}: {@code edition:<name>}, {@code day:<date>}) moves by one atomic
 * update, so two instances never both take the last segments.
 *
 * <p>When a limit is reached (its counter at or over it, or an optional SMS refused by it) the organizers are
 * told in their shared inbox, once per crossing: the notice's event id names the scope, the period and the
 * limit, and the inbox's unique (event, recipient) key keeps one. Raising the limit makes the next crossing a
 * new one. Segments charged for an SMS the SMSC later refuses stay charged: the budget errs on the side of
 * spending less.
 */
@Component
public class SmsBudget {

    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    static final String SPEND = "sms_spend";
    static final String SETTINGS = "sms_budget_settings";
    private static final String LIMITS = "limits";

    private static final Logger log = LoggerFactory.getLogger(SmsBudget.class);

    /** The limits in force (0: none), and whether organizers set them or they come from configuration. */
    public record Limits(long editionSegments, long dailySegments, boolean setByOrganizers) {
    }

    /** Limits and what was spent: in the edition, and on the Bamako day of {@code day}. */
    public record Usage(String edition, Limits limits, long editionUsed, LocalDate day, long dayUsed) {
    }

    @Document(SPEND)
    record Spend(@Id String id, long segments) {
    }

    @Document(SETTINGS)
    record Settings(@Id String id, long editionSegments, long dailySegments, Instant updatedAt, String updatedBy) {
    }

    private final MongoTemplate mongo;
    private final SmsBudgetProperties properties;
    private final Inbox inbox;
    private final NotificationTemplates templates;
    private final Clock clock;
    /** Notices this instance already wrote: spares a render and a refused insert per SMS once a limit is reached. */
    private final Set<String> told = ConcurrentHashMap.newKeySet();

    SmsBudget(MongoTemplate mongo, SmsBudgetProperties properties, Inbox inbox, NotificationTemplates templates,
              ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.inbox = inbox;
        this.templates = templates;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public Limits limits() {
        Settings set = mongo.findById(LIMITS, Settings.class);
        return set == null ? new Limits(properties.editionSegments(), properties.dailySegments(), false)
                : new Limits(set.editionSegments(), set.dailySegments(), true);
    }

    /** What an organizer sets wins over the configuration's defaults until they set it again. */
    public void change(long editionSegments, long dailySegments, String organizer) {
        mongo.save(new Settings(LIMITS, editionSegments, dailySegments, clock.instant(), organizer));
        log.info("SMS limits set by organizer {}: edition {} segments, day {} segments (0: none)", organizer,
                editionSegments, dailySegments);
    }

    public Usage usage() {
        LocalDate today = today();
        return new Usage(properties.edition(), limits(), used(editionKey()), today, used(dayKey(today)));
    }

    /**
     * Charges an SMS of {@code segments}: always when {@code required}, otherwise only if it fits both limits.
     *
     * @return whether it may be sent
     */
    boolean charge(boolean required, int segments) {
        Limits limits = limits();
        LocalDate today = today();
        String day = dayKey(today);
        String edition = editionKey();
        boolean allowed;
        if (required) {
            add(day, segments);
            add(edition, segments);
            allowed = true;
        } else if (!take(day, segments, limits.dailySegments())) {
            reached(false, today, limits.dailySegments());
            allowed = false;
        } else if (!take(edition, segments, limits.editionSegments())) {
            add(day, -segments); // the day's share goes back: nothing was sent
            reached(true, today, limits.editionSegments());
            allowed = false;
        } else {
            allowed = true;
        }
        if (allowed) {
            if (limits.dailySegments() > 0 && used(day) >= limits.dailySegments()) {
                reached(false, today, limits.dailySegments());
            }
            if (limits.editionSegments() > 0 && used(edition) >= limits.editionSegments()) {
                reached(true, today, limits.editionSegments());
            }
        }
        return allowed;
    }

    /** Gives back what {@link #charge} took for an SMS that turned out to be queued already. */
    void refund(int segments) {
        add(dayKey(today()), -segments);
        add(editionKey(), -segments);
    }

    private boolean take(String key, int segments, long limit) {
        if (limit <= 0) {
            add(key, segments);
            return true;
        }
        mongo.upsert(query(where("_id").is(key)), new Update().setOnInsert("segments", 0L), Spend.class);
        return mongo.findAndModify(query(where("_id").is(key).and("segments").lte(limit - segments)),
                new Update().inc("segments", segments), FindAndModifyOptions.options().returnNew(true), Spend.class) != null;
    }

    private void add(String key, int segments) {
        mongo.upsert(query(where("_id").is(key)), new Update().inc("segments", segments), Spend.class);
    }

    private long used(String key) {
        Spend spend = mongo.findById(key, Spend.class);
        return spend == null ? 0 : spend.segments();
    }

    /** Tells the organizers, once per scope, period and limit. */
    private void reached(boolean editionScope, LocalDate today, long limit) {
        String eventId = "sms-budget-reached:" + (editionScope ? editionKey() : dayKey(today)) + ":" + limit;
        if (told.contains(eventId)) {
            return;
        }
        long used = used(editionScope ? editionKey() : dayKey(today));
        var message = templates.render(NotificationKind.SMS_BUDGET_REACHED, Language.FR, Map.of(
                "edition", editionScope, "editionName", properties.edition(), "day", today.toString(),
                "limit", limit, "used", used));
        if (inbox.deliver(eventId, NotificationKind.ORGANIZERS, NotificationKind.SMS_BUDGET_REACHED, message)) {
            log.warn("SMS {} reached ({} of {} segments): optional SMS stop, organizers told",
                    editionScope ? "budget of edition " + properties.edition() : "cap of " + today, used, limit);
        }
        told.add(eventId);
    }

    private LocalDate today() {
        return clock.instant().atZone(BAMAKO).toLocalDate();
    }

    private String editionKey() {
        return "edition:" + properties.edition();
    }

    private static String dayKey(LocalDate day) {
        return "day:" + day;
    }
}
