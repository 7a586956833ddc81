package ml.sdn.competition.editions;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.ServiceIT;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.PhaseChanged;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Organizers move a category's phases that have not started, e.g. to open the next one right away. */
class RescheduleIT extends ServiceIT {

    private static PublishedEvents categoryEvents;

    @Autowired
    MongoTemplate mongo;

    private CompetitionFixtures fixtures;
    private final String organizer = ISSUER.token("organizer-reschedule", "ML", "organizer");

    @BeforeEach
    void setUp() {
        fixtures = new CompetitionFixtures(mongo);
        if (categoryEvents == null) {
            categoryEvents = new PublishedEvents(broker.getBrokersAsString(), Topics.COMPETITION_CATEGORIES);
        }
    }

    @AfterAll
    static void closeEvents() {
        if (categoryEvents != null) {
            categoryEvents.close();
            categoryEvents = null;
        }
    }

    private Category evaluation() {
        return fixtures.category(fixtures.edition(), CategoryCode.START_UP_CHALLENGE, Phase.EVALUATION);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Timeline.BAMAKO).toString();
    }

    /** The category's phases in Bamako time, with {@code changes} instead of the stored starts. */
    private static Map<Phase, String> phases(Category category, Map<Phase, String> changes) {
        Map<Phase, String> phases = new EnumMap<>(Phase.class);
        category.timeline().starts().forEach((phase, start) -> phases.put(phase, local(start)));
        phases.putAll(changes);
        return phases;
    }

    private static String body(Map<Phase, String> phases, String reason) {
        List<String> entries = new ArrayList<>();
        phases.forEach((phase, start) -> entries.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(phase, start)));
        return "{\"phases\": [" + String.join(", ", entries) + "]" + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
    }

    private ServiceApi.Response reschedule(Category category, String body) {
        return api().put("/api/competitions/editions/" + category.editionId() + "/categories/" + category.id() + "/phases",
                organizer, body);
    }

    private static void assertRejected(ServiceApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains(field);
    }

    @Test
    void organizer_opens_the_next_phase_right_away_which_is_announced_and_audited() {
        Category category = evaluation();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        ServiceApi.Response moved = reschedule(category, body(phases(category,
                Map.of(Phase.PRESELECTION, local(Instant.now().minusSeconds(30)))), "Évaluation terminée plus tôt"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("currentPhase").asString()).isEqualTo("PRESELECTION");
        Instant start = Instant.parse(moved.json().get("phases").get(2).get("startsAt").asString());
        assertThat(start).isBetween(before, Instant.now());
        assertThat(moved.json().get("phases").get(1).get("endsAt").asString()).isEqualTo(start.toString());
        JsonNode entry = api().get("/api/competitions/audit?categoryId=" + category.id() + "&action=PHASE_CHANGED", organizer)
                .json().get("content");
        JsonNode byOrganizer = null;
        for (JsonNode line : entry) {
            if (!line.get("actorId").isNull()) {
                byOrganizer = line;
            }
        }
        assertThat(byOrganizer).isNotNull();
        assertThat(byOrganizer.get("actorId").asString()).isEqualTo(TestIssuer.subjectOf("organizer-reschedule"));
        assertThat(byOrganizer.get("reason").asString()).isEqualTo("Évaluation terminée plus tôt");
        assertThat(byOrganizer.get("details").get("PRESELECTION").asString())
                .isEqualTo(local(category.timeline().start(Phase.PRESELECTION)) + " → " + local(start));
        assertThat(byOrganizer.get("details").has("EVALUATION")).isFalse();
        categoryEvents.await(PhaseChanged.TYPE.type(), category.id(), p -> p.get("phase").asString().equals("PRESELECTION"), 1);
    }

    @Test
    void later_phases_move_freely_and_the_open_phase_stays_open() {
        Category category = evaluation();
        Instant newFinal = category.timeline().start(Phase.FINAL).plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

        ServiceApi.Response moved = reschedule(category, body(phases(category, Map.of(Phase.FINAL, local(newFinal),
                Phase.CLOSED, local(newFinal.plus(Duration.ofDays(2))))), "Finale reportée"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("currentPhase").asString()).isEqualTo("EVALUATION");
        assertThat(Instant.parse(moved.json().get("phases").get(4).get("startsAt").asString())).isEqualTo(newFinal);
        assertThat(reschedule(category, body(phases(category, Map.of(Phase.FINAL, local(newFinal),
                Phase.CLOSED, local(newFinal.plus(Duration.ofDays(2))))), "Même calendrier")).status()).isEqualTo(200);
    }

    @Test
    void a_start_that_has_passed_cannot_change_and_a_new_start_cannot_be_in_the_past() {
        Category category = evaluation();
        Instant submission = category.timeline().start(Phase.SUBMISSION);
        Instant evaluation = category.timeline().start(Phase.EVALUATION);

        assertRejected(reschedule(category, body(phases(category, Map.of(Phase.SUBMISSION,
                local(submission.minus(Duration.ofHours(1))))), "x")), "phases.SUBMISSION");
        assertRejected(reschedule(category, body(phases(category, Map.of(Phase.EVALUATION,
                local(evaluation.plus(Duration.ofMinutes(5))))), "x")), "phases.EVALUATION");
        assertRejected(reschedule(category, body(phases(category, Map.of(Phase.PRESELECTION,
                local(Instant.now().minus(Duration.ofMinutes(10))))), "x")), "phases.PRESELECTION");
        ServiceApi.Response english = api().put("/api/competitions/editions/" + category.editionId() + "/categories/"
                + category.id() + "/phases", organizer, body(phases(category, Map.of(Phase.SUBMISSION,
                local(submission.plus(Duration.ofMinutes(1))))), "x"), "Accept-Language", "en");
        // in words: the phase's name and its start as a date, never PHASE codes or ISO times
        assertThat(english.json().get("errors").get(0).get("message").asString())
                .startsWith("Phase \"Applications open\" has already started (").contains(", Bamako time)")
                .doesNotContain("SUBMISSION").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(mongo.findById(category.id(), Category.class).phases()).isEqualTo(category.phases());
    }

    @Test
    void a_new_start_after_the_year_2100_is_named() {
        Category category = evaluation();

        assertRejected(reschedule(category, body(phases(category, Map.of(Phase.CLOSED, "+999999999-12-31T23:59:59")), "x")),
                "phases.CLOSED");
        assertRejected(reschedule(category, body(phases(category, Map.of(Phase.FINAL, "2101-01-01T00:00",
                Phase.CLOSED, "2101-01-02T00:00")), "x")), "phases.FINAL");
        assertThat(mongo.findById(category.id(), Category.class).phases()).isEqualTo(category.phases());
    }

    @Test
    void the_order_rules_of_creation_hold_and_a_reason_is_required() {
        Category category = evaluation();
        Instant preselection = category.timeline().start(Phase.PRESELECTION);

        assertRejected(reschedule(category, body(phases(category, Map.of(Phase.INCUBATION,
                local(preselection.minus(Duration.ofHours(1))))), "x")), "phases.INCUBATION");
        Map<Phase, String> missing = phases(category, Map.of());
        missing.remove(Phase.CLOSED);
        assertRejected(reschedule(category, body(missing, "x")), "phases.CLOSED");
        assertRejected(reschedule(category, body(phases(category, Map.of()), null)), "reason");
        assertRejected(reschedule(category, body(phases(category, Map.of()), " ")), "reason");
        assertRejected(reschedule(category, "{\"phases\": [], \"reason\": \"x\"}"), "phases");
        assertRejected(reschedule(category, body(phases(category, Map.of(Phase.FINAL, "tomorrow")), "x")), "phases[4].start");
    }

    @Test
    void only_organizers_reschedule_and_only_a_category_of_that_edition() {
        Category category = evaluation();
        String body = body(phases(category, Map.of()), "x");
        String path = "/api/competitions/editions/" + category.editionId() + "/categories/" + category.id() + "/phases";
        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            assertThat(api().put(path, ISSUER.token(role + "-reschedule", "ML", role), body).status()).as(role).isEqualTo(403);
        }
        assertThat(api().put(path, null, body).status()).isEqualTo(401);
        Edition other = fixtures.edition();
        assertThat(api().put("/api/competitions/editions/" + other.id() + "/categories/" + category.id() + "/phases",
                organizer, body).status()).isEqualTo(404);
        assertThat(api().put("/api/competitions/editions/" + category.editionId() + "/categories/no-such/phases",
                organizer, body).status()).isEqualTo(404);
    }
}
