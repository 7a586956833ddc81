package ml.sdn.notification.incubation;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Graduation and drop, told to the incubatee's participant, whom the events do not name: they are found in
 * {@link KnownIncubatees}. Enrolment and outcomes share a topic and a key, so the enrolment is normally read
 * first; an outcome read before it (the enrolment was dead-lettered and is replayed later, say) waits here,
 * once per event (collection {@code held_incubation_outcomes}), and is told when the incubatee becomes known
 * — as notices wait for a recipient's profile ({@code held_notices}) — rather than going to the dead
 * letters. An outcome for an incubatee whose participant was erased is not told. The notice's key is the
 * event's id, so a redelivery, or a release racing the event itself, tells the participant once.
 */
@Component
class IncubationOutcomes {

    static final String COLLECTION = "held_incubation_outcomes";

    private static final Logger log = LoggerFactory.getLogger(IncubationOutcomes.class);

    /** An outcome that waits for its incubatee. {@code model} holds plain values (strings). */
    @Document(COLLECTION)
    record HeldOutcome(@Id String eventId, String incubateeId, NotificationKind kind, Map<String, Object> model,
                       Instant heldAt) {
    }

    private final MongoTemplate mongo;
    private final KnownIncubatees incubatees;
    private final Notifier notifier;

    IncubationOutcomes(MongoTemplate mongo, KnownIncubatees incubatees, Notifier notifier) {
        this.mongo = mongo;
        this.incubatees = incubatees;
        this.notifier = notifier;
        mongo.indexOps(HeldOutcome.class).createIndex(new Index().on("incubateeId", Sort.Direction.ASC).named("by_incubatee"));
    }

    /** Tells the incubatee's participant now if they are known here, else once they are. */
    void tell(String eventId, NotificationKind kind, String incubateeId, Map<String, Object> model) {
        KnownIncubatee known = incubatees.find(incubateeId).orElse(null);
        if (settled(known)) {
            deliver(eventId, kind, known, model);
            return;
        }
        try {
            mongo.insert(new HeldOutcome(eventId, incubateeId, kind, Map.copyOf(model), Instant.now()));
        } catch (DuplicateKeyException alreadyHeld) {
            // a redelivery of an outcome that already waits
        }
        log.info("{} of incubatee {} (event {}): held until the incubatee is known here", kind, incubateeId, eventId);
        // the incubatee may have been recorded between the look-up and the hold, releasing nothing then
        release(incubateeId);
    }

    /** The incubatee has just been learnt: what waited for it is told (or, its participant erased, dropped). */
    void release(String incubateeId) {
        KnownIncubatee known = incubatees.find(incubateeId).orElse(null);
        if (!settled(known)) {
            return;
        }
        for (HeldOutcome held : mongo.find(query(where("incubateeId").is(incubateeId)).with(Sort.by("heldAt")),
                HeldOutcome.class)) {
            deliver(held.eventId(), held.kind(), known, held.model());
            mongo.remove(query(where("eventId").is(held.eventId())), HeldOutcome.class);
        }
    }

    /** Known with its participant, or erased: either way nothing needs to wait any more. */
    private static boolean settled(KnownIncubatee known) {
        return known != null && (known.erased() || IncubationEvents.known(known.participantId()));
    }

    private void deliver(String eventId, NotificationKind kind, KnownIncubatee known, Map<String, Object> outcome) {
        if (known.erased()) {
            log.info("{} of incubatee {} (event {}): not sent, its participant was erased", kind, known.id(), eventId);
            return;
        }
        Map<String, Object> model = new HashMap<>(outcome);
        IncubationEvents.putIfKnown(model, "title", known.title());
        notifier.notify(new Notice(eventId, kind, known.participantId(), model));
    }
}
