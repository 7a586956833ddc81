package ml.sdn.notification.broadcasts;

import jakarta.validation.Validator;
import ml.sdn.events.notification.BroadcastRequested;
import ml.sdn.notification.attendance.DayRegistrations;
import ml.sdn.notification.competition.JuryAssignments;
import ml.sdn.notification.competition.KnownApplications;
import ml.sdn.notification.incubation.KnownIncubatees;
import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.mail.DeliveryLog;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.recipients.Recipients;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.NotFoundException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Messages to groups: counts an audience, accepts a message (stored with its event in one write; the
 * platform's relay publishes it and {@link BroadcastListener} delivers it) and reports what became of it.
 * A coordinator reaches, counts and reads only their own delegation's messages.
 */
@Component
class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

    private final MongoTemplate mongo;
    private final Recipients recipients;
    private final Inbox inbox;
    private final DeliveryLog deliveries;
    private final Validator validator;
    private final DayRegistrations days;
    private final KnownApplications applications;
    private final JuryAssignments jury;
    private final KnownIncubatees incubatees;
    private final Clock clock;

    Broadcasts(MongoTemplate mongo, Recipients recipients, Inbox inbox, DeliveryLog deliveries, Validator validator,
               DayRegistrations days, KnownApplications applications, JuryAssignments jury, KnownIncubatees incubatees,
               ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.recipients = recipients;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.validator = validator;
        this.days = days;
        this.applications = applications;
        this.jury = jury;
        this.incubatees = incubatees;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The audience as understood, with how many people it reaches; {@code categoryCode} names its category. */
    record Count(String audience, String country, String day, String category, String categoryCode, String status, long people) {
    }

    /** How many people the audience reaches now: the preview before sending. */
    Count count(Caller caller, Audience.Choice choice) {
        FieldChecks checks = FieldChecks.none();
        Audience audience = Audience.of(caller, choice, checks);
        checks.throwIfAny();
        boolean everyoneOrDelegation = audience.kind() == Audience.Kind.EVERYONE || audience.kind() == Audience.Kind.COUNTRY;
        long people = everyoneOrDelegation && audience.day() == null ? recipients.countReachable(audience.countryFilter())
                : people(audience).size();
        return new Count(audience.kind().name(), audience.country(), audience.day() == null ? null : audience.day().toString(),
                audience.category(), categoryCode(audience), audience.status(), people);
    }

    /**
     * Everybody this service can write to in the audience's country (every delegation when none), among the
     * people its kind selects from this service's copies, narrowed to the day's places when it names one.
     */
    private List<String> people(Audience audience) {
        List<String> reachable = recipients.reachable(audience.countryFilter());
        Collection<String> chosen = switch (audience.kind()) {
            case EVERYONE, COUNTRY -> null;
            case APPLICANTS -> applications.applicants(audience.edition(), audience.category(), audience.status());
            case CHECKED_IN -> days.checkedInOn(audience.day());
            case JURORS -> jury.jurorsOf(audience.category());
            case INCUBATEES -> incubatees.participants(audience.edition());
            case COACHES -> incubatees.coaches(audience.edition());
        };
        Set<String> selected = chosen == null ? null : new HashSet<>(chosen);
        Set<String> coming = audience.placeDay() == null ? null : days.holdingAPlaceOn(audience.placeDay());
        return reachable.stream()
                .filter(id -> selected == null || selected.contains(id))
                .filter(id -> coming == null || coming.contains(id))
                .toList();
    }

    private String categoryCode(Audience audience) {
        if (audience.category() == null) {
            return null;
        }
        String code = applications.categoryCode(audience.category());
        return code != null ? code : jury.categoryCode(audience.category());
    }

    /**
     * Checks every field at once (texts, audience, and that the audience reaches someone), then stores the
     * message with its event.
     */
    Broadcast send(Caller caller, BroadcastRequest request) {
        FieldChecks checks = FieldChecks.validated(validator, request);
        Audience audience = Audience.of(caller, request.choice(), checks);
        List<String> people = audience == null ? List.of() : people(audience);
        if (audience != null && people.isEmpty()) {
            checks.reject(audience.narrowestField(), "notification.broadcasts.nobody");
        }
        checks.throwIfAny();
        String id = ObjectId.get().toHexString();
        Instant now = clock.instant();
        BroadcastRequested event = new BroadcastRequested(id, caller.id(), audience.countryFilter(), request.subjectFr().strip(),
                request.bodyFr().strip(), request.subjectEn().strip(), request.bodyEn().strip(), request.bySms(), people, now);
        Broadcast broadcast = new Broadcast(id, caller.id(), audience.kind().name(), audience.countryFilter(),
                audience.day() == null ? null : audience.day().toString(), audience.category(), categoryCode(audience),
                audience.status(), audience.edition(), event.subjectFr(), event.bodyFr(),
                event.subjectEn(), event.bodyEn(), request.bySms(), people.size(), now,
                List.of(PendingEvent.of(BroadcastRequested.TYPE, id, event)), null);
        mongo.insert(broadcast);
        log.info("Broadcast {} by {} to {} people ({} {}{}), SMS {}", id, caller.id(), people.size(), audience.kind(),
                audience.countryFilter() == null ? "every delegation" : audience.countryFilter(),
                audience.day() == null ? "" : ", holding a place on " + audience.day(), request.bySms() ? "on" : "off");
        return broadcast;
    }

    /** Per channel, how many deliveries are in each status. */
    record Report(String id, String sentBy, String audience, String country, String day, String category, String categoryCode,
                  String status, String subjectFr, String subjectEn, boolean sms, int recipients, Instant requestedAt, long inbox,
                  Map<DeliveryStatus, Long> email, Map<DeliveryStatus, Long> smsDeliveries) {
    }

    /** The report of one message; a coordinator's look-up is scoped to their delegation (another's: 404). */
    Report report(Caller caller, String id) {
        Broadcast broadcast = find(caller, id).orElseThrow(() -> new NotFoundException("notification.broadcasts.not-found"));
        return report(broadcast);
    }

    /** How many messages {@link #sent} lists at most: the newest. */
    static final int LIST_SIZE = 50;

    /**
     * The messages sent, newest first, each with its report: an organizer's list holds every message, a
     * coordinator's those sent to their delegation (by them or by an organizer).
     */
    List<Report> sent(Caller caller) {
        Criteria scope = scope(caller);
        if (scope == null) {
            return List.of();
        }
        return mongo.find(query(scope).with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(LIST_SIZE), Broadcast.class)
                .stream().map(this::report).toList();
    }

    private Report report(Broadcast broadcast) {
        String kind = broadcast.audience() != null ? broadcast.audience()
                : broadcast.country() == null ? Audience.Kind.EVERYONE.name() : Audience.Kind.COUNTRY.name();
        return new Report(broadcast.id(), broadcast.sentBy(), kind, broadcast.country(), broadcast.day(), broadcast.category(),
                broadcast.categoryCode(), broadcast.status(), broadcast.subjectFr(), broadcast.subjectEn(), broadcast.sms(),
                broadcast.recipients(), broadcast.requestedAt(), inbox.countOfEvent(broadcast.id()),
                deliveries.countsOfEvent(broadcast.id(), "EMAIL"), deliveries.countsOfEvent(broadcast.id(), "SMS"));
    }

    /** What the caller may read: everything for an organizer, their delegation's messages for a coordinator; null: nothing. */
    private static Criteria scope(Caller caller) {
        if (caller.hasRole("organizer")) {
            return new Criteria();
        }
        String delegation = caller.coordinatedCountry();
        return delegation == null ? null : where("country").is(delegation);
    }

    private Optional<Broadcast> find(Caller caller, String id) {
        Criteria mine = where("id").is(id);
        if (!caller.hasRole("organizer")) {
            String delegation = caller.coordinatedCountry();
            if (delegation == null) {
                return Optional.empty();
            }
            mine = mine.and("country").is(delegation);
        }
        return Optional.ofNullable(mongo.findOne(query(mine), Broadcast.class));
    }
}
