package ml.sdn.competition.selection;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.ServiceIT;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationDirectory;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.events.Topics;
import ml.sdn.events.incubation.IncubateeDropped;
import ml.sdn.events.incubation.IncubateeGraduated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** incubation-service's outcomes, produced for real to the embedded broker, into the applications. */
class IncubationOutcomesIT extends ServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationDirectory directory;

    private CompetitionFixtures fixtures;
    private SelectionData data;

    @BeforeEach
    void setUp() {
        fixtures = new CompetitionFixtures(mongo);
        data = new SelectionData(mongo);
    }

    private void dropped(String incubateeId, Application application, String reason, Instant at) {
        send(Topics.INCUBATION_INCUBATEES, null, incubateeId, UUID.randomUUID().toString(), IncubateeDropped.TYPE.type(), """
                {"incubateeId":"%s","applicationId":"%s","editionId":"%s","categoryId":"%s","reason":"%s","droppedAt":"%s","coach":"ignored"}"""
                .formatted(incubateeId, application.id(), application.editionId(), application.categoryId(), reason, at));
    }

    private void graduated(String incubateeId, Application application, Instant at) {
        send(Topics.INCUBATION_INCUBATEES, null, incubateeId, UUID.randomUUID().toString(), IncubateeGraduated.TYPE.type(), """
                {"incubateeId":"%s","applicationId":"%s","editionId":"%s","categoryId":"%s","graduatedAt":"%s"}"""
                .formatted(incubateeId, application.id(), application.editionId(), application.categoryId(), at));
    }

    @Test
    void a_dropped_incubatee_is_no_longer_a_finalist_and_the_latest_outcome_wins() {
        Edition edition = fixtures.edition();
        Category category = fixtures.category(edition, CategoryCode.PROJECT_CONTEST, Phase.INCUBATION);
        Application kept = fixtures.submittedApplication(category, "kept-" + UUID.randomUUID(), null, "ML", "Reste");
        Application leaving = fixtures.submittedApplication(category, "leaving-" + UUID.randomUUID(), null, "NE", "Part");
        data.preselect(category, kept, leaving);
        String incubatee = "incubatee-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        dropped(incubatee, leaving, "A rejoint un emploi salarié", t0);

        Application.IncubationOutcome outcome = await().atMost(WAIT)
                .until(() -> data.application(leaving.id()).incubation(), o -> o != null);
        assertThat(outcome).isEqualTo(new Application.IncubationOutcome(Application.IncubationStatus.DROPPED,
                "A rejoint un emploi salarié", t0));
        assertThat(directory.finalistsIn(category.id())).extracting(Application::id).containsExactly(kept.id());
        // the final round's ranking no longer lists it
        JsonNode ranking = api().get("/api/competitions/categories/" + category.id() + "/ranking?round=FINAL",
                ISSUER.token("organizer-incubation", "ML", "organizer")).json();
        assertThat(ranking.get("lines")).hasSize(1);
        assertThat(ranking.get("lines").get(0).get("applicationId").asString()).isEqualTo(kept.id());

        // an older event delivered late, and the same event again, change nothing; the marker shows they were handled
        graduated(incubatee, leaving, t0.minusSeconds(60));
        dropped(incubatee, leaving, "A rejoint un emploi salarié", t0);
        graduated(incubatee, kept, t0); // same key, same partition: handled after the two above
        await().atMost(WAIT).until(() -> data.application(kept.id()).incubation() != null);
        assertThat(data.application(leaving.id()).incubation()).isEqualTo(outcome);

        // a later outcome wins
        graduated(incubatee, leaving, t0.plusSeconds(60));
        await().atMost(WAIT).until(() -> data.application(leaving.id()).incubation().status()
                == Application.IncubationStatus.GRADUATED);
        assertThat(data.application(leaving.id()).incubation().at()).isEqualTo(t0.plusSeconds(60));
        assertThat(data.application(leaving.id()).selection().status()).isEqualTo(Application.SelectionStatus.PRESELECTED);
        assertThat(directory.finalistsIn(category.id())).extracting(Application::id).containsExactlyInAnyOrder(kept.id(), leaving.id());
    }

    @Test
    void an_event_about_an_unknown_application_or_of_an_unknown_type_is_ignored_and_the_consumer_keeps_going() {
        Edition edition = fixtures.edition();
        Category category = fixtures.category(edition, CategoryCode.PROJECT_CONTEST, Phase.INCUBATION);
        Application application = fixtures.submittedApplication(category, "after-" + UUID.randomUUID(), null, "BF", "Après");
        String incubatee = "incubatee-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        send(Topics.INCUBATION_INCUBATEES, null, incubatee, UUID.randomUUID().toString(), "sdn.incubation.session-held.v1",
                "{\"incubateeId\":\"%s\"}".formatted(incubatee));
        graduated(incubatee, new Application("no-such-application", null, edition.id(), category.id(), category.code(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), at);
        graduated(incubatee, application, at);

        await().atMost(WAIT).until(() -> data.application(application.id()).incubation() != null);
        assertThat(data.application(application.id()).incubation().status()).isEqualTo(Application.IncubationStatus.GRADUATED);
        assertThat(data.application(application.id()).incubation().reason()).isNull();
    }
}
