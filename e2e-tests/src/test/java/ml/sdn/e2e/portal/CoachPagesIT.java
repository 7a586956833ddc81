package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach follows an incubatee through the portal, without JavaScript: the dashboard with its progress
 * chart, the incubatee's page, a session logged with its agreed action, a submitted milestone validated;
 * and what incubation-service then holds, read back as an organizer. Another coach's incubatee is a
 * not-found page; a participant is refused the coach's pages.
 */
@ExtendWith(RunningPlatform.class)
class CoachPagesIT {

    private static final String INCUBATION = "/api/incubation";

    private final Platform platform;

    CoachPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_coach_logs_a_session_and_validates_a_milestone_and_the_service_holds_them() {
        JuryPagesSetUp setUp = new JuryPagesSetUp(platform);
        String organizer = setUp.organizer();
        String title = "Sahel Compost " + UUID.randomUUID().toString().substring(0, 6);
        String incubatee = incubateeCoachedByCoachNe(platform, setUp, title);

        // the start-up submits its first milestone, for the coach to review
        String startUp = platform.tokenOf("participant-ne");
        Platform.Response milestones = platform.get(platform.gateway(INCUBATION + "/incubatees/" + incubatee + "/milestones"), startUp);
        assertThat(milestones.status()).as(milestones.body()).isEqualTo(200);
        String milestone = milestones.json().get(0).get("id").asString();
        Platform.Response submitted = platform.postJson(platform.gateway(INCUBATION + "/milestones/" + milestone + "/submit"), startUp,
                "{\"evidenceUrl\": \"https://example.org/modele-economique.pdf\", \"comment\": \"Testé avec trois coopératives.\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(platform.gateway(""), "coach-ne", "demo");
            browser.open(platform.gateway("/coach")).waitForText(title);
            assertThat(browser.pageText()).contains("Mes incubés", "Avancement des jalons", "0 jalon validé sur 2 (0 %)", "Aucune séance");
            assertThat(browser.findAll(By.cssSelector("svg.chart rect.bar"))).isNotEmpty();
            browser.screenshot("coach-dashboard");

            browser.follow(By.linkText(title)).waitForText("Noter une séance");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(browser.pageText()).contains("Modèle économique validé", "Soumis, à examiner", "Testé avec trois coopératives.");
            browser.screenshot("coach-incubatee");

            browser.fill("durationMinutes", "90").choose("mode", "REMOTE")
                    .fill("topics", "Modèle économique\nFixation des prix")
                    .fill("notes", "Revoir la grille tarifaire avec les coopératives.")
                    .fill("privateNotes", "Équipe motivée mais fragile.")
                    .fill("actionDescription", "Tester trois prix");
            browser.submit(By.cssSelector("form[action$='/sessions'] button[type=submit]"));
            browser.waitForText("La séance est enregistrée.");
            assertThat(browser.pageText()).contains("90 min, à distance", "Sujets : Modèle économique, Fixation des prix",
                    "Notes privées : Équipe motivée mais fragile.", "Tester trois prix");
            browser.screenshot("coach-incubatee-session");

            browser.submit(By.cssSelector("form[action$='/validate'] button[type=submit]"));
            browser.waitForText("Le jalon est validé.");
            assertThat(browser.pageText()).contains("Validé", "1 jalon validé sur 2 (50 %)");
            browser.screenshot("coach-incubatee-milestone-validated");
        }

        Platform.Response sessions = platform.get(platform.gateway(INCUBATION + "/incubatees/" + incubatee + "/sessions"), organizer);
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        JsonNode session = sessions.json().get("content").get(0);
        assertThat(session.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(session.get("mode").asString()).isEqualTo("REMOTE");
        assertThat(session.get("topics").get(0).asString()).isEqualTo("Modèle économique");
        assertThat(session.get("topics").get(1).asString()).isEqualTo("Fixation des prix");
        assertThat(session.get("notes").asString()).isEqualTo("Revoir la grille tarifaire avec les coopératives.");
        assertThat(session.get("privateNotes").asString()).isEqualTo("Équipe motivée mais fragile.");
        assertThat(session.get("actions").get(0).get("description").asString()).isEqualTo("Tester trois prix");
        assertThat(session.get("actions").get(0).get("dueDate").asString()).isEqualTo(
                LocalDate.parse(session.get("heldAt").asString().substring(0, 10)).plusWeeks(1).toString());
        Platform.Response validated = platform.get(platform.gateway(INCUBATION + "/milestones/" + milestone), organizer);
        assertThat(validated.json().get("status").asString()).isEqualTo("VALIDATED");

        // another coach finds nothing; a participant may not open the coach's pages
        try (Browser otherCoach = Browser.withoutJavaScript()) {
            otherCoach.signIn(platform.gateway(""), "coach-ml", "demo");
            otherCoach.open(platform.gateway("/coach/incubatees/" + incubatee)).waitForText("Un problème est survenu");
            assertThat(otherCoach.pageText()).contains("existe pas").doesNotContain(title);
            otherCoach.screenshot("coach-not-theirs");
        }
        try (Browser participant = Browser.withoutJavaScript()) {
            participant.signIn(platform.gateway(""), "participant-ml", "demo");
            participant.open(platform.gateway("/coach")).waitForText("Un problème est survenu");
            assertThat(participant.pageText()).contains("pas accès");
            participant.screenshot("coach-forbidden");
        }
    }

    /**
     * As SmallEditionIT: a Nigerien start-up's application preselected by the organizer (the category goes
     * straight to preselection, the choice given with its reason), the edition's cohort opened (the
     * preselection event enrols it), coach-ne put on the roster and assigned. Returns the incubatee id.
     */
    static String incubateeCoachedByCoachNe(Platform platform, JuryPagesSetUp setUp, String title) {
        String organizer = setUp.organizer();
        String edition = setUp.edition();
        String category = setUp.category(edition, false);
        String application = setUp.apply("participant-ne", "NE", category, title, "FEMALE");
        setUp.openNow(edition, category, "PRESELECTION");
        Platform.Response preselected = platform.postJson(platform.gateway(JuryPagesSetUp.API + "/categories/" + category + "/preselection"),
                organizer, "{\"applicationIds\": [\"%s\"], \"overrideReason\": \"Test des pages du coach\"}".formatted(application));
        assertThat(preselected.status()).as(preselected.body()).isBetween(200, 201);

        LocalDate today = LocalDate.now(JuryPagesSetUp.BAMAKO);
        // incubation knows the edition from competition's EditionCreated event: until it has heard it, 400 naming editionId
        Platform.Response cohort = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                platform.postJson(platform.gateway(INCUBATION + "/cohorts"), organizer, """
                {"editionId": "%s", "name": "Cohorte %s", "startDate": "%s", "endDate": "%s", "capacity": 10,
                 "milestones": [{"code": "business-model", "title": "Modèle économique validé", "dueOffsetDays": 30},
                                {"code": "mvp", "title": "MVP", "dueOffsetDays": 60}]}""".formatted(edition, title, today,
                today.plusMonths(6))), response -> response.status() != 400 || !response.body().contains("editionId"));
        assertThat(cohort.status()).as(cohort.body()).isEqualTo(201);
        String cohortId = cohort.json().get("id").asString();

        String incubatee = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Platform.Response listed = platform.get(platform.gateway(INCUBATION + "/incubatees?cohortId=" + cohortId), organizer);
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            for (JsonNode record : listed.json().get("content")) {
                if (application.equals(record.get("applicationId").asString())) {
                    return record.get("id").asString();
                }
            }
            return null;
        }, Objects::nonNull);

        // coach-ne joins the roster, keeping whoever is on it
        String coachId = Platform.claimsOf(platform.tokenOf("coach-ne")).get("sub").asString();
        List<String> entries = new ArrayList<>();
        for (JsonNode coach : platform.get(platform.gateway(INCUBATION + "/coaches"), organizer).json()) {
            if (coach.get("onRoster").asBoolean() && !coachId.equals(coach.get("id").asString())) {
                entries.add("{\"id\": \"%s\", \"name\": \"%s\"}".formatted(coach.get("id").asString(), coach.get("name").asString()));
            }
        }
        entries.add("{\"id\": \"%s\", \"name\": \"Coach Niger\"}".formatted(coachId));
        Platform.Response roster = platform.putJson(platform.gateway(INCUBATION + "/coaches"), organizer,
                "{\"coaches\": [" + String.join(", ", entries) + "]}");
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        Platform.Response assigned = platform.putJson(platform.gateway(INCUBATION + "/incubatees/" + incubatee + "/coach"), organizer,
                "{\"coachId\": \"%s\"}".formatted(coachId));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return incubatee;
    }
}
