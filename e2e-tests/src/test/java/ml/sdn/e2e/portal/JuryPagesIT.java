package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A juror scores an application through the portal, without JavaScript: the blind list of their reviews,
 * the application with its score sheet (criteria, weights, half points), the service's error next to the
 * criterion's field in French, a change of mind while the round is open, the other jurors' scores once
 * their own are in; and what the service then holds, read back as an organizer. Someone else's
 * application is a not-found page; a participant is refused the juror's pages.
 */
@ExtendWith(RunningPlatform.class)
class JuryPagesIT {

    private final Platform platform;

    JuryPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_juror_scores_an_application_in_french_and_the_service_holds_the_scores() {
        JuryPagesSetUp setUp = new JuryPagesSetUp(platform);
        String title = "Récolte Connect " + UUID.randomUUID().toString().substring(0, 6);
        JuryPagesSetUp.Assigned assigned = setUp.assignedToJuryMl(title, true);
        String category = assigned.category();
        String application = assigned.application();

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(platform.gateway(""), "jury-ml", "demo");
            browser.open(platform.gateway("/jury")).waitForText(title);
            assertThat(browser.pageText()).contains("Mes évaluations", "À noter", "Présélection", "Défi start-up");
            browser.screenshot("jury-reviews");

            browser.follow(By.linkText(title)).waitForText("Ma notation");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(browser.pageText()).contains("Évaluation à l’aveugle", "Impact (poids 40 %)", "Innovation (poids 35 %)",
                    "Équipe (poids 25 %)", "par demi-points", "Une place de marché par SMS.")
                    .doesNotContain("Participant Burkina", "SARL");
            browser.screenshot("jury-application");

            // every wrong field at once (the "11", "7,3" and an empty score, and a missing comment), each
            // next to its field; before, only the first criterion was named
            browser.fill("score.impact", "11").fill("comment.impact", "Impact réel pour les coopératives.")
                    .fill("score.innovation", "7,3")
                    .fill("score.team", "").fill("comment.team", "Équipe encore petite.");
            browser.submit(By.cssSelector("form[action$='/scores'] button[type=submit]"));
            browser.waitForText("Un commentaire est obligatoire pour chaque note.");
            for (String field : List.of("scores.impact.score", "scores.innovation.score", "scores.innovation.comment",
                    "scores.team.score")) {
                assertThat(browser.findAll(By.id(field + "-error"))).as(field).hasSize(1);
            }
            assertThat(browser.find(By.id("score-innovation")).getAttribute("value")).isEqualTo("7,3");
            browser.screenshot("jury-application-errors");

            // a score without its comment: the service's message, in French, next to that criterion's comment
            browser.fill("score.impact", "7,5").fill("comment.impact", "Impact réel pour les coopératives.")
                    .fill("score.innovation", "7")
                    .fill("score.team", "6").fill("comment.team", "Équipe encore petite.");
            browser.submit(By.cssSelector("form[action$='/scores'] button[type=submit]"));
            browser.waitForText("Un commentaire est obligatoire pour chaque note.");
            WebElement error = browser.find(By.id("scores.innovation.comment-error"));
            assertThat(error.getText()).isEqualTo("Un commentaire est obligatoire pour chaque note.");
            assertThat(browser.find(By.id("comment-innovation")).getAttribute("aria-describedby"))
                    .isEqualTo("scores.innovation.comment-error");
            assertThat(browser.find(By.id("score-impact")).getAttribute("value")).as("what the juror typed stays").isEqualTo("7,5");
            browser.screenshot("jury-application-error");

            browser.fill("comment.innovation", "Approche originale par SMS.");
            browser.submit(By.cssSelector("form[action$='/scores'] button[type=submit]"));
            browser.waitForText("Vos notes sont enregistrées");
            assertThat(browser.pageText()).contains("Votre total : 6,95 / 10");
            browser.screenshot("jury-application-scored");

            JsonNode review = reviewOf(setUp.organizer(), application);
            assertThat(review.get("username").asString()).isEqualTo("jury-ml");
            assertThat(review.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(review.get("scores").get("impact").get("score").asDouble()).as("half points, typed with a comma").isEqualTo(7.5);
            assertThat(review.get("scores").get("innovation").get("score").asDouble()).isEqualTo(7.0);
            assertThat(review.get("scores").get("innovation").get("comment").asString()).isEqualTo("Approche originale par SMS.");
            assertThat(review.get("scores").get("team").get("score").asDouble()).isEqualTo(6.0);

            // a change of mind while the round is open
            browser.fill("score.impact", "9");
            browser.submit(By.cssSelector("form[action$='/scores'] button[type=submit]"));
            browser.waitForText("Votre total : 7,55 / 10");
            assertThat(reviewOf(setUp.organizer(), application).get("scores").get("impact").get("score").asDouble()).isEqualTo(9.0);

            // the list says it is scored
            browser.open(platform.gateway("/jury")).waitForText(title);
            assertThat(browser.pageText()).contains("Notée", "total 7,55 / 10");

            // this category shows the other jurors' scores after one's own (here, only the juror's own line)
            browser.open(platform.gateway("/jury/applications/" + application));
            browser.follow(By.linkText("Voir les notes des autres jurés")).waitForText("Moi");
            // no other juror has scored yet, so nothing was revealed: the juror may still change their scores
            // (they become final only once other scores were actually shown — competition-service's rule)
            assertThat(browser.findAll(By.cssSelector("form[action$='/scores']"))).as("nothing revealed, still open").isNotEmpty();
            browser.screenshot("jury-application-others");
        }

        try (Browser otherJuror = Browser.withoutJavaScript()) {
            otherJuror.signIn(platform.gateway(""), "jury-bf", "demo");
            otherJuror.open(platform.gateway("/jury/applications/" + application)).waitForText("Un problème est survenu");
            assertThat(otherJuror.pageText()).contains("existe pas").doesNotContain(title);
            otherJuror.screenshot("jury-not-assigned");
        }
        try (Browser participant = Browser.withoutJavaScript()) {
            participant.signIn(platform.gateway(""), "participant-ml", "demo");
            participant.open(platform.gateway("/jury/applications/" + application)).waitForText("Un problème est survenu");
            assertThat(participant.pageText()).contains("pas accès").doesNotContain(title);
            participant.screenshot("jury-forbidden");
        }

        setUp.removeReview(category, reviewOf(setUp.organizer(), application).get("reviewId").asString());
    }

