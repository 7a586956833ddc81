package ml.sdn.incubation.incubatees;

import ml.sdn.events.Topics;
import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.incubation.IncubateeEnrolled;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.milestones.Milestone;
import ml.sdn.platform.messaging.DeadLetter;
import ml.sdn.testing.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Preselection events from the real broker into incubatees, from the competition's side and the broker's. */
class EnrolmentIT extends IncubateesITBase {

    private static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    @Autowired
    Enrolments enrolments;

    @Test
    void a_preselection_enrols_the_candidate_with_the_template_milestones_and_publishes_it() {
        Cohort cohort = fixtures().cohort(5);
        String applicationId = unique("app");
        String applicant = unique("applicant");
        publish(preselection(applicationId, cohort.editionId(), applicant, "BF", "PROJECT_CONTEST", true));

        Incubatee incubatee = awaitIncubatee(applicationId);
        assertThat(incubatee.cohortId()).isEqualTo(cohort.id());
        assertThat(incubatee.status()).isEqualTo(Incubatee.IncubateeStatus.ACTIVE);
        assertThat(incubatee.participantId()).isEqualTo(applicant);
        assertThat(incubatee.country()).isEqualTo("BF");
        assertThat(incubatee.categoryCode()).isEqualTo("PROJECT_CONTEST");
        assertThat(incubatee.womenLed()).isTrue();
        assertThat(incubatee.title()).isEqualTo("Irrigation solaire " + applicationId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> milestonesOf(incubatee.id()) == 3);
        Milestone mvp = mongo.findById(incubatee.id() + ":mvp", Milestone.class);
        // enrolled after the cohort's start: due 60 days after the enrolment day
        assertThat(mvp.dueDate()).isEqualTo(LocalDate.ofInstant(incubatee.enrolledAt(), BAMAKO).plusDays(60).toString());

        ConsumerRecord<String, String> record = incubateeEvents().awaitRecord(incubatee.id(), IncubateeEnrolled.TYPE.type());
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("applicationId").asString()).isEqualTo(applicationId);
        assertThat(event.get("cohortId").asString()).isEqualTo(cohort.id());
        assertThat(event.get("participantId").asString()).isEqualTo(applicant);
        assertThat(event.get("womenLed").asBoolean()).isTrue();
    }

    @Test
    void the_same_preselection_delivered_twice_creates_one_incubatee_and_one_event() {
        Cohort cohort = fixtures().cohort(5);
        String applicationId = unique("app");
        ApplicationPreselected event = preselection(applicationId, cohort.editionId(), unique("applicant"), "ML",
                "START_UP_CHALLENGE", false);
        String eventId = UUID.randomUUID().toString();
        // the same record redelivered, and the competition publishing it again under a new event id
        publish(event, 0, eventId);
        publish(event, 0, eventId);
        publish(event, 0, UUID.randomUUID().toString());
        // records of one partition are handled in order: once this one is in, the three above were handled
        String sentinel = unique("app");
        publish(preselection(sentinel, cohort.editionId(), unique("applicant"), "ML", "START_UP_CHALLENGE", false), 0,
                UUID.randomUUID().toString());
        Incubatee last = awaitIncubatee(sentinel);

        assertThat(incubateesOf(applicationId)).hasSize(1);
        Incubatee incubatee = incubateesOf(applicationId).get(0);
        assertThat(milestonesOf(incubatee.id())).isEqualTo(3);
        incubateeEvents().awaitRecord(last.id(), IncubateeEnrolled.TYPE.type());
        incubateeEvents().awaitRecord(incubatee.id(), IncubateeEnrolled.TYPE.type());
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> incubateeEvents().all(incubatee.id(), IncubateeEnrolled.TYPE.type()).size() == 1);
    }

    @Test
    void a_redelivery_after_an_interrupted_enrolment_completes_the_milestones_without_a_second_incubatee() {
        Cohort cohort = fixtures().cohort(5);
        // enrolled, then the service stopped before the milestones were written
        Incubatee interrupted = incubatee(cohort, unique("applicant"), null, "NE");
        assertThat(milestonesOf(interrupted.id())).isZero();

        publish(preselection(interrupted.applicationId(), cohort.editionId(), interrupted.participantId(), "NE",
                "START_UP_CHALLENGE", true));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> milestonesOf(interrupted.id()) == 3);
        assertThat(incubateesOf(interrupted.applicationId())).extracting(Incubatee::id).containsExactly(interrupted.id());
    }

    @Test
    void a_candidate_preselected_before_the_cohort_exists_waits_and_is_enrolled_when_it_is_created() {
        String editionId = unique("edition");
        String applicationId = unique("app");
        publish(preselection(applicationId, editionId, unique("applicant"), "ML", "START_UP_CHALLENGE", false));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(query(where("_id").is(applicationId)),
                PendingEnrolment.COLLECTION));
        assertThat(incubateesOf(applicationId)).isEmpty();

        String organizer = ISSUER.token(unique("organizer"), "ML", "organizer");
        LocalDate start = LocalDate.now(ZoneId.of("Africa/Bamako"));
        ServiceApi.Response created = api().postJson("/api/incubation/cohorts", organizer, """
                {"editionId": "%s", "name": "Cohorte AGETIC", "startDate": "%s", "endDate": "%s", "capacity": 20,
                 "milestones": [{"code": "mvp", "title": "MVP", "dueOffsetDays": 60}]}
                """.formatted(editionId, start, start.plusMonths(6)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("seatsTaken").asInt()).isEqualTo(1);
        Incubatee incubatee = awaitIncubatee(applicationId);
        assertThat(incubatee.cohortId()).isEqualTo(created.json().get("id").asString());
        assertThat(milestonesOf(incubatee.id())).isEqualTo(1);
        assertThat(mongo.exists(query(where("_id").is(applicationId)), PendingEnrolment.COLLECTION)).isFalse();
        incubateeEvents().awaitRecord(incubatee.id(), IncubateeEnrolled.TYPE.type());
    }

    @Test
    void over_capacity_still_enrols_and_the_cohort_says_so() {
        String organizer = ISSUER.token(unique("organizer"), "ML", "organizer");
        String editionId = knownEdition();
        LocalDate start = LocalDate.now(ZoneId.of("Africa/Bamako"));
        ServiceApi.Response created = api().postJson("/api/incubation/cohorts", organizer, """
                {"editionId": "%s", "name": "Petite cohorte", "startDate": "%s", "endDate": "%s", "capacity": 1,
                 "milestones": [{"code": "mvp", "title": "MVP", "dueOffsetDays": 60}]}
                """.formatted(editionId, start, start.plusMonths(6)));
        String cohortId = created.json().get("id").asString();
        String first = unique("app");
        String second = unique("app");
        publish(preselection(first, editionId, unique("applicant"), "ML", "START_UP_CHALLENGE", false));
        publish(preselection(second, editionId, unique("applicant"), "BF", "START_UP_CHALLENGE", false));
        awaitIncubatee(first);
        awaitIncubatee(second);

        JsonNode cohort = api().get("/api/incubation/cohorts/" + cohortId, organizer).json();
        assertThat(cohort.get("capacity").asInt()).isEqualTo(1);
        assertThat(cohort.get("seatsTaken").asInt()).isEqualTo(2);
        assertThat(cohort.get("overCapacity").asBoolean()).isTrue();
    }

    @Test
    void other_application_events_are_ignored_and_an_incomplete_preselection_goes_to_the_dead_letters() {
        Cohort cohort = fixtures().cohort(5);
        String submitted = unique("app");
        send(Topics.COMPETITION_APPLICATIONS, 1, submitted, UUID.randomUUID().toString(), ApplicationSubmitted.TYPE.type(),
                JSON.writeValueAsString(new ApplicationSubmitted(submitted, "SDN3-SUC-0002", cohort.editionId(), "cat",
                        "START_UP_CHALLENGE", unique("applicant"), null, "ML", "Titre", Instant.now())));
        String unknown = unique("app");
        send(Topics.COMPETITION_APPLICATIONS, 1, unknown, UUID.randomUUID().toString(),
                "sdn.competition.something-new.v1", "{\"applicationId\": \"" + unknown + "\"}");
        String incomplete = unique("app");
        publish(preselection(incomplete, cohort.editionId(), null, "ML", "START_UP_CHALLENGE", false), 1,
                UUID.randomUUID().toString());
        String sentinel = unique("app");
        publish(preselection(sentinel, cohort.editionId(), unique("applicant"), "ML", "START_UP_CHALLENGE", false), 1,
                UUID.randomUUID().toString());
        awaitIncubatee(sentinel);

        assertThat(incubateesOf(submitted)).isEmpty();
        assertThat(incubateesOf(unknown)).isEmpty();
        assertThat(incubateesOf(incomplete)).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(
                query(where("key").is(incomplete)), DeadLetter.class));
        assertThat(mongo.exists(query(where("key").in(submitted, unknown)), DeadLetter.class)).isFalse();
        DeadLetter deadLetter = mongo.findOne(query(where("key").is(incomplete)), DeadLetter.class);
        assertThat(deadLetter.originalTopic()).isEqualTo(Topics.COMPETITION_APPLICATIONS);
    }

    @Test
    void the_same_preselection_handled_by_two_consumers_at_once_creates_one_incubatee() throws Exception {
        Cohort cohort = fixtures().cohort(5);
        Candidate candidate = Candidate.of(preselection(unique("app"), cohort.editionId(), unique("applicant"), "ML",
                "START_UP_CHALLENGE", false));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Enrolments.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                outcomes.add(pool.submit(() -> enrolments.enrol(candidate)));
            }
            List<Enrolments.Outcome> results = new ArrayList<>();
            for (Future<Enrolments.Outcome> outcome : outcomes) {
                results.add(outcome.get(20, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce(Enrolments.Outcome.ENROLLED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(incubateesOf(candidate.applicationId())).hasSize(1);
        assertThat(milestonesOf(incubateesOf(candidate.applicationId()).get(0).id())).isEqualTo(3);
    }

    @Test
    void the_sweep_enrols_a_waiting_candidate_whose_cohort_was_created_while_the_service_was_away() {
        // the cohort exists, but its creation did not enrol the waiting candidate (the service stopped in between)
        Cohort cohort = fixtures().cohort(5);
        Candidate candidate = Candidate.of(preselection(unique("app"), cohort.editionId(), unique("applicant"), "NE",
                "PROJECT_CONTEST", true));
        mongo.insert(new PendingEnrolment(candidate.applicationId(), cohort.editionId(), candidate, Instant.now()));
        // a waiting candidate of an edition still without a cohort stays
        Candidate stillWaiting = Candidate.of(preselection(unique("app"), unique("edition"), unique("applicant"), "ML",
                "START_UP_CHALLENGE", false));
        mongo.insert(new PendingEnrolment(stillWaiting.applicationId(), stillWaiting.editionId(), stillWaiting, Instant.now()));

        enrolments.sweep();

        assertThat(incubateesOf(candidate.applicationId())).singleElement()
                .satisfies(incubatee -> assertThat(incubatee.womenLed()).isTrue());
        assertThat(mongo.exists(query(where("_id").is(candidate.applicationId())), PendingEnrolment.COLLECTION)).isFalse();
        assertThat(mongo.exists(query(where("_id").is(stillWaiting.applicationId())), PendingEnrolment.COLLECTION)).isTrue();
        mongo.remove(query(where("_id").is(stillWaiting.applicationId())), PendingEnrolment.COLLECTION);
    }

    @Test
    void a_late_enrolee_has_the_template_offsets_counted_from_their_enrolment_day() {
        Cohort started = fixtures().cohort(20);
        Cohort upcoming = fixtures().cohort(-10);
        String late = unique("app");
        String early = unique("app");
        publish(preselection(late, started.editionId(), unique("applicant"), "ML", "START_UP_CHALLENGE", false));
        publish(preselection(early, upcoming.editionId(), unique("applicant"), "BF", "START_UP_CHALLENGE", true));

        Incubatee lateOne = awaitIncubatee(late);
        Incubatee earlyOne = awaitIncubatee(early);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> milestonesOf(lateOne.id()) == 3 && milestonesOf(earlyOne.id()) == 3);

        LocalDate enrolmentDay = LocalDate.ofInstant(lateOne.enrolledAt(), BAMAKO);
        assertThat(mongo.findById(lateOne.id() + ":business-model", Milestone.class).dueDate())
                .as("not 10 days after enrolment, as the cohort's start + 30 would be")
                .isEqualTo(enrolmentDay.plusDays(30).toString());
        assertThat(mongo.findById(earlyOne.id() + ":business-model", Milestone.class).dueDate())
                .as("enrolled before the start: counted from the start")
                .isEqualTo(LocalDate.parse(upcoming.startDate()).plusDays(30).toString());
    }

    @Test
    void the_sweep_is_not_held_up_by_older_candidates_without_a_cohort_nor_by_one_that_fails() {
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        List<String> leftWaiting = new ArrayList<>();
        // more candidates than one sweep takes, all older, all of editions still without a cohort
        for (int i = 0; i < 101; i++) {
            Candidate waiting = Candidate.of(preselection(unique("app"), unique("edition"), unique("applicant"), "ML",
                    "START_UP_CHALLENGE", false));
            mongo.insert(new PendingEnrolment(waiting.applicationId(), waiting.editionId(), waiting, longAgo.plusSeconds(i)));
            leftWaiting.add(waiting.applicationId());
        }
        Cohort cohort = fixtures().cohort(5);
        // an older waiting record of the same edition that cannot be enrolled (its candidate was lost)
        String broken = unique("app");
        mongo.insert(new PendingEnrolment(broken, cohort.editionId(), null, longAgo.plusSeconds(500)));
        leftWaiting.add(broken);
        Candidate candidate = Candidate.of(preselection(unique("app"), cohort.editionId(), unique("applicant"), "NE",
                "PROJECT_CONTEST", true));
        mongo.insert(new PendingEnrolment(candidate.applicationId(), cohort.editionId(), candidate, longAgo.plusSeconds(1000)));
        try {
            enrolments.sweep();

            assertThat(incubateesOf(candidate.applicationId())).hasSize(1);
            assertThat(mongo.exists(query(where("_id").is(candidate.applicationId())), PendingEnrolment.COLLECTION)).isFalse();
            assertThat(mongo.exists(query(where("_id").is(broken)), PendingEnrolment.COLLECTION))
                    .as("kept for a later sweep").isTrue();
        } finally {
            mongo.remove(query(where("_id").in(leftWaiting)), PendingEnrolment.COLLECTION);
        }
    }

    private long milestonesOf(String incubateeId) {
        return mongo.count(query(where("incubateeId").is(incubateeId)), Milestone.class);
    }
}
