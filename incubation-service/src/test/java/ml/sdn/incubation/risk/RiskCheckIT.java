package ml.sdn.incubation.risk;

import ml.sdn.events.Topics;
import ml.sdn.events.incubation.IncubateeAtRisk;
import ml.sdn.events.incubation.MilestoneOverdue;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.milestones.Milestone;
import ml.sdn.incubation.sessions.CoachingIT;
import ml.sdn.incubation.sessions.CoachingSession;
import ml.sdn.incubation.sessions.SessionDirectory;
import ml.sdn.platform.outbox.OutboxCollection;
import ml.sdn.testing.ServiceApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The overdue and at-risk check, run as two instances would run it: two checkers (two beans of their own, as
 * two service instances have) at the same moment, several times over, and the real broker counted.
 */
class RiskCheckIT extends CoachingIT {

    private static final RiskRule.Thresholds DEFAULTS = new RiskRule.Thresholds(14, 2);

    @Autowired
    SessionDirectory sessionDirectory;
    @Autowired
    RiskCheckSchedule schedule;

    private RiskCheck instance() {
        return new RiskCheck(mongo, sessionDirectory, Clock.systemUTC(), DEFAULTS);
    }

    /** {@code rounds} times, both instances run {@code task} at the same moment; the outcomes of every run. */
    private List<RiskCheck.Outcome> concurrently(int rounds, TaskOf task) throws Exception {
        RiskCheck first = instance();
        RiskCheck second = instance();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<RiskCheck.Outcome> outcomes = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<RiskCheck.Outcome>> runs = new ArrayList<>();
                for (RiskCheck check : List.of(first, second)) {
                    Callable<RiskCheck.Outcome> run = () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return task.run(check);
                    };
                    runs.add(pool.submit(run));
                }
                for (Future<RiskCheck.Outcome> run : runs) {
                    outcomes.add(run.get(60, TimeUnit.SECONDS));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    @FunctionalInterface
    private interface TaskOf {
        RiskCheck.Outcome run(RiskCheck check);
    }

    private void awaitOutboxEmpty(String collection, Object id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document document = mongo.findById(id, Document.class, collection);
            return document.getList(OutboxCollection.FIELD, Object.class, List.of()).isEmpty();
        });
    }

    private Incubatee reload(Incubation incubation) {
        return mongo.findById(incubation.id(), Incubatee.class);
    }

    private void enrolledDaysAgo(Incubation incubation, int days) {
        mongo.updateFirst(query(where("id").is(incubation.id())),
                new Update().set("enrolledAt", Instant.now().minus(Duration.ofDays(days))), Incubatee.class);
    }

    @Test
    void two_instances_checking_at_the_same_moment_announce_each_overdue_milestone_once() throws Exception {
        // started 100 days ago: the three template milestones (due after 30, 60, 90 days) are overdue
        Incubation incubation = incubationWithMilestones(100);
        String validated = incubation.id() + ":pitch-deck";
        mongo.updateFirst(query(where("id").is(validated)), new Update().set("status", Milestone.MilestoneStatus.VALIDATED),
                Milestone.class);

        List<RiskCheck.Outcome> outcomes = concurrently(4, check -> check.check(incubation.id()));
        outcomes.addAll(concurrently(1, RiskCheck::checkAll));

        List<String> overdue = List.of(incubation.id() + ":business-model", incubation.id() + ":mvp");
        for (String id : overdue) {
            awaitOutboxEmpty(Milestone.COLLECTION, id);
            assertThat(mongo.findById(id, Milestone.class).overdueAnnouncedAt()).isNotNull();
        }
        awaitOutboxEmpty(Incubatee.COLLECTION, incubation.id());
        assertThat(outcomes.stream().mapToInt(RiskCheck.Outcome::overdueAnnounced).sum()).isEqualTo(2);
        assertThat(outcomes.stream().mapToInt(RiskCheck.Outcome::flagged).sum()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                events(Topics.INCUBATION_MILESTONES).payloads(incubation.id(), MilestoneOverdue.TYPE.type()).size() >= 2);
        List<JsonNode> announced = events(Topics.INCUBATION_MILESTONES).payloads(incubation.id(), MilestoneOverdue.TYPE.type());
        assertThat(announced).extracting(event -> event.get("milestoneId").asString()).containsExactlyInAnyOrderElementsOf(overdue);
        JsonNode mvp = announced.stream().filter(event -> event.get("milestoneId").asString().endsWith(":mvp")).findFirst().orElseThrow();
        assertThat(mvp.get("dueDate").asString()).isEqualTo(LocalDate.parse(incubation.cohort().startDate()).plusDays(60).toString());
        assertThat(mvp.get("participantId").asString()).isEqualTo(incubation.participant().id());
        assertThat(mvp.get("coachId").asString()).isEqualTo(incubation.coach().id());
        assertThat(mvp.get("title").asString()).isEqualTo("MVP");
        assertThat(mongo.findById(validated, Milestone.class).overdueAnnouncedAt()).isNull();

        JsonNode atRisk = events(Topics.INCUBATION_INCUBATEES).await(incubation.id(), IncubateeAtRisk.TYPE.type(), event -> true);
        assertThat(atRisk.get("reasons").toString()).isEqualTo("[\"OVERDUE_MILESTONES\"]");
        assertThat(atRisk.get("overdueMilestones").asInt()).isEqualTo(2);
        assertThat(events(Topics.INCUBATION_INCUBATEES).payloads(incubation.id(), IncubateeAtRisk.TYPE.type())).hasSize(1);
        Incubatee.Risk risk = reload(incubation).risk();
        assertThat(risk.atRisk()).isTrue();
        assertThat(risk.reasons()).containsExactly(RiskRule.OVERDUE_MILESTONES);
        assertThat(risk.overdueMilestones()).isEqualTo(2);
        assertThat(risk.since()).isNotNull();
    }

    @Test
    void two_instances_that_read_the_same_state_cannot_both_announce() {
        // what the race above may or may not produce on a given run, forced: both instances read before either writes
        Incubation incubation = incubationWithMilestones(100);
        Milestone mvp = mongo.findById(incubation.id() + ":mvp", Milestone.class);
        Incubatee read = reload(incubation);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(BAMAKO);
        RiskRule.Assessment atRisk = RiskRule.assess(new RiskRule.Facts(null, read.enrolledAt(),
                LocalDate.parse(incubation.cohort().startDate()), 3), today, DEFAULTS);

        assertThat(instance().announceOverdue(mvp, read, now, today)).isTrue();
        assertThat(instance().announceOverdue(mvp, read, now, today)).as("the second instance's stale read").isFalse();
        assertThat(RiskCheck.decide(read, atRisk)).isEqualTo(RiskCheck.Decision.FLAG);
        assertThat(instance().write(read, RiskCheck.Decision.FLAG, atRisk, now)).isTrue();
        assertThat(instance().write(read, RiskCheck.Decision.FLAG, atRisk, now)).as("the second instance's stale read").isFalse();

        Milestone announced = mongo.findById(mvp.id(), Milestone.class);
        assertThat(announced.overdueAnnouncedAt()).isNotNull();
        Document incubatee = mongo.findById(incubation.id(), Document.class, Incubatee.COLLECTION);
        Document milestone = mongo.findById(mvp.id(), Document.class, Milestone.COLLECTION);
        // at most one event in each outbox (the relay may already have sent it)
        assertThat(incubatee.getList(OutboxCollection.FIELD, Object.class, List.of()).size()).isLessThanOrEqualTo(1);
        assertThat(milestone.getList(OutboxCollection.FIELD, Object.class, List.of()).size()).isLessThanOrEqualTo(1);
        awaitOutboxEmpty(Milestone.COLLECTION, mvp.id());
        awaitOutboxEmpty(Incubatee.COLLECTION, incubation.id());
        // each topic's event is awaited on its own: reaching the consumer of one says nothing of the other
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !events(Topics.INCUBATION_INCUBATEES).payloads(incubation.id(), IncubateeAtRisk.TYPE.type()).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> events(Topics.INCUBATION_MILESTONES)
                .payloads(incubation.id(), MilestoneOverdue.TYPE.type()).stream()
                .anyMatch(event -> mvp.id().equals(event.get("milestoneId").asString())));
        assertThat(events(Topics.INCUBATION_INCUBATEES).payloads(incubation.id(), IncubateeAtRisk.TYPE.type())).hasSize(1);
        assertThat(events(Topics.INCUBATION_MILESTONES).payloads(incubation.id(), MilestoneOverdue.TYPE.type()))
                .filteredOn(event -> mvp.id().equals(event.get("milestoneId").asString())).hasSize(1);
    }

    @Test
    void an_incubatee_without_a_session_for_fourteen_days_is_flagged_once_per_spell() throws Exception {
        Incubation incubation = incubation(60);
        enrolledDaysAgo(incubation, 20);

        List<RiskCheck.Outcome> first = concurrently(3, check -> check.check(incubation.id()));

        assertThat(first.stream().mapToInt(RiskCheck.Outcome::flagged).sum()).isEqualTo(1);
        Incubatee flagged = reload(incubation);
        assertThat(flagged.risk().atRisk()).isTrue();
        assertThat(flagged.risk().reasons()).containsExactly(RiskRule.NO_RECENT_SESSION);
        Instant since = flagged.risk().since();

        // the coach logs a session: the spell ends at once
        ServiceApi.Response session = api().postJson(API + "/incubatees/" + incubation.id() + "/sessions",
                incubation.coach().token(), """
                        {"heldAt": "%s", "durationMinutes": 45, "mode": "REMOTE", "topics": ["Relance"]}
                        """.formatted(minutesAgo(60)));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        Incubatee cleared = reload(incubation);
        assertThat(cleared.risk().atRisk()).isFalse();
        assertThat(cleared.risk().reasons()).isEmpty();
        assertThat(cleared.risk().since()).isNull();
        assertThat(concurrently(2, check -> check.check(incubation.id())).stream().mapToInt(RiskCheck.Outcome::flagged).sum())
                .isZero();

        // weeks later without another session (the clock moved by moving the session back): a new spell, a new event
        Instant longAgo = Instant.now().minus(Duration.ofDays(15)).truncatedTo(ChronoUnit.MINUTES);
        mongo.updateFirst(query(where("incubateeId").is(incubation.id())), new Update().set("heldAt", longAgo), CoachingSession.class);
        mongo.updateFirst(query(where("id").is(incubation.id())), new Update().set("lastSessionAt", longAgo), Incubatee.class);
        List<RiskCheck.Outcome> second = concurrently(3, check -> check.check(incubation.id()));

        assertThat(second.stream().mapToInt(RiskCheck.Outcome::flagged).sum()).isEqualTo(1);
        assertThat(reload(incubation).risk().since()).isAfter(since);
        awaitOutboxEmpty(Incubatee.COLLECTION, incubation.id());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                events(Topics.INCUBATION_INCUBATEES).payloads(incubation.id(), IncubateeAtRisk.TYPE.type()).size() >= 2);
        List<JsonNode> spells = events(Topics.INCUBATION_INCUBATEES).payloads(incubation.id(), IncubateeAtRisk.TYPE.type());
        assertThat(spells).hasSize(2);
        assertThat(spells.get(0).get("lastSessionAt").isNull()).isTrue();
        assertThat(Instant.parse(spells.get(1).get("lastSessionAt").asString())).isEqualTo(longAgo);
        assertThat(spells.get(1).get("reasons").toString()).isEqualTo("[\"NO_RECENT_SESSION\"]");
        assertThat(spells.get(1).get("participantId").asString()).isEqualTo(incubation.participant().id());
        assertThat(spells.get(1).get("title").asString()).isEqualTo(incubation.incubatee().title());
    }

    @Test
    void validating_one_of_two_overdue_milestones_ends_the_spell_at_once() throws Exception {
        // started 70 days ago: business model (30) and MVP (60) overdue, pitch deck (90) not yet
        Incubation incubation = incubationWithMilestones(70);
        concurrently(1, check -> check.check(incubation.id()));
        assertThat(reload(incubation).risk().atRisk()).isTrue();
        String mvp = API + "/milestones/" + incubation.id() + ":mvp";

        assertThat(api().postJson(mvp + "/submit", incubation.participant().token(),
                "{\"evidenceUrl\": \"https://example.org/mvp\"}").status()).isEqualTo(200);
        assertThat(reload(incubation).risk().atRisk()).as("submitted is still overdue").isTrue();
        assertThat(api().post(mvp + "/validate", incubation.coach().token()).status()).isEqualTo(200);

        Incubatee.Risk risk = reload(incubation).risk();
        assertThat(risk.atRisk()).isFalse();
        assertThat(risk.overdueMilestones()).isEqualTo(1);
    }

    @Test
    void a_milestone_validated_while_the_check_runs_is_counted_when_the_check_decides_again() {
        // started 70 days ago: business model (30) and MVP (60) overdue, so at risk by count until the MVP is validated
        Incubation incubation = incubationWithMilestones(70);
        String mvp = API + "/milestones/" + incubation.id() + ":mvp";
        assertThat(api().postJson(mvp + "/submit", incubation.participant().token(),
                "{\"evidenceUrl\": \"https://example.org/mvp\"}").status()).isEqualTo(200);
        AtomicBoolean coachActed = new AtomicBoolean();
        RiskCheck racing = new RiskCheck(mongo, sessionDirectory, Clock.systemUTC(), DEFAULTS) {
            @Override
            boolean write(Incubatee incubatee, Decision decision, RiskRule.Assessment assessment, Instant now) {
                if (coachActed.compareAndSet(false, true)) {
                    // the coach validates after the check counted two overdue milestones, before it writes
                    assertThat(api().post(mvp + "/validate", incubation.coach().token()).status()).isEqualTo(200);
                }
                return super.write(incubatee, decision, assessment, now);
            }
        };

        RiskCheck.Outcome outcome = racing.check(incubation.id());

        assertThat(coachActed).isTrue();
        assertThat(outcome.flagged()).as("one overdue milestone left: not at risk").isZero();
        Incubatee.Risk risk = reload(incubation).risk();
        assertThat(risk.atRisk()).isFalse();
        assertThat(risk.overdueMilestones()).isEqualTo(1);
        awaitOutboxEmpty(Incubatee.COLLECTION, incubation.id());
        assertThat(events(Topics.INCUBATION_INCUBATEES).payloads(incubation.id(), IncubateeAtRisk.TYPE.type())).isEmpty();
    }

    @Test
    void a_check_that_read_the_incubatee_before_a_milestone_moved_must_decide_again() {
        Incubation incubation = incubationWithMilestones(70);
        String mvp = API + "/milestones/" + incubation.id() + ":mvp";
        RiskRule.Assessment atRisk = RiskRule.assess(new RiskRule.Facts(null, reload(incubation).enrolledAt(),
                LocalDate.parse(incubation.cohort().startDate()), 2), LocalDate.now(BAMAKO), DEFAULTS);
        assertThat(atRisk.atRisk()).isTrue();

        Incubatee beforeSubmission = reload(incubation);
        assertThat(api().postJson(mvp + "/submit", incubation.participant().token(),
                "{\"evidenceUrl\": \"https://example.org/mvp\"}").status()).isEqualTo(200);
        assertThat(instance().write(beforeSubmission, RiskCheck.Decision.FLAG, atRisk, Instant.now()))
                .as("read before the submission").isFalse();

        Incubatee beforeSendBack = reload(incubation);
        assertThat(api().postJson(mvp + "/reject", incubation.coach().token(), "{\"feedback\": \"À reprendre\"}").status())
                .isEqualTo(200);
        assertThat(instance().write(beforeSendBack, RiskCheck.Decision.FLAG, atRisk, Instant.now()))
                .as("read before the send-back").isFalse();
        assertThat(reload(incubation).risk()).isNull();
    }

    @Test
    void an_incubation_that_has_ended_is_not_checked() throws Exception {
        Incubation incubation = incubationWithMilestones(100);
        enrolledDaysAgo(incubation, 100);
        mongo.updateFirst(query(where("id").is(incubation.id())),
                new Update().set("status", Incubatee.IncubateeStatus.GRADUATED), Incubatee.class);

        List<RiskCheck.Outcome> outcomes = concurrently(1, check -> check.check(incubation.id()));
        outcomes.addAll(concurrently(1, RiskCheck::checkAll));

        assertThat(reload(incubation).risk()).isNull();
        assertThat(milestoneDirectory.of(incubation.id())).allSatisfy(milestone -> {
            assertThat(milestone.overdueAnnouncedAt()).isNull();
            assertThat(milestone.outbox()).isEmpty();
        });
        assertThat(outcomes.subList(0, 2)).allSatisfy(outcome -> assertThat(outcome).isEqualTo(new RiskCheck.Outcome(0, 0, 0, 0)));
    }

    @Test
    void a_quiet_check_records_when_it_looked() {
        Incubation incubation = incubation(5);

        RiskCheck.Outcome outcome = instance().check(incubation.id());

        assertThat(outcome).isEqualTo(new RiskCheck.Outcome(1, 0, 0, 0));
        Incubatee.Risk risk = reload(incubation).risk();
        assertThat(risk.atRisk()).isFalse();
        assertThat(risk.reasons()).isEmpty();
        assertThat(risk.checkedAt()).isNotNull();
    }

    @Test
    void the_scheduled_run_takes_its_lock_and_checks() {
        Incubation incubation = incubationWithMilestones(100);

        // the scheduled jobs are off in these tests (ServiceIT): this one call is the only run
        schedule.run();

        Incubatee checked = reload(incubation);
        assertThat(checked.risk()).isNotNull();
        assertThat(checked.risk().atRisk()).isTrue();
        Document lock = mongo.getDb().getCollection("shedLock").find(new Document("_id", RiskCheckSchedule.LOCK_NAME)).first();
        assertThat(lock).isNotNull();
    }
}