    @Test
    void a_juror_declares_a_conflict_of_interest_and_the_application_leaves_their_list() {
        JuryPagesSetUp setUp = new JuryPagesSetUp(platform);
        String title = "Boutique Faso " + UUID.randomUUID().toString().substring(0, 6);
        String application = setUp.assignedToJuryMl(title, false).application();

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(platform.gateway(""), "jury-ml", "demo");
            browser.open(platform.gateway("/jury/applications/" + application)).waitForText("Conflit d’intérêts");
            browser.submit(By.cssSelector("form[action$='/conflict'] button[type=submit]"));
            assertThat(browser.find(By.id("reason-error")).getText()).as("a reason is required").isNotBlank();
            browser.screenshot("jury-conflict-error");

            browser.fill("reason", "Je conseille cette start-up depuis un an.");
            browser.submit(By.cssSelector("form[action$='/conflict'] button[type=submit]"));
            browser.waitForText("Votre conflit d’intérêts est enregistré");
            assertThat(browser.pageText()).doesNotContain(title);
            browser.screenshot("jury-conflict-declared");
        }
        JsonNode review = reviewOf(setUp.organizer(), application);
        assertThat(review.get("status").asString()).isEqualTo("CONFLICTED");
        assertThat(review.get("endReason").asString()).isEqualTo("Je conseille cette start-up depuis un an.");
    }

    /** The juror's review of the application as an organizer reads it (with the juror's identity). */
    private JsonNode reviewOf(String organizer, String application) {
        Platform.Response reviews = platform.get(platform.gateway(JuryPagesSetUp.API + "/applications/" + application + "/reviews"), organizer);
        assertThat(reviews.status()).as(reviews.body()).isEqualTo(200);
        for (JsonNode line : reviews.json().get("reviews")) {
            if ("jury-ml".equals(line.path("username").asString(""))) {
                return line;
            }
        }
        throw new AssertionError("no review by jury-ml: " + reviews.body());
    }
}
