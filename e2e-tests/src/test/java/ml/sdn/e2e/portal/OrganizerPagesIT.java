package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer, coordinator and public-results pages, without JavaScript: an organizer publishes an
 * edition's results through the portal and a visitor who is not signed in reads them, Special Prize
 * included, at {@code /results?edition=…}; the category form shows the service's weights error next to
 * its field in French; the statistics pages draw their charts; and the wrong roles get the 403 page.
 */
@ExtendWith(RunningPlatform.class)
class OrganizerPagesIT {

    private final Platform platform;

    OrganizerPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_publishes_the_results_and_a_visitor_reads_them_with_the_special_prize() {
        OrganizerEdition edition = new OrganizerEdition(platform).readyToPublish();
        String results = platform.gateway("/results?edition=" + edition.edition);

        try (Browser visitor = Browser.withoutJavaScript()) {
            visitor.open(results);
            assertThat(visitor.pageText()).contains("ne sont pas encore publiés");
            visitor.screenshot("organizer-results-public-not-published");
        }

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Organisation de la Semaine du Numérique");
            assertThat(browser.pageText()).contains("Nouvelle édition");
            browser.screenshot("organizer-overview");

            // the edition found by its id, with its category and the pages of it
            browser.fill("id", edition.edition).submit(By.cssSelector("form[action$='/organizer/editions'] button"));
            slowly(browser, "Start-up Challenge " + edition.suffix);
            browser.screenshot("organizer-edition");

            String base = "/organizer/editions/" + edition.edition + "/categories/" + edition.category;
            browser.open(platform.gateway(base + "/jury"));
            assertThat(browser.find(By.id("roster")).getText()).contains("jury-ml", "jury-bf", "jury-ne");
            assertThat(browser.find(By.id("assignments")).getText()).contains("Finale", "soumise");
            browser.screenshot("organizer-jury");

            browser.open(platform.gateway(base + "/ranking?round=FINAL"));
            String ranking = browser.find(By.id("ranking")).getText();
            assertThat(ranking).contains(edition.title("NE"), edition.title("ML")).doesNotContain(edition.title("BF"));
            assertThat(ranking.indexOf(edition.title("NE"))).isLessThan(ranking.indexOf(edition.title("ML")));
            assertThat(browser.pageText()).contains("Départage des ex æquo", "Télécharger le classement (CSV)");
            // the page numbers the tie-breaks; their words carry no number of their own (never « 1. 1. »)
            assertThat(browser.findAll(By.cssSelector("section ol li")).stream().map(WebElement::getText).toList())
                    .hasSize(6).first().asString().startsWith("Note finale la plus haute");
            browser.screenshot("organizer-ranking");

            // the CSV export is competition-service's file, handed on as a download (read with the browser's session)
            Download csv = Download.of(browser, platform.gateway(base + "/ranking.csv?round=FINAL"));
            assertThat(csv.csvLines("classement-start_up_challenge-final")).anySatisfy(row -> assertThat(row).contains(edition.title("NE")))
                    .anySatisfy(row -> assertThat(row).contains(edition.title("ML")));

            browser.open(platform.gateway(base + "/preselection"));
            assertThat(browser.find(By.id("decision")).getText()).contains(edition.title("ML"), edition.title("NE"))
                    .doesNotContain(edition.title("BF"));
            browser.screenshot("organizer-preselection");

            browser.open(platform.gateway("/organizer/editions/" + edition.edition + "/results"));
            assertThat(browser.find(By.id("special-prize-preview")).getText()).contains(edition.title("NE"));
            browser.screenshot("organizer-results-preview");

            // publishing needs the box ticked: without it, the message is next to the box
            browser.submit(By.cssSelector("#publish button[type=submit]"));
            slowly(browser, "Cochez la case");
            assertThat(browser.find(By.id("confirm-error")).getText()).isEqualTo("Cochez la case pour confirmer la publication.");
            assertThat(platform.get(platform.gateway("/api/competitions/editions/" + edition.edition + "/results"), null).status())
                    .isEqualTo(404);

            browser.click(By.id("confirm")).submit(By.cssSelector("#publish button[type=submit]"));
            slowly(browser, "Résultats publiés");
            assertThat(browser.findAll(By.id("publish"))).as("no second publication").isEmpty();
            browser.screenshot("organizer-results-published");
        }

        // what the service now holds
        Platform.Response published = platform.get(platform.gateway("/api/competitions/editions/" + edition.edition + "/results"), null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("womenLedPrize").get("title").asString()).isEqualTo(edition.title("NE"));

