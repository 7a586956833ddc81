package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A small edition of the start-up challenge, run through the gateway with real Keycloak tokens: three
 * start-ups from Mali, Burkina Faso and Niger apply, three jurors from the three countries score them
 * blind, an organizer confirms the preselection, the finalists are scored again in the final round, and
 * the results — the podium and the Special Prize for the best women-led initiative — are published once
 * and read by anyone without signing in. The organizer moves the category from phase to phase by
 * rescheduling the next phase to now, as one would to close a call early.
 */
@ExtendWith(RunningPlatform.class)
class SmallEditionIT {

    private static final String API = Competitions.API;
    private static final List<String> JURORS = List.of("jury-ml", "jury-bf", "jury-ne");
    private static final String REASON = "Petit concours de démonstration";

    private final Platform platform;

    SmallEditionIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void applications_from_three_countries_go_through_jury_preselection_final_and_public_results() {
        String organizer = platform.tokenOf("organizer-ml");
        Competitions competitions = new Competitions(platform, organizer);
        // overlap allowed in this edition: the women-led laureate may also take the Special Prize
        String edition = competitions.edition(true);
        String category = competitions.category(edition, "START_UP_CHALLENGE", 2,
                "{\"jurorsPerApplication\": 3, \"minimumCompletedReviews\": 2, \"blindReview\": true}");
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        // three start-ups apply; the Nigerien one is led by a woman
        Map<String, String> applications = new LinkedHashMap<>();
        applications.put("ML", competitions.apply("participant-ml", "ML", category, "Teliman Pay " + suffix, "MALE"));
        applications.put("BF", competitions.apply("participant-bf", "BF", category, "Faso Récolte " + suffix, "MALE"));
        applications.put("NE", competitions.apply("participant-ne", "NE", category, "Sahel Santé " + suffix, "FEMALE"));

        // nobody reads another's application; the Burkina coordinator sees only Burkina's, without scores
        assertThat(platform.get(platform.gateway(API + "/applications/" + applications.get("BF")), platform.tokenOf("participant-ml"))
                .status()).isEqualTo(404);
        Platform.Response bfView = platform.get(platform.gateway(API + "/applications?categoryId=" + category),
                platform.tokenOf("coordinator-bf"));
        assertThat(bfView.status()).as(bfView.body()).isEqualTo(200);
        assertThat(bfView.json().get("content").findValuesAsString("country")).containsOnly("BF");
        assertThat(bfView.body()).doesNotContain("score");

        // the jury: three jurors who signed in and completed a profile
        competitions.jury(category, JURORS);

        // submissions close: evaluation opens now, every application gets the three jurors
        competitions.openNow(edition, category, "EVALUATION", REASON);
        JsonNode assigned = competitions.assign(category, null);
        assertThat(assigned.get("complete").asBoolean()).isTrue();
        assertThat(assigned.get("balanced").asBoolean()).isTrue();

        // blind review: jurors see the projects, not who is behind them
        Map<String, Double> preselectionScores = Map.of("ML", 8.5, "NE", 7.5, "BF", 5.0);
        for (String juror : JURORS) {
            String token = platform.tokenOf(juror);
            Platform.Response mine = platform.get(platform.gateway(API + "/reviews/mine"), token);
            assertThat(mine.status()).as(mine.body()).isEqualTo(200);
            assertThat(mine.json().size()).isEqualTo(3);
            assertThat(mine.body()).doesNotContain("Participant Mali", "Participant Burkina Faso", "Participant Niger", " SARL",
                    "participant-ml@demo.sdn.ml");
            applications.forEach((country, id) -> competitions.score(token, id, preselectionScores.get(country) + (juror.equals("jury-bf") ? -1 : 0)));
        }
        // a participant cannot score, and a juror cannot read the organizers' ranking
        assertThat(platform.putJson(platform.gateway(API + "/applications/" + applications.get("ML") + "/reviews/mine"),
                platform.tokenOf("participant-ne"), Competitions.scores(10)).status()).isIn(403, 404);
        assertThat(platform.get(platform.gateway(API + "/categories/" + category + "/ranking"), platform.tokenOf("jury-ml")).status())
                .isEqualTo(403);

        // preselection: the ranking's top two, confirmed once
        competitions.openNow(edition, category, "PRESELECTION", REASON);
        Platform.Response ranking = platform.get(platform.gateway(API + "/categories/" + category + "/ranking"), organizer);
        assertThat(ranking.status()).as(ranking.body()).isEqualTo(200);
        assertThat(rankedIds(ranking)).containsExactly(applications.get("ML"), applications.get("NE"), applications.get("BF"));
        Platform.Response preselection = platform.postJson(platform.gateway(API + "/categories/" + category + "/preselection"), organizer, "{}");
        assertThat(preselection.status()).as(preselection.body()).isBetween(200, 201);
        assertThat(preselection.json().get("preselected").findValuesAsString("applicationId"))
                .containsExactly(applications.get("ML"), applications.get("NE"));
        assertThat(platform.postJson(platform.gateway(API + "/categories/" + category + "/preselection"), organizer, "{}").status())
                .isEqualTo(409);

        // the applicants learn it (notification-service, from the selection events)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(platform.get(platform.gateway("/api/notifications/me"), platform.tokenOf("participant-ne")).body()).contains("\"PRESELECTED\"");
            assertThat(platform.get(platform.gateway("/api/notifications/me"), platform.tokenOf("participant-bf")).body()).contains("NOT_PRESELECTED");
        });

        // AGETIC's incubation: the preselected start-ups join the edition's cohort, a coach follows the Malian one
        followIncubation(organizer, edition, applications.get("ML"));

        // after the incubation, the final round: the finalists scored again, the Nigerien start-up comes first
        competitions.openNow(edition, category, "FINAL", REASON);
        competitions.assign(category, "FINAL");
        Map<String, Double> finalScores = Map.of("ML", 7.5, "NE", 9.0);
        for (String juror : JURORS) {
            String token = platform.tokenOf(juror);
            finalScores.forEach((country, score) -> competitions.score(token, applications.get(country), score));
        }

        Platform.Response published = platform.postJson(platform.gateway(API + "/editions/" + edition + "/results/publish"), organizer, "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(platform.postJson(platform.gateway(API + "/editions/" + edition + "/results/publish"), organizer, "").status())
                .isEqualTo(409);
        // published results are final: no juror can change a final score any more
        assertThat(platform.putJson(platform.gateway(API + "/applications/" + applications.get("ML") + "/reviews/mine"),
                platform.tokenOf("jury-ml"), Competitions.scores(10)).status()).isEqualTo(409);

        // anyone reads the results without signing in
        Platform.Response results = platform.get(platform.gateway(API + "/editions/" + edition + "/results"), null);
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        JsonNode laureates = results.json().get("categories").get(0).get("laureates");
        assertThat(laureates.get(0).get("place").asString()).isEqualTo("FIRST");
        assertThat(laureates.get(0).get("title").asString()).isEqualTo("Sahel Santé " + suffix);
        assertThat(laureates.get(0).get("country").asString()).isEqualTo("NE");
        assertThat(laureates.get(1).get("place").asString()).isEqualTo("SECOND");
        assertThat(laureates.get(1).get("title").asString()).isEqualTo("Teliman Pay " + suffix);
        assertThat(laureates.size()).as("two finalists, no third place").isEqualTo(2);
        JsonNode prize = results.json().get("womenLedPrize");
        assertThat(prize.get("awarded").asBoolean()).isTrue();
        assertThat(prize.get("title").asString()).isEqualTo("Sahel Santé " + suffix);
        assertThat(results.body()).doesNotContain("Faso Récolte", "jury-", "@demo.sdn.ml");

        // the trail says who did what
        Platform.Response audit = platform.get(platform.gateway(API + "/audit?editionId=" + edition + "&size=200"), organizer);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().get("content").findValuesAsString("action"))
                .contains("PHASE_CHANGED", "JURY_CHANGED", "ASSIGNMENTS_RUN", "SCORE_SUBMITTED", "PRESELECTION_CONFIRMED",
                        "AWARD_GRANTED", "RESULTS_PUBLISHED");
        assertThat(platform.get(platform.gateway(API + "/audit?editionId=" + edition), platform.tokenOf("coordinator-ml")).status())
                .isEqualTo(403);

        // and the laureate hears of her prize
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(platform.get(platform.gateway("/api/notifications/me"), platform.tokenOf("participant-ne")).body())
                        .contains("AWARD_GRANTED"));
    }

    /**
     * The incubation of one preselected start-up: the organizer opens the edition's cohort (the
     * preselection event enrols the candidates), assigns a coach, the coach logs a session, the
     * start-up submits a milestone that the coach validates, and the organizer graduates it — which the
     * competition service learns from the graduation event.
     */
    private void followIncubation(String organizer, String edition, String application) {
        LocalDateTime today = LocalDateTime.now(Competitions.BAMAKO);
        // incubation knows the edition from competition's EditionCreated event: until it has heard it, 400 naming editionId
        Platform.Response cohort = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                platform.postJson(platform.gateway("/api/incubation/cohorts"), organizer, """
                {"editionId": "%s", "name": "Cohorte AGETIC %d", "startDate": "%s", "endDate": "%s", "capacity": 10,
                 "milestones": [{"code": "business-model", "title": "Modèle économique validé", "dueOffsetDays": 30},
                                {"code": "mvp", "title": "MVP", "dueOffsetDays": 60}]}""".formatted(edition, today.getYear(),
                today.toLocalDate(), today.toLocalDate().plusMonths(6))), response -> response.status() != 400 || !response.body().contains("editionId"));
        assertThat(cohort.status()).as(cohort.body()).isEqualTo(201);

        String startUp = platform.tokenOf("participant-ml");
        String incubatee = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Platform.Response mine = platform.get(platform.gateway("/api/incubation/incubatees"), startUp);
            assertThat(mine.status()).as(mine.body()).isEqualTo(200);
            for (JsonNode record : mine.json().get("content")) {
                if (application.equals(record.get("applicationId").asString())) {
                    return record.get("id").asString();
                }
            }
            return null;
        }, Objects::nonNull);

        String coach = platform.tokenOf("coach-ml");
        String coachId = Platform.claimsOf(coach).get("sub").asString();
        Platform.Response roster = platform.putJson(platform.gateway("/api/incubation/coaches"), organizer,
                "{\"coaches\": [{\"id\": \"%s\", \"name\": \"Coach Mali\"}]}".formatted(coachId));
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        Platform.Response assigned = platform.putJson(platform.gateway("/api/incubation/incubatees/" + incubatee + "/coach"), organizer,
                "{\"coachId\": \"%s\"}".formatted(coachId));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        // another coach sees nothing of it
        assertThat(platform.get(platform.gateway("/api/incubation/incubatees/" + incubatee), platform.tokenOf("coach-bf")).status())
                .isEqualTo(404);

        Platform.Response session = platform.postJson(platform.gateway("/api/incubation/incubatees/" + incubatee + "/sessions"), coach, """
                {"heldAt": "%s", "durationMinutes": 90, "mode": "AT_THE_CENTRE", "topics": ["Modèle économique"],
                 "notes": "Revoir la grille tarifaire.", "privateNotes": "Équipe fragile, à suivre de près.",
                 "actions": [{"description": "Tester trois prix", "dueDate": "%s"}]}""".formatted(
                today.truncatedTo(ChronoUnit.MINUTES), today.toLocalDate().plusDays(14)));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        Platform.Response sessions = platform.get(platform.gateway("/api/incubation/incubatees/" + incubatee + "/sessions"), startUp);
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        assertThat(sessions.body()).contains("Revoir la grille tarifaire").doesNotContain("Équipe fragile");

        Platform.Response milestones = platform.get(platform.gateway("/api/incubation/incubatees/" + incubatee + "/milestones"), startUp);
        assertThat(milestones.status()).as(milestones.body()).isEqualTo(200);
        String milestone = milestones.json().findValuesAsString("id").get(0);
        Platform.Response submitted = platform.postJson(platform.gateway("/api/incubation/milestones/" + milestone + "/submit"), startUp,
                "{\"evidenceUrl\": \"https://example.org/modele-economique.pdf\", \"comment\": \"Validé avec trois clients.\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(platform.postJson(platform.gateway("/api/incubation/milestones/" + milestone + "/validate"), startUp, "{}").status())
                .as("the start-up cannot validate its own milestone").isIn(403, 404);
        Platform.Response validated = platform.postJson(platform.gateway("/api/incubation/milestones/" + milestone + "/validate"), coach,
                "{\"comment\": \"Solide.\"}");
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);

        Platform.Response progress = platform.get(platform.gateway("/api/incubation/incubatees/" + incubatee), coach);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(progress.json().get("progress").get("validated").asInt()).isEqualTo(1);
        assertThat(progress.json().get("sessions").asInt()).isEqualTo(1);

        Platform.Response graduated = platform.postJson(platform.gateway("/api/incubation/incubatees/" + incubatee + "/graduate"), organizer, "");
        assertThat(graduated.status()).as(graduated.body()).isEqualTo(200);
        // the start-up heard of each step (notification-service, from the incubation events)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(platform.get(platform.gateway("/api/notifications/me?size=100"), startUp).body())
                        .contains("INCUBATION_ENROLLED", "COACH_ASSIGNED", "SESSION_LOGGED", "MILESTONE_VALIDATED",
                                "INCUBATEE_GRADUATED")
                        .doesNotContain("Équipe fragile"));
        // the competition service learns it from the graduation event
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Platform.Response seen = platform.get(platform.gateway(API + "/applications/" + application), organizer);
            assertThat(seen.json().get("incubation").toString()).contains("GRADUATED");
        });
    }

    private static List<String> rankedIds(Platform.Response ranking) {
        List<String> ids = new ArrayList<>();
        for (JsonNode line : ranking.json().get("lines")) {
            ids.add(line.get("applicationId").asString());
        }
        return ids;
    }
}
