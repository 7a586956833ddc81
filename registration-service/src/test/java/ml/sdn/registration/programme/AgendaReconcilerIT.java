package ml.sdn.registration.programme;

import ml.sdn.registration.ServiceIT;
import ml.sdn.registration.attendance.WaitingNumbers;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An instance dies between the two writes of an agenda hand-over: each test leaves the state such a crash
 * leaves (the session's count and its entries dated long ago, written in one go), runs one reconciliation
 * round and checks that the session is whole again, or left alone while a hand-over may still be running.
 */
class AgendaReconcilerIT extends ServiceIT {

    private static final Instant LONG_AGO = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    AgendaReconciler reconciler;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Programme programme;

    private String session(int capacity) {
        var created = api().postJson(ProgrammeIT.SESSIONS, ProgrammeIT.organizer(),
                ProgrammeIT.session("Salle " + ProgrammeIT.unique("r"), "2026-01-30T15:00", "2026-01-30T16:00", capacity));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    record Person(String username, String token) {
    }

    private Person participant() {
        String username = ProgrammeIT.unique("person");
        String token = ISSUER.token(username, "BF", "participant");
        assertThat(api().put("/api/registrations/participants/me", token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""").status()).isIn(200, 201);
        return new Person(username, token);
    }

    private void add(Person person, String sessionId) {
        assertThat(api().post(ProgrammeIT.SESSIONS + "/" + sessionId + "/agenda", person.token()).status()).isEqualTo(201);
    }

    private AgendaEntry entryOf(Person person, String sessionId) {
        return mongo.findOne(query(where("sessionId").is(sessionId).and("participantId").is(TestIssuer.subjectOf(person.username()))),
                AgendaEntry.class);
    }

    private ProgrammeSession stored(String sessionId) {
        return mongo.findById(sessionId, ProgrammeSession.class);
    }

    /** What the session's people did happened long ago, as a crash long past leaves it. */
    private void longAgo(String sessionId, Update crash) {
        mongo.updateMulti(query(where("sessionId").is(sessionId).and("confirmedAt").ne(null)),
                new Update().set("confirmedAt", LONG_AGO), AgendaEntry.class);
        mongo.updateFirst(query(where("_id").is(sessionId)), crash.set("placesChangedAt", LONG_AGO), ProgrammeSession.class);
    }

    @Test
    void a_place_taken_by_a_promotion_that_died_before_binding_it_goes_to_the_first_person_waiting() {
        String id = session(1);
        add(participant(), id);
        Person waiting = participant();
        add(waiting, id);
        // the capacity raised to 2, a promotion took the new place, then its instance died
        longAgo(id, new Update().set("capacity", 2).inc("confirmed", 1));

        reconciler.reconcile();

        assertThat(entryOf(waiting, id).status()).isEqualTo(AgendaStatus.CONFIRMED);
        assertThat(stored(id).confirmed()).isEqualTo(2);
    }

    @Test
    void a_leave_that_died_before_freeing_the_place_gives_it_to_the_first_person_waiting() {
        String id = session(1);
        Person leaving = participant();
        add(leaving, id);
        Person waiting = participant();
        add(waiting, id);
        longAgo(id, new Update());
        // the entry was cancelled, the instance died before the place was freed
        mongo.updateFirst(query(where("_id").is(entryOf(leaving, id).id())),
                new Update().set("status", AgendaStatus.CANCELLED).set("cancelledAt", LONG_AGO), AgendaEntry.class);

        reconciler.reconcile();

        assertThat(entryOf(waiting, id).status()).isEqualTo(AgendaStatus.CONFIRMED);
        assertThat(stored(id).confirmed()).isEqualTo(1);
    }

    @Test
    void a_registration_that_died_between_taking_its_number_and_being_written_holds_nobody_back() {
        String id = session(1);
        // its instance took number 1 and died before writing the entry
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("waitingSequence", 1L)
                .push("joining", new WaitingNumbers.Joining(UUID.randomUUID().toString(), 1, LONG_AGO)), ProgrammeSession.class);
        Person behind = participant();
        add(behind, id);
        assertThat(entryOf(behind, id).status()).isEqualTo(AgendaStatus.WAITING);

        reconciler.reconcile();

        assertThat(entryOf(behind, id).status()).isEqualTo(AgendaStatus.CONFIRMED);
        assertThat(stored(id).joiningOrEmpty()).isEmpty();
        assertThat(stored(id).confirmed()).isEqualTo(1);
    }

    /**
     * The interleaving that gave a place out of turn on attendance days (CI on c2c4349), made deterministic for
     * sessions: number 1 is taken but its entry not written when number 2's entry is written and asks for places.
     */
    @Test
    void an_entry_written_before_the_one_ahead_of_it_waits_for_that_one() {
        String id = session(1);
        String joining = UUID.randomUUID().toString();
        assertThat(WaitingNumbers.take(mongo, ProgrammeSession.class, id, joining, Instant.now())).contains(1L);
        Person behind = participant();
        add(behind, id);
        assertThat(entryOf(behind, id).status()).isEqualTo(AgendaStatus.WAITING);
        assertThat(stored(id).confirmed()).isZero();

        Person ahead = participant();
        mongo.insert(new AgendaEntry(UUID.randomUUID().toString(), id, TestIssuer.subjectOf(ahead.username()),
                AgendaStatus.WAITING, 1, Instant.now(), null, null, java.util.List.of()));
        WaitingNumbers.joined(mongo, ProgrammeSession.class, id, joining);
        programme.promote(id);

        assertThat(entryOf(ahead, id).status()).isEqualTo(AgendaStatus.CONFIRMED);
        assertThat(entryOf(behind, id).status()).isEqualTo(AgendaStatus.WAITING);
        assertThat(stored(id).confirmed()).isEqualTo(1);
    }

    @Test
    void a_place_nobody_holds_or_waits_for_is_given_back() {
        String id = session(3);
        add(participant(), id);
        longAgo(id, new Update().inc("confirmed", 1));

        reconciler.reconcile();

        assertThat(stored(id).confirmed()).isEqualTo(1);
        assertThat(api().get(ProgrammeIT.SESSIONS + "/" + id, null).json().get("placesLeft").asInt()).isEqualTo(2);
    }

    @Test
    void a_session_whose_places_moved_recently_is_left_alone_a_hand_over_may_still_be_running() {
        String id = session(1);
        add(participant(), id);
        Person waiting = participant();
        add(waiting, id);
        longAgo(id, new Update());
        // a promotion has just taken a place and not yet bound it
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("capacity", 2).inc("confirmed", 1)
                .set("placesChangedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS)), ProgrammeSession.class);

        reconciler.reconcile();

        assertThat(stored(id).confirmed()).isEqualTo(2);
        assertThat(entryOf(waiting, id).status()).isEqualTo(AgendaStatus.WAITING);
    }
}