        // a visitor, not signed in, reads them
        try (Browser visitor = Browser.withoutJavaScript()) {
            visitor.open(results);
            assertThat(visitor.findAll(By.linkText("Se connecter"))).isNotEmpty();
            String page = visitor.pageText();
            assertThat(page).contains("1er prix", edition.title("NE"), "2e prix", edition.title("ML"), "Niger", "Mali")
                    .contains("Prix spécial de la meilleure initiative portée par une femme")
                    .doesNotContain(edition.title("BF"), "jury-", "@demo.sdn.ml");
            assertThat(visitor.find(By.id("special-prize")).getText()).contains(edition.title("NE"));
            visitor.screenshot("organizer-results-public");

            visitor.open(platform.gateway("/results?edition=000000000000000000000000"));
            assertThat(visitor.pageText()).contains("Cette page n");
            visitor.open(platform.gateway("/results?edition=%3Cscript%3E"));
            assertThat(visitor.pageText()).contains("Cette page n");
            visitor.open(platform.gateway("/results"));
            assertThat(visitor.pageText()).contains("Cette page n");
            visitor.screenshot("organizer-results-unknown");
        }
    }

    @Test
    void the_category_form_shows_the_weights_error_next_to_its_field_in_french_then_adds_the_category() {
        OrganizerEdition setUp = new OrganizerEdition(platform);
        String edition = setUp.edition(false);
        String name = "Concours de projets " + setUp.suffix;

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/editions/" + edition));
            // the English name left out and the weights at 90: both named in one answer (names used to come first,
            // weights on the next try)
            browser.choose("code", "PROJECT_CONTEST").fill("nameFr", name).fill("nameEn", "")
                    .fill("challenges", "Agriculture\nSanté")
                    .fill("criteria[2].weight", "15");
            browser.submit(By.cssSelector("#new-category button[type=submit]"));
            slowly(browser, "totaliser 100");

            WebElement error = browser.find(By.id("criteria-error"));
            assertThat(error.getText()).isEqualTo("Les poids des critères doivent totaliser 100 (total actuel : 90).");
            assertThat(browser.find(By.id("name.en-error")).getText()).isNotBlank();
            assertThat(browser.find(By.id("criteria")).getAttribute("aria-describedby")).contains("criteria-error");
            assertThat(browser.find(By.name("nameFr")).getAttribute("value")).isEqualTo(name);
            assertThat(browser.find(By.name("criteria[2].weight")).getAttribute("value")).isEqualTo("15");
            browser.screenshot("organizer-category-error");

            browser.fill("nameEn", "Project contest " + setUp.suffix).fill("criteria[2].weight", "25")
                    .submit(By.cssSelector("#new-category button[type=submit]"));
            slowly(browser, "Catégorie ajoutée.");
            assertThat(browser.pageText()).contains(name);
        }
        Platform.Response categories = platform.get(platform.gateway("/api/competitions/editions/" + edition + "/categories"), null);
        assertThat(categories.status()).isEqualTo(200);
        assertThat(categories.body()).contains(name, "PROJECT_CONTEST");
        assertThat(categories.json().get(0).get("criteria").findValuesAsString("code")).containsExactly("impact", "innovation", "team");
    }

    @Test
    void statistics_show_charts_and_the_coordinator_sees_only_their_country() {
        OrganizerEdition setUp = new OrganizerEdition(platform);
        setUp.profile(platform.tokenOf("participant-bf"), "MALE");
        setUp.profile(platform.tokenOf("participant-ml"), "MALE");

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/stats"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Statistiques des inscriptions");
            assertThat(browser.pageText()).contains("Participants par pays", "Participants par genre", "Organisations par secteur",
                    "Organisations portées par des femmes");
            assertThat(browser.findAll(By.cssSelector("#chart-participants-country svg rect.bar"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.find(By.cssSelector("#chart-participants-country table")).getText()).contains("Mali", "Burkina Faso");
            browser.screenshot("organizer-stats");

            browser.choose("country", "BF").submit(By.cssSelector("form[action$='/organizer/stats'] button"));
            browser.waitForUrl("country=BF");
            assertThat(browser.find(By.cssSelector("#chart-participants-country table")).getText()).contains("Burkina Faso")
                    .doesNotContain("Mali");
        }

        try (Browser coordinator = Browser.withoutJavaScript()) {
            coordinator.signIn(platform.gateway(""), "coordinator-bf", "demo");
            coordinator.open(platform.gateway("/coordinator"));
            assertThat(coordinator.find(By.tagName("h1")).getText()).isEqualTo("Délégation : Burkina Faso");
            List<String> countries = coordinator.findAll(By.cssSelector("#participants tbody td:nth-of-type(1)")).stream()
                    .map(WebElement::getText).toList();
            assertThat(countries).as("the country in words, not its code").isNotEmpty().containsOnly("Burkina Faso");
            assertThat(coordinator.find(By.cssSelector("#chart-participants-country table")).getText()).doesNotContain("Mali", "Niger");
            coordinator.screenshot("coordinator-delegation");

            // the organizers' pages are not theirs
            coordinator.open(platform.gateway("/organizer/stats"));
            assertThat(coordinator.pageText()).contains("Vous n").contains("accès à cette page");
        }
    }

    /** Waits for a text after a form is sent, longer than the browser's own wait: the shared machine can be slow. */
    private static void slowly(Browser browser, String text) {
        browser.waitUpTo(Duration.ofSeconds(120))
                .until(driver -> driver.findElement(By.tagName("body")).getText().contains(text));
    }

    @Test
    void a_participant_or_a_juror_opening_the_organizer_pages_gets_the_403_page() {
        try (Browser participant = Browser.withoutJavaScript()) {
            participant.signIn(platform.gateway(""), "participant-ml", "demo");
            participant.open(platform.gateway("/organizer"));
            assertThat(participant.pageText()).contains("accès à cette page").doesNotContain("Nouvelle édition");
            participant.screenshot("organizer-forbidden");
            participant.open(platform.gateway("/coordinator"));
            assertThat(participant.pageText()).contains("accès à cette page");
        }
        try (Browser juror = Browser.withoutJavaScript()) {
            juror.signIn(platform.gateway(""), "jury-ne", "demo");
            juror.open(platform.gateway("/organizer/stats"));
            assertThat(juror.pageText()).contains("accès à cette page").doesNotContain("Participants par pays");
        }
    }
}
