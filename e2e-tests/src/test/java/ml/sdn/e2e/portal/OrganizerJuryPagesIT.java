package ml.sdn.e2e.portal;

import ml.sdn.e2e.Competitions;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer runs a category's jury and its deadlines from the portal on a 360 px phone, without JavaScript:
 * {@code /organizer/jury} opens the category's jury page; each juror's progress in words; an applicant refused
 * onto the roster with the reason; the conflict a juror declared; a review taken away and an application given
 * by hand, each with a reason and the service's errors next to the fields; the calendar moved and the deadline
 * extended for the category and for one applicant. What competition-service holds afterwards is read through
 * the API.
 */
@ExtendWith(RunningPlatform.class)
class OrganizerJuryPagesIT {

    private static final String API = Competitions.API;

    private final Platform platform;

    OrganizerJuryPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_runs_the_jury_and_the_deadlines_of_a_category_on_a_phone_and_the_service_holds_it() {
        JuryPagesSetUp setUp = new JuryPagesSetUp(platform);
        Competitions competitions = new Competitions(platform, setUp.organizer());
        String title = "Jury à la main " + UUID.randomUUID().toString().substring(0, 6);
        String edition = setUp.edition();
        String category = setUp.category(edition, false);
        String application = setUp.apply("participant-bf", "BF", category, title, "MALE");
        competitions.jury(category, List.of("jury-ml"));
        setUp.openNow(edition, category, "EVALUATION");
        competitions.assign(category, null);
        competitions.jury(category, List.of("jury-ml", "jury-bf"));
        JsonNode applied = platform.get(platform.gateway(API + "/applications/" + application), setUp.organizer()).json();
        String reference = applied.get("reference").asString();
        String jury = "/organizer/editions/" + edition + "/categories/" + category + "/jury";
        LocalDateTime until = LocalDateTime.now(Competitions.BAMAKO).truncatedTo(ChronoUnit.MINUTES).plusHours(3);

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 800));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");

            // the jury's address finds the category's page; each juror's progress in words
            browser.open(platform.gateway("/organizer/jury?edition=" + edition + "&category=" + category)).waitForUrl(jury);
            String roster = browser.find(By.id("roster")).getText();
            assertThat(roster).contains("jury-ml", "1 évaluation confiée : aucune notée, 1 à faire.",
                    "jury-bf", "aucune évaluation confiée : aucune notée, rien à faire.");
            browser.screenshot("organizer-jury-progress");

            // the same progress as a file, linked from the page, with the browser's session: one line per juror
            assertThat(browser.find(By.id("jury-csv")).getAttribute("href")).endsWith(jury + ".csv");
            List<String> lines = Download.of(browser, By.id("jury-csv")).csvLines("avancement-jury-");
            assertThat(lines.get(0)).startsWith("\uFEFFÉdition ").contains("avancement du jury — fichier établi le ")
                    .doesNotContain(edition, category);
            assertThat(lines.get(1)).isEqualTo("Juré·e;Identifiant;Disponible;Évaluations attribuées;Notées;Restantes;Avancement (%)");
            assertThat(lines.subList(2, lines.size())).hasSize(2)
                    .anySatisfy(row -> assertThat(row).contains(";jury-ml;oui;1;0;1;0,0"))
                    .anySatisfy(row -> assertThat(row).endsWith(";jury-bf;oui;0;0;0;"));

            // the same file for Excel: the same lines, counts as numbers
            assertThat(browser.find(By.id("jury-xlsx")).getAttribute("href")).endsWith(jury + ".xlsx");
            List<List<Object>> rows = Download.of(browser, By.id("jury-xlsx")).xlsxRows("avancement-jury-");
            assertThat((String) rows.get(0).get(0)).startsWith(Download.untilItsTime(lines.get(0).substring(1)));
            assertThat(rows.subList(2, rows.size())).hasSize(2).anySatisfy(row -> assertThat(row.subList(1, row.size()))
                    .containsExactly("jury-ml", "oui", new BigDecimal("1"), BigDecimal.ZERO, new BigDecimal("1"), BigDecimal.ZERO));

            // every category's jury of the edition in one file, linked from the same page
            String editionJury = "/organizer/editions/" + edition + "/jury";
            assertThat(browser.find(By.id("edition-jury-csv")).getAttribute("href")).endsWith(editionJury + ".csv");
            assertThat(browser.find(By.id("edition-jury-xlsx")).getAttribute("href")).endsWith(editionJury + ".xlsx");
            List<String> editionLines = Download.of(browser, By.id("edition-jury-csv")).csvLines("avancement-jury-edition-");
            assertThat(editionLines.get(0)).startsWith("\uFEFFÉdition ")
                    .contains(" — avancement du jury de toutes les catégories — fichier établi le ");
            assertThat(editionLines.get(1)).startsWith("Catégorie;Juré·e;Identifiant;");
            assertThat(editionLines.subList(2, editionLines.size())).hasSize(2)
                    .anySatisfy(row -> assertThat(row).endsWith(";jury-ml;oui;1;0;1;0,0"))
                    .anySatisfy(row -> assertThat(row).endsWith(";jury-bf;oui;0;0;0;"));
            List<List<Object>> editionRows = Download.of(browser, By.id("edition-jury-xlsx")).xlsxRows("avancement-jury-edition-");
            assertThat(editionRows).hasSize(editionLines.size());
            assertThat(editionRows.get(1)).startsWith("Catégorie", "Juré·e", "Identifiant");

            // the applicant is refused onto the roster, with the reason in words next to the field
            browser.fill("add", "participant-bf").submit(By.cssSelector("#add-juror button[type=submit]"));
            assertThat(browser.find(By.id("usernames-error")).getText())
                    .isEqualTo("participant-bf ne peut pas faire partie du jury de cette catégorie : cette personne y est candidate.");
            browser.screenshot("organizer-jury-refused");

            // jury-ml declares a conflict: the application goes to jury-bf, the page shows the conflict and the loads
            Platform.Response declared = platform.postJson(platform.gateway(API + "/applications/" + application + "/conflict"),
                    platform.tokenOf("jury-ml"), "{\"reason\": \"Mon cousin dirige cette start-up\"}");
            assertThat(declared.status()).as(declared.body()).isEqualTo(200);
            browser.open(platform.gateway(jury));
            assertThat(browser.find(By.id("conflicts")).getText())
                    .contains("jury-ml sur " + reference + " (Présélection) : « Mon cousin dirige cette start-up »");
            assertThat(browser.find(By.id("roster")).getText()).contains("1 évaluation confiée : aucune notée, 1 à faire.");
            String review = reviews(setUp, category).stream().filter(r -> r.get("username").asString().equals("jury-bf"))
                    .findFirst().orElseThrow().get("reviewId").asString();

            // a review taken away: without a reason, the message is next to that review's field; then with one
            By removeForm = By.cssSelector("form[action$='/jury/assignments/" + review + "/remove']");
            browser.click(By.xpath("//form[contains(@action, '/jury/assignments/" + review + "/remove')]/preceding-sibling::summary"));
            browser.submit(By.cssSelector("form[action$='/jury/assignments/" + review + "/remove'] button[type=submit]"));
            assertThat(browser.find(By.id("removeReason-error")).getText()).isEqualTo("La raison est obligatoire.");
            assertThat(browser.find(By.id("remove-reason-" + review)).getAttribute("aria-describedby")).isEqualTo("removeReason-error");
            browser.screenshot("organizer-jury-remove-error");
            browser.find(By.id("remove-reason-" + review)).sendKeys("Absent toute la semaine");
            browser.submit(By.cssSelector("form[action$='/jury/assignments/" + review + "/remove'] button[type=submit]"));
            browser.waitForText("Évaluation retirée au juré.");
            assertThat(browser.findAll(removeForm)).as("an ended review cannot be taken away again").isEmpty();

            // the manual form says every fault at once, next to each field
            browser.submit(By.cssSelector("form[action$='/jury/manual'] button[type=submit]"));
            assertThat(browser.find(By.id("applicationId-error")).getText()).isEqualTo("La candidature est obligatoire.");
            assertThat(browser.find(By.id("username-error")).getText()).isEqualTo("L'identifiant du juré est obligatoire.");
            assertThat(browser.find(By.id("reason-error")).getText()).isEqualTo("La raison est obligatoire.");
            browser.screenshot("organizer-jury-manual-errors");

            // the juror who declared the conflict is refused, with the reason; the other one takes it
            browser.choose("applicationId", application).choose("username", "jury-ml").fill("reason", "Renfort");
            browser.submit(By.cssSelector("form[action$='/jury/manual'] button[type=submit]"));
            assertThat(browser.find(By.cssSelector(".problem")).getText())
                    .isEqualTo("Ce juré a déclaré un conflit d'intérêts sur cette candidature.");
            browser.choose("applicationId", application).choose("username", "jury-bf").fill("reason", "De retour plus tôt que prévu");
            browser.submit(By.cssSelector("form[action$='/jury/manual'] button[type=submit]"));
            browser.waitForText("Candidature affectée au juré.");
            assertThat(browser.find(By.id("assignments")).getText()).contains("(manuelle)");
            assertThat(browser.find(By.id("roster")).getText()).contains("1 évaluation confiée : aucune notée, 1 à faire.");
            browser.screenshot("organizer-jury-manual");

            // the calendar: the reason is required; then the closing moves a day later
            String schedule = "/organizer/editions/" + edition + "/categories/" + category + "/schedule";
            browser.follow(By.linkText("Calendrier et délais")).waitForUrl(schedule);
            LocalDateTime closing = LocalDateTime.parse(phaseStart(setUp, edition, category, "CLOSED"));
            LocalDateTime moved = closing.truncatedTo(ChronoUnit.MINUTES).plusDays(1);
            pick(browser, "phase-CLOSED", moved.toString());
            browser.submit(By.cssSelector("form[action$='/schedule/phases'] button[type=submit]"));
            assertThat(browser.find(By.id("rescheduleReason-error")).getText()).isEqualTo("La raison du changement de calendrier est obligatoire.");
            assertThat(browser.find(By.id("phase-CLOSED")).getAttribute("value")).isEqualTo(moved.toString());
            browser.screenshot("organizer-schedule-error");
            browser.find(By.id("reschedule-reason")).sendKeys("La salle de délibération n'est libre que le lendemain");
            browser.submit(By.cssSelector("form[action$='/schedule/phases'] button[type=submit]"));
            browser.waitForText("Calendrier changé.");
            assertThat(LocalDateTime.parse(phaseStart(setUp, edition, category, "CLOSED"))).isEqualTo(moved);

            // the deadline extended for the whole category
            pick(browser, "until", until.toString());
            browser.find(By.id("extension-reason")).sendKeys("Coupure d'électricité à Ouagadougou");
            browser.submit(By.cssSelector("form[action$='/schedule/extensions'] button[type=submit]"));
            browser.waitForText("Délai prolongé.");
            assertThat(browser.find(By.id("extensions")).getText()).contains("Toute la catégorie", "Coupure d'électricité à Ouagadougou");
            browser.screenshot("organizer-schedule");

            // and for one applicant, from their application's page
            browser.open(platform.gateway("/organizer/applications/" + application));
            pick(browser, "until", until.plusHours(1).toString());
            browser.find(By.id("extension-reason")).sendKeys("Hospitalisé pendant la clôture");
            browser.submit(By.cssSelector("form[action$='/extension'] button[type=submit]"));
            browser.waitForText("Délai prolongé pour cette personne.");
            browser.screenshot("organizer-application-extended");
        }

        // what competition-service holds
        List<JsonNode> held = reviews(setUp, category);
        assertThat(held).anySatisfy(r -> {
            assertThat(r.get("username").asString()).isEqualTo("jury-ml");
            assertThat(r.get("status").asString()).isEqualTo("CONFLICTED");
        }).anySatisfy(r -> {
            assertThat(r.get("username").asString()).isEqualTo("jury-bf");
            assertThat(r.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(r.get("manual").asBoolean()).isTrue();
        });
        JsonNode jurors = platform.get(platform.gateway(API + "/categories/" + category + "/jurors"), setUp.organizer()).json();
        assertThat(jurors.get("jurors").findValuesAsString("username")).containsExactlyInAnyOrder("jury-ml", "jury-bf");
        JsonNode extensions = platform.get(platform.gateway(API + "/categories/" + category + "/extensions"), setUp.organizer()).json();
        assertThat(extensions).hasSize(2);
        assertThat(extensions.get(0).get("applicantId").isNull()).isTrue();
        assertThat(extensions.get(0).get("untilLocal").asString()).startsWith(until.toString());
        assertThat(extensions.get(1).get("applicantId").asString()).isEqualTo(applied.get("applicantId").asString());
        assertThat(extensions.get(1).get("reason").asString()).isEqualTo("Hospitalisé pendant la clôture");

        // the competition's audit trail tells each of these changes with its reason, newest first, filtered by action
        String auditApi = "/api/competitions/audit?editionId=" + edition + "&categoryId=" + category + "&action=";
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 800));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/audit?edition=" + edition));
            for (String[] expected : new String[][] {
                    {"JUROR_REMOVED", "Juré retiré d'une candidature", "Absent toute la semaine"},
                    {"PHASE_CHANGED", "Phase d'une catégorie changée", "La salle de délibération n'est libre que le lendemain"},
                    {"DEADLINE_EXTENDED", "Date limite prolongée", "Coupure d'électricité à Ouagadougou"},
                    {"DEADLINE_EXTENDED", "Date limite prolongée", "Hospitalisé pendant la clôture"}}) {
                browser.choose("action", expected[0]).submit(By.cssSelector("#filters button[type=submit]"));
                assertThat(browser.findAll(By.cssSelector(".audit-entry h2"))).as(expected[0]).isNotEmpty()
                        .allSatisfy(heading -> assertThat(heading.getText()).isEqualTo(expected[1]));
                assertThat(browser.findAll(By.cssSelector(".audit-entry .reason"))).as(expected[0])
                        .anySatisfy(reason -> assertThat(reason.getText()).isEqualTo(expected[2]));
                assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
                JsonNode trail = platform.get(platform.gateway(auditApi + expected[0]), setUp.organizer()).json();
                assertThat(trail.get("content").findValuesAsString("reason")).as(expected[0]).contains(expected[2]);
            }
            browser.screenshot("organizer-audit-filtered");
        }

        // jury-bf's list holds only what other tests give them
        String reviewId = held.stream().filter(r -> r.get("username").asString().equals("jury-bf")).findFirst().orElseThrow()
                .get("reviewId").asString();
        setUp.removeReview(category, reviewId);
    }

    /**
     * The automatic assignment started from the jury page, on a phone without JavaScript: the page says in words what
     * the run did, and competition-service holds the review it made (jury-ml on the application, not a manual one).
     */
    @Test
    void an_organizer_starts_the_automatic_assignment_from_the_jury_page_and_the_service_holds_its_review() {
        JuryPagesSetUp setUp = new JuryPagesSetUp(platform);
        Competitions competitions = new Competitions(platform, setUp.organizer());
        String edition = setUp.edition();
        String category = setUp.category(edition, false);
        String application = setUp.apply("participant-bf", "BF", category,
                "Répartition automatique " + UUID.randomUUID().toString().substring(0, 6), "MALE");
        competitions.jury(category, List.of("jury-ml"));
        setUp.openNow(edition, category, "EVALUATION");
        String jury = "/organizer/editions/" + edition + "/categories/" + category + "/jury";

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 800));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway(jury));
            browser.choose("round", "PRESELECTION").submit(By.cssSelector("form[action$='/jury/assignments'] button[type=submit]"));
            assertThat(browser.find(By.id("run")).getText()).isEqualTo(
                    "Répartition faite : une candidature, un juré, une affectation ajoutée ; complète : oui ; équilibrée : oui.");
            assertThat(browser.find(By.id("roster")).getText()).contains("jury-ml", "1 évaluation confiée : aucune notée, 1 à faire.");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("organizer-jury-run");

            // a second click finds nothing left to do, and says so
            browser.submit(By.cssSelector("form[action$='/jury/assignments'] button[type=submit]"));
            assertThat(browser.find(By.id("run")).getText()).contains("aucune affectation ajoutée", "complète : oui");
        }
        List<JsonNode> held = reviews(setUp, category);
        assertThat(held).singleElement().satisfies(review -> {
            assertThat(review.get("username").asString()).isEqualTo("jury-ml");
            assertThat(review.get("applicationId").asString()).isEqualTo(application);
            assertThat(review.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(review.get("manual").asBoolean()).isFalse();
        });
        setUp.removeReview(category, held.get(0).get("reviewId").asString());
    }

    /**
     * Sets a date-and-time field as the phone's date picker does (typing into it depends on the browser's locale);
     * the page itself runs no script.
     */
    private static void pick(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(By.id(id)), value);
    }

    private List<JsonNode> reviews(JuryPagesSetUp setUp, String category) {
        JsonNode page = platform.get(platform.gateway(API + "/categories/" + category + "/assignments?size=100"), setUp.organizer()).json();
        List<JsonNode> reviews = new ArrayList<>();
        page.get("content").forEach(reviews::add);
        return reviews;
    }

    private String phaseStart(JuryPagesSetUp setUp, String edition, String category, String phase) {
        JsonNode found = platform.get(platform.gateway(API + "/editions/" + edition + "/categories/" + category), setUp.organizer()).json();
        for (JsonNode window : found.get("phases")) {
            if (window.get("phase").asString().equals(phase)) {
                return window.get("start").asString();
            }
        }
        throw new AssertionError("no " + phase + " in " + found);
    }
}
