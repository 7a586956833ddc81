package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.events.competition.ReviewReminder;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Jurors with pending reviews are reminded once as their round's scoring nears its end. */
class ReviewRemindersIT extends JuryIT {

    @Autowired
    ReviewReminders reminders;


    /** A category in EVALUATION that ends {@code evaluationLeft} from now. */
    private Category evaluationEndingIn(Duration evaluationLeft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant preselection = now.plus(evaluationLeft);
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.SUBMISSION, now.minus(Duration.ofDays(3)));
        starts.put(Phase.EVALUATION, now.minus(Duration.ofDays(2)));
        starts.put(Phase.PRESELECTION, preselection);
        starts.put(Phase.INCUBATION, preselection.plus(Duration.ofDays(2)));
        starts.put(Phase.FINAL, preselection.plus(Duration.ofDays(4)));
        starts.put(Phase.CLOSED, preselection.plus(Duration.ofDays(6)));
        Edition edition = fixtures.competition().edition();
        return fixtures.competition().category(edition, CategoryCode.START_UP_CHALLENGE, starts, CategorySettings.DEFAULT);
    }

    @Test
    void jurors_with_pending_reviews_are_reminded_once_per_round_however_often_and_concurrently_the_job_runs() throws Exception {
        Category closing = evaluationEndingIn(Duration.ofHours(10));
        Category later = evaluationEndingIn(Duration.ofDays(5));
        List<String> jurors = fixtures.jurors(3);
        List<Application> applications = IntStream.range(0, 3).mapToObj(i -> fixtures.application(closing, "Projet " + i)).toList();
        fixtures.review(closing, Round.PRESELECTION, applications.get(0), jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(closing, Round.PRESELECTION, applications.get(1), jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(closing, Round.PRESELECTION, applications.get(2), jurors.get(0), ReviewStatus.SUBMITTED,
                JuryFixtures.scores(5, 5, 5));
        fixtures.review(closing, Round.PRESELECTION, applications.get(0), jurors.get(1), ReviewStatus.SUBMITTED,
                JuryFixtures.scores(5, 5, 5));
        fixtures.review(closing, Round.PRESELECTION, applications.get(1), jurors.get(2), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(closing, Round.PRESELECTION, applications.get(2), jurors.get(2), ReviewStatus.CONFLICTED, Map.of());
        fixtures.review(later, Round.PRESELECTION, fixtures.application(later, "Plus tard"), jurors.get(0),
                ReviewStatus.ASSIGNED, Map.of());

        reminders.remind(Instant.now());
        reminders.remind(Instant.now());
        CompletableFuture.allOf(IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(() -> reminders.remind(Instant.now())))
                .toArray(CompletableFuture[]::new)).get();

        assertThat(mongo.count(query(where("categoryId").is(closing.id())), ReviewReminderSent.class)).isEqualTo(2);
        assertThat(mongo.count(query(where("categoryId").is(later.id())), ReviewReminderSent.class)).isZero();
        String busy = TestIssuer.subjectOf(jurors.get(0));
        String done = TestIssuer.subjectOf(jurors.get(1));
        String other = TestIssuer.subjectOf(jurors.get(2));
        PublishedEvents.Event reminder = juryEvents.await(ReviewReminder.TYPE.type(), closing.id(),
                p -> p.get("jurorId").asString().equals(busy), 1).get(0);
        assertThat(reminder.payload().get("pendingReviews").asInt()).isEqualTo(2);
        assertThat(reminder.payload().get("round").asString()).isEqualTo("PRESELECTION");
        assertThat(Instant.parse(reminder.payload().get("endsAt").asString())).isEqualTo(closing.timeline().start(Phase.PRESELECTION));
        assertThat(juryEvents.await(ReviewReminder.TYPE.type(), closing.id(), p -> p.get("jurorId").asString().equals(other), 1)
                .get(0).payload().get("pendingReviews").asInt()).isEqualTo(1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                juryEvents.matching(ReviewReminder.TYPE.type(), closing.id(), p -> true).size() == 2
                        && juryEvents.matching(ReviewReminder.TYPE.type(), later.id(), p -> true).isEmpty());
        assertThat(juryEvents.matching(ReviewReminder.TYPE.type(), closing.id(), p -> p.get("jurorId").asString().equals(done)))
                .isEmpty();
    }

    @Test
    void reviews_of_withdrawn_applications_and_of_finalists_who_left_the_incubation_are_not_counted_as_pending() {
        Category closing = evaluationEndingIn(Duration.ofHours(10));
        List<String> jurors = fixtures.jurors(2);
        Application live = fixtures.application(closing, "Vivante");
        Application withdrawn = fixtures.application(closing, "Retirée");
        mongo.updateFirst(query(where("id").is(withdrawn.id())), new Update().set("status", ApplicationStatus.WITHDRAWN)
                .set("withdrawnAt", Instant.now()), Application.class);
        fixtures.review(closing, Round.PRESELECTION, live, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(closing, Round.PRESELECTION, withdrawn, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(closing, Round.PRESELECTION, withdrawn, jurors.get(1), ReviewStatus.ASSIGNED, Map.of());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            starts.put(phase, now.minus(Duration.ofDays(Phase.FINAL.ordinal() - phase.ordinal() + 1L)));
        }
        starts.put(Phase.CLOSED, now.plus(Duration.ofHours(10)));
        Category finalClosing = fixtures.competition().category(fixtures.competition().edition(), CategoryCode.PROJECT_CONTEST,
                starts, CategorySettings.DEFAULT);
        Application finalist = fixtures.application(finalClosing, "Finaliste");
        Application dropped = fixtures.application(finalClosing, "Sortie");
        fixtures.preselect(finalist);
        fixtures.preselect(dropped);
        mongo.updateFirst(query(where("id").is(dropped.id())), new Update().set("incubation",
                new Application.IncubationOutcome(Application.IncubationStatus.DROPPED, "Abandon", Instant.now())), Application.class);
        fixtures.review(finalClosing, Round.FINAL, finalist, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(finalClosing, Round.FINAL, dropped, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(finalClosing, Round.FINAL, dropped, jurors.get(1), ReviewStatus.ASSIGNED, Map.of());

        reminders.remind(Instant.now());

        String busy = TestIssuer.subjectOf(jurors.get(0));
        String idle = TestIssuer.subjectOf(jurors.get(1));
        assertThat(mongo.findById(ReviewReminderSent.idOf(Round.PRESELECTION, closing.id(), busy), ReviewReminderSent.class)
                .pendingReviews()).isEqualTo(1);
        assertThat(mongo.findById(ReviewReminderSent.idOf(Round.FINAL, finalClosing.id(), busy), ReviewReminderSent.class)
                .pendingReviews()).isEqualTo(1);
        assertThat(mongo.count(query(where("jurorId").is(idle)), ReviewReminderSent.class)).isZero();
    }
}
