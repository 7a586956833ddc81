package ml.sdn.registration.attendance;

import ml.sdn.events.registration.AttendanceWaitListed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An instance dies between two steps of a hand-over: each test writes the state such a crash leaves (in
 * one write, so the scheduled round of the running service, if it comes in between, sees a complete
 * crash), then runs a reconciliation round and checks the day is whole again.
 */
class AttendanceReconcilerIT extends AttendanceIT {

    private static final Instant LONG_AGO = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    AttendanceReconciler reconciler;

    @Test
    void a_place_reserved_by_a_promotion_that_died_before_binding_it_goes_to_the_first_waiting_person() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String user = unique("waiting");
        register(participant(user, "BF"), day);
        // capacity raised to 2, a promotion reserved the new place, then its instance died
        mongo.updateFirst(query(where("_id").is(day.toString())), new Update().set("capacity", 2).inc("confirmed", 1)
                .push("holds", new AttendanceDay.Hold(UUID.randomUUID().toString(), LONG_AGO, null)), AttendanceDay.class);

        reconciler.reconcile();

        assertThat(attendanceOf(user, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(dayDocument(day).confirmed()).isEqualTo(2);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
    }

    @Test
    void a_reserved_place_nobody_waits_for_is_given_back() {
        LocalDate day = openDay(2);
        register(participant("ML"), day);
        mongo.updateFirst(query(where("_id").is(day.toString())), new Update().inc("confirmed", 1)
                .push("holds", new AttendanceDay.Hold(UUID.randomUUID().toString(), LONG_AGO, null)), AttendanceDay.class);

        reconciler.reconcile();

        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
    }

    @Test
    void a_promotion_that_died_after_binding_the_place_only_leaves_its_hold_to_forget() {
        LocalDate day = openDay(1);
        String holder = unique("holder");
        register(participant(holder, "ML"), day);
        register(participant("NE"), day);
        String place = attendanceOf(holder, day).placeRef();
        mongo.updateFirst(query(where("_id").is(day.toString())),
                new Update().push("holds", new AttendanceDay.Hold(place, LONG_AGO, null)), AttendanceDay.class);

        reconciler.reconcile();

        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
        assertThat(countWithStatus(day, AttendanceStatus.WAITING)).isEqualTo(1);
    }

    @Test
    void a_cancellation_that_died_before_cancelling_leaves_the_attendee_their_place() {
        LocalDate day = openDay(1);
        String holder = unique("holder");
        register(participant(holder, "ML"), day);
        register(participant("NE"), day);
        String place = attendanceOf(holder, day).placeRef();
        mongo.updateFirst(query(where("_id").is(day.toString())), new Update()
                .push("holds", new AttendanceDay.Hold(UUID.randomUUID().toString(), LONG_AGO, place)), AttendanceDay.class);

        reconciler.reconcile();

        assertThat(attendanceOf(holder, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
        assertThat(countWithStatus(day, AttendanceStatus.WAITING)).isEqualTo(1);
    }

    @Test
    void a_cancellation_that_died_before_handing_the_place_over_gives_it_to_the_first_waiting_person() {
        LocalDate day = openDay(1);
        String holder = unique("holder");
        register(participant(holder, "ML"), day);
        String user = unique("waiting");
        register(participant(user, "BF"), day);
        Attendance holding = attendanceOf(holder, day);
        // cancelled first, then the hold: a scheduled round in between finds a full day and changes nothing
        mongo.updateFirst(query(where("_id").is(holding.id())), new Update().set("status", AttendanceStatus.CANCELLED),
                Attendance.class);
        mongo.updateFirst(query(where("_id").is(day.toString())), new Update()
                .push("holds", new AttendanceDay.Hold(UUID.randomUUID().toString(), LONG_AGO, holding.placeRef())),
                AttendanceDay.class);

        reconciler.reconcile();

        assertThat(attendanceOf(user, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
    }

    @Test
    void a_registration_that_died_between_taking_its_number_and_being_written_holds_nobody_back() {
        LocalDate day = openDay(1);
        // its instance took number 1 and died before writing the registration
        mongo.updateFirst(query(where("_id").is(day.toString())), new Update().set("waitingSequence", 1L)
                .push("joining", new WaitingNumbers.Joining(UUID.randomUUID().toString(), 1, LONG_AGO)), AttendanceDay.class);
        String behind = unique("behind");
        assertThat(register(participant(behind, "BF"), day).json().get("status").asString()).isEqualTo("WAITING");

        reconciler.reconcile();

        assertThat(attendanceOf(behind, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(dayDocument(day).joiningOrEmpty()).isEmpty();
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    @Test
    void free_places_with_people_waiting_are_filled_in_order() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String first = unique("first");
        String second = unique("second");
        register(participant(first, "BF"), day);
        register(participant(second, "NE"), day);
        // the capacity was raised by an instance that died before promoting anyone
        mongo.updateFirst(query(where("_id").is(day.toString())), new Update().set("capacity", 2), AttendanceDay.class);

        reconciler.reconcile();

        assertThat(attendanceOf(first, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(attendanceOf(second, day).status()).isEqualTo(AttendanceStatus.WAITING);
        assertThat(dayDocument(day).confirmed()).isEqualTo(2);
    }

    @Test
    void a_registration_that_died_before_announcing_its_waiting_is_announced() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String user = unique("silent");
        participant(user, "NE");
        long sequence = mongo.findAndModify(query(where("_id").is(day.toString())), new Update().inc("waitingSequence", 1),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), AttendanceDay.class)
                .waitingSequence();
        String id = UUID.randomUUID().toString();
        mongo.insert(Attendance.waiting(id, ml.sdn.testing.TestIssuer.subjectOf(user), "NE", day.toString(), sequence, LONG_AGO));

        reconciler.reconcile();

        Attendance announced = mongo.findById(id, Attendance.class);
        assertThat(announced.announced()).isTrue();
        assertThat(announced.status()).isEqualTo(AttendanceStatus.WAITING);
        // the relay may already have sent it; either it waits in the outbox or it is gone with the rest
        assertThat(announced.outbox()).allMatch(e -> e.type().equals(AttendanceWaitListed.TYPE.type()));
    }

    @Test
    void the_scheduled_round_runs_under_the_shared_lock_without_failing() {
        reconciler.reconcileOnSchedule();

        assertThat(mongo.getCollection("shedLock").countDocuments(new org.bson.Document("_id", AttendanceReconciler.LOCK_NAME)))
                .isEqualTo(1);
    }
}
