package ml.sdn.notification.attendance;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Who holds a place for which day of the week, as registration's attendance events told it (collection
 * {@code known_attendance}, one document per attendance): what other features ask to reach "the people coming on
 * the 29th", and who was checked in at the door on a day ("the people there on day 1"). A place confirmed or given
 * from the waiting list counts; a cancelled one does not. Events of one attendance may arrive again or out of
 * order: each write applies only if it is newer than what is kept. The badge code (from a confirmation or a
 * promotion) is kept for the day-before reminder.
 */
@Component
public class DayRegistrations {

    @Document(KnownAttendance.COLLECTION)
    record KnownAttendance(@Id String id, String participantId, String day, boolean holdsPlace, Instant at,
                           Boolean checkedIn, String badgeCode) {
        static final String COLLECTION = "known_attendance";
    }

    /** One place held for a day, with its badge code when an event told it (null for places kept before it was). */
    public record Place(String participantId, String badgeCode) {
    }

    private final MongoTemplate mongo;

    DayRegistrations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The people holding a place for {@code day} now. */
    public Set<String> holdingAPlaceOn(LocalDate day) {
        Set<String> people = new LinkedHashSet<>();
        mongo.find(query(where("day").is(day.toString()).and("holdsPlace").is(true)), KnownAttendance.class)
                .forEach(known -> people.add(known.participantId()));
        return people;
    }

    /** The people checked in at the door on {@code day}. */
    public Set<String> checkedInOn(LocalDate day) {
        Set<String> people = new LinkedHashSet<>();
        mongo.find(query(where("day").is(day.toString()).and("checkedIn").is(true)), KnownAttendance.class)
                .forEach(known -> people.add(known.participantId()));
        return people;
    }

    /**
     * The person came in with this attendance: kept whatever becomes of the place afterwards (they were there).
     * A check-in read before the place's own events makes the copy; those, older, still fill in the place.
     */
    void checkIn(String attendanceId, String participantId, LocalDate day) {
        if (attendanceId == null || participantId == null || day == null) {
            return;
        }
        mongo.upsert(query(where("_id").is(attendanceId)), new Update().set("checkedIn", true)
                .setOnInsert("participantId", participantId).setOnInsert("day", day.toString()).setOnInsert("holdsPlace", false),
                KnownAttendance.class);
    }

    /** The places held for {@code day} now, one per person. */
    public List<Place> placesOn(LocalDate day) {
        Map<String, Place> places = new LinkedHashMap<>();
        mongo.find(query(where("day").is(day.toString()).and("holdsPlace").is(true)), KnownAttendance.class)
                .forEach(known -> places.putIfAbsent(known.participantId(), new Place(known.participantId(), known.badgeCode())));
        return List.copyOf(places.values());
    }

    void record(String attendanceId, String participantId, LocalDate day, boolean holdsPlace, Instant at) {
        record(attendanceId, participantId, day, holdsPlace, at, null);
    }

    void record(String attendanceId, String participantId, LocalDate day, boolean holdsPlace, Instant at, String badgeCode) {
        if (attendanceId == null || participantId == null || day == null) {
            return;
        }
        Instant when = at == null ? Instant.EPOCH : at;
        Criteria olderOrAbsent = where("_id").is(attendanceId).orOperator(where("at").lt(when), where("at").is(null));
        Update update = new Update().set("participantId", participantId).set("day", day.toString())
                .set("holdsPlace", holdsPlace).set("at", when);
        if (badgeCode != null && !badgeCode.isBlank()) {
            update.set("badgeCode", badgeCode); // a cancellation carries none: the code stays with the attendance
        }
        try {
            mongo.upsert(query(olderOrAbsent), update, KnownAttendance.class);
        } catch (org.springframework.dao.DuplicateKeyException newerKept) {
            // the document exists with a newer event: the upsert found no older one and tried to insert; nothing to do
        }
    }

    /** An erased person is forgotten here too. */
    public void forget(String participantId) {
        mongo.remove(query(where("participantId").is(participantId)), KnownAttendance.class);
    }
}
