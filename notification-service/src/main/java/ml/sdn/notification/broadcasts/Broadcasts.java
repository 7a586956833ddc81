package ml.sdn.notification.broadcasts;

import jakarta.validation.Validator;
import ml.sdn.events.notification.BroadcastRequested;
import ml.sdn.notification.attendance.DayRegistrations;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
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
    private final Clock clock;

    Broadcasts(MongoTemplate mongo, Recipients recipients, Inbox inbox, DeliveryLog deliveries, Validator validator,
               DayRegistrations days, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.recipients = recipients;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.validator = validator;
        this.days = days;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    record Count(String audience, String country, String day, long people) {
    }

    /** How many people the audience reaches now: the preview before sending. */
    Count count(Caller caller, String kind, String country, String day) {
        FieldChecks checks = FieldChecks.none();
        Audience audience = Audience.of(caller, kind, country, day, checks);
        checks.throwIfAny();
        long people = audience.day() == null ? recipients.countReachable(audience.countryFilter()) : people(audience).size();
        return new Count(audience.kind().name(), audience.country(), audience.day() == null ? null : audience.day().toString(),
                people);
    }

    /** Everybody this service can write to in the audience's country, narrowed to the day's places when it names one. */
    private List<String> people(Audience audience) {
        List<String> reachable = recipients.reachable(audience.countryFilter());
        if (audience.day() == null) {
            return reachable;
        }
        Set<String> coming = days.holdingAPlaceOn(audience.day());
        return reachable.stream().filter(coming::contains).toList();
    }

    /**
     * Checks every field at once (texts, audience, and that the audience reaches someone), then stores the
     * message with its event.
     */
    Broadcast send(Caller caller, BroadcastRequest request) {
        FieldChecks checks = FieldChecks.validated(validator, request);
        Audience audience = Audience.of(caller, request.audience(), request.country(), request.day(), checks);
        List<String> people = audience == null ? List.of() : people(audience);
        if (audience != null && people.isEmpty()) {
            checks.reject(audience.day() != null ? "day" : audience.kind() == Audience.Kind.COUNTRY ? "country" : "audience",
                    "notification.broadcasts.nobody");
        }
        checks.throwIfAny();
        String id = ObjectId.get().toHexString();
        Instant now = clock.instant();
        BroadcastRequested event = new BroadcastRequested(id, caller.id(), audience.countryFilter(), request.subjectFr().strip(),
                request.bodyFr().strip(), request.subjectEn().strip(), request.bodyEn().strip(), request.bySms(), people, now);
        Broadcast broadcast = new Broadcast(id, caller.id(), audience.countryFilter(),
                audience.day() == null ? null : audience.day().toString(), event.subjectFr(), event.bodyFr(),
                event.subjectEn(), event.bodyEn(), request.bySms(), people.size(), now,
                List.of(PendingEvent.of(BroadcastRequested.TYPE, id, event)), null);
        mongo.insert(broadcast);
        log.info("Broadcast {} by {} to {} people ({}{}), SMS {}", id, caller.id(), people.size(),
                audience.countryFilter() == null ? "everyone" : audience.countryFilter(),
                audience.day() == null ? "" : ", holding a place on " + audience.day(), request.bySms() ? "on" : "off");
        return broadcast;
    }

    /** Per channel, how many deliveries are in each status. */
    record Report(String id, String sentBy, String country, String day, String subjectFr, String subjectEn, boolean sms, int recipients,
                  Instant requestedAt, long inbox, Map<DeliveryStatus, Long> email, Map<DeliveryStatus, Long> smsDeliveries) {
    }

    /** The report of one message; a coordinator's look-up is scoped to their delegation (another's: 404). */
    Report report(Caller caller, String id) {
        Broadcast broadcast = find(caller, id).orElseThrow(() -> new NotFoundException("notification.broadcasts.not-found"));
        return new Report(broadcast.id(), broadcast.sentBy(), broadcast.country(), broadcast.day(), broadcast.subjectFr(),
                broadcast.subjectEn(), broadcast.sms(), broadcast.recipients(), broadcast.requestedAt(),
                inbox.countOfEvent(broadcast.id()), deliveries.countsOfEvent(broadcast.id(), "EMAIL"),
                deliveries.countsOfEvent(broadcast.id(), "SMS"));
    }

    private Optional<Broadcast> find(Caller caller, String id) {
        var mine = where("id").is(id);
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
