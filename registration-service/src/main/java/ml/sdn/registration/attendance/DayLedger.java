package ml.sdn.registration.attendance;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The place count and waiting order of each day: every method is ONE atomic operation on the day's
 * document, so they hold with any number of service instances.
 */
@Component
class DayLedger {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;

    DayLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Opened(AttendanceDay day, boolean created) {
    }

    /** Opens the day with this capacity, or changes its capacity (never touching who holds a place). */
    Opened open(LocalDate day, int capacity, Instant now) {
        try {
            return new Opened(mongo.insert(new AttendanceDay(day.toString(), capacity, 0, 0, List.of(), List.of(), now, now)), true);
        } catch (DuplicateKeyException exists) {
            AttendanceDay updated = mongo.findAndModify(byId(day),
                    new Update().set("capacity", capacity).set("updatedAt", now), RETURN_NEW, AttendanceDay.class);
            return new Opened(updated, false);
        }
    }

    Optional<AttendanceDay> find(LocalDate day) {
        return Optional.ofNullable(mongo.findById(day.toString(), AttendanceDay.class));
    }

    List<AttendanceDay> all() {
        return mongo.find(new Query().with(Sort.by("_id")), AttendanceDay.class);
    }

    List<AttendanceDay> from(LocalDate first) {
        return mongo.find(query(where("_id").gte(first.toString())).with(Sort.by("_id")), AttendanceDay.class);
    }

    /** Takes the day's next waiting-list number, recorded as joining (empty if the day does not exist). */
    Optional<Long> join(LocalDate day, String ref, Instant now) {
        return WaitingNumbers.take(mongo, AttendanceDay.class, day.toString(), ref, now);
    }

    /** The registration holding this joining number is written (or gave up): it no longer holds anyone back. */
    void joined(LocalDate day, String ref) {
        WaitingNumbers.joined(mongo, AttendanceDay.class, day.toString(), ref);
    }

    /** Days with a joining number older than {@code before}: a registration whose instance died while writing it. */
    List<AttendanceDay> withJoiningOlderThan(Instant before) {
        return mongo.find(query(where("joining.at").lt(before)), AttendanceDay.class);
    }

    /** Takes a free place, recorded as a hold until it is bound to someone or given back; empty if the day is full. */
    Optional<String> reserve(LocalDate day, Instant now) {
        String ref = newRef();
        Query free = query(where("_id").is(day.toString())
                .andOperator(Criteria.expr(ComparisonOperators.valueOf("confirmed").lessThan("capacity"))));
        AttendanceDay updated = mongo.findAndModify(free,
                new Update().inc("confirmed", 1).push("holds", new AttendanceDay.Hold(ref, now, null)),
                RETURN_NEW, AttendanceDay.class);
        return updated == null ? Optional.empty() : Optional.of(ref);
    }

    /**
     * Records that the place {@code placeRef} is about to be given up (before the attendance is cancelled):
     * the place stays counted, now as a hold to hand over.
     */
    String holdForRelease(LocalDate day, String placeRef, Instant now) {
        String ref = newRef();
        mongo.updateFirst(byId(day), new Update().push("holds", new AttendanceDay.Hold(ref, now, placeRef)),
                AttendanceDay.class);
        return ref;
    }

    /** The held place is bound to an attendance (or was never released): forget the hold, the place stays taken. */
    void settle(LocalDate day, String ref) {
        mongo.updateFirst(query(where("_id").is(day.toString()).and("holds.ref").is(ref)),
                new Update().pull("holds", new Document("ref", ref)), AttendanceDay.class);
    }

    /** Nobody wants the held place: the place becomes free again. Done at most once per hold. */
    boolean giveBack(LocalDate day, String ref) {
        return mongo.updateFirst(query(where("_id").is(day.toString()).and("holds.ref").is(ref)),
                new Update().inc("confirmed", -1).pull("holds", new Document("ref", ref)), AttendanceDay.class)
                .getModifiedCount() == 1;
    }

    /** Days with a hold older than {@code before}: a hand-over that did not finish (its instance died). */
    List<AttendanceDay> withHoldsOlderThan(Instant before) {
        return mongo.find(query(where("holds.heldAt").lt(before)), AttendanceDay.class);
    }

    private static Query byId(LocalDate day) {
        return query(where("_id").is(day.toString()));
    }

    private static String newRef() {
        return UUID.randomUUID().toString();
    }
}
