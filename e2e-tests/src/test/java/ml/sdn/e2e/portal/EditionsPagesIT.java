package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editions list decides the home page: organizer-ml creates an edition in the portal (no JavaScript, a
 * 360 px phone), writes what the home page tells (venue, map, prizes, who may enter, contact, questions;
 * every error at once first), makes it the current edition, and a visitor reads it on {@code /} at phone and
 * desktop widths without sideways scrolling; then the previous edition is made current again and the home page
 * follows. Participants, jurors, coaches and coordinators get the not-allowed page and a 403 problem.
 */
@ExtendWith(RunningPlatform.class)
class EditionsPagesIT {

    private static final String API = "/api/competitions/editions";

    private final Platform platform;

    EditionsPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void the_edition_organizers_make_current_is_the_one_the_home_page_tells() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String theme = "Le numérique pour tous " + suffix;
        String previous = previousCurrentEdition();
        String previousTheme = platform.get(platform.gateway(API + "/" + previous), null).json().get("theme").asString();
        String edition;

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer"));
            // the form comes filled with next year's week at the CICB: a number and a theme are all it needs
            for (int attempt = 0; ; attempt++) {
                browser.fill("number", String.valueOf(ThreadLocalRandom.current().nextInt(100, 980))).fill("theme", theme)
                        .submit(By.cssSelector("#new-edition button[type=submit]"));
                if (browser.currentUrl().contains("?created") || attempt == 10) {
                    break;
                }
                assertThat(browser.find(By.id("number-error")).getText()).contains("existe déjà");
            }
            assertThat(browser.currentUrl()).contains("?created");
            edition = browser.currentUrl().replaceAll(".*/organizer/editions/([^/?#]+).*", "$1");
            assertThat(browser.find(By.id("edition-status")).getText()).isEqualTo("Pas annoncée");

            // the home page's content: a plain http map link and a contact in French only, both said at once
            browser.fill("venueCity", "Bamako").fill("mapLink", "http://maps.example/cicb")
                    .fill("contactFr", "Écrivez à contact@sdn.ml")
                    .fill("categories[0].prizesFr", "1er prix : 5 000 000 FCFA " + suffix)
                    .fill("categories[0].prizesEn", "1st prize: 5,000,000 FCFA " + suffix)
                    .fill("categories[0].whoMayEnterFr", "Les start-up et PME du Mali, du Burkina Faso et du Niger")
                    .fill("categories[0].whoMayEnterEn", "Start-ups and SMEs of Mali, Burkina Faso and Niger")
                    .fill("questions[0].questionFr", "La participation est-elle gratuite ?")
                    .fill("questions[0].questionEn", "Is taking part free?")
                    .fill("questions[0].answerFr", "Oui, entièrement.")
                    .fill("questions[0].answerEn", "Yes, entirely.")
                    .submit(By.cssSelector("#home-form button[type=submit]"));
            assertThat(browser.find(By.id("mapLink-error")).getText()).contains("https://");
            assertThat(browser.find(By.id("contact.en-error")).getText()).contains("en français et en anglais");
            assertThat(browser.find(By.name("questions[0].answerFr")).getAttribute("value")).isEqualTo("Oui, entièrement.");
            browser.screenshot("organizer-edition-home-errors");

            browser.fill("mapLink", "https://www.openstreetmap.org/#map=17/12.6392/-8.0029")
                    .fill("contactEn", "Write to contact@sdn.ml")
                    .submit(By.cssSelector("#home-form button[type=submit]"));
            assertThat(browser.pageText()).contains("Page d’accueil enregistrée.");

            // the list: make it the current edition
            browser.open(platform.gateway("/organizer/editions"));
            assertThat(browser.pageText()).contains(theme).doesNotContain(LocalDate.now().getYear() + 1 + "-11-18");
            browser.submit(By.cssSelector("#edition-" + edition + " form.choose button"));
            assertThat(browser.pageText()).contains("L’édition en cours a changé");
            assertThat(browser.find(By.cssSelector("#edition-" + edition + " .status")).getText())
                    .startsWith("Édition en cours");
            assertThat(browser.findAll(By.cssSelector("#edition-" + edition + " form.archive"))).as("the current one").isEmpty();
            browser.screenshot("organizer-editions");
        }
        assertThat(platform.get(platform.gateway(API + "/current"), null).json().get("id").asString()).isEqualTo(edition);
        // a category without phases: the usual calendar from the edition's week (submissions close seven months before)
        Platform.Response category = platform.postJson(platform.gateway(API + "/" + edition + "/categories"),
                platform.tokenOf("organizer-ml"), """
                {"code": "START_UP_CHALLENGE", "name": {"fr": "Start-up Challenge %s", "en": "Start-up Challenge %s"},
                 "criteria": [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 100}],
                 "preselectCount": 5}""".formatted(suffix, suffix));
        assertThat(category.status()).as(category.body()).isEqualTo(201);
        int year = LocalDate.now(ZoneId.of("Africa/Bamako")).getYear() + 1;

        try (Browser visitor = Browser.withJavaScript()) {
            for (int width : new int[] {360, 1280}) {
                visitor.driver().manage().window().setSize(new Dimension(width, 900));
                visitor.open(platform.gateway("/"));
                assertThat(visitor.pageText()).contains(theme, "CICB, Bamako", "Qui peut participer",
                        "Les start-up et PME du Mali", "1er prix : 5 000 000 FCFA " + suffix, "La participation est-elle gratuite ?",
                        "Écrivez à contact@sdn.ml", "Start-up Challenge " + suffix, "Date limite de dépôt : 18 avril " + year)
                        .doesNotContain(previousTheme);
                assertThat(visitor.find(By.id("map-link")).getAttribute("href")).startsWith("https://www.openstreetmap.org/");
                assertThat(overflow(visitor)).as("sideways scrolling at " + width + " px").isLessThanOrEqualTo(0L);
                visitor.screenshot("home-edition-" + width);
            }
        }

        // the previous edition made current again: the home page follows at once (and the organizer's pages fit a phone)
        try (Browser browser = Browser.withJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            for (String page : new String[] {"/organizer/editions/" + edition, "/organizer/editions/" + edition + "/edit"}) {
                browser.open(platform.gateway(page));
                assertThat(overflow(browser)).as("sideways scrolling on " + page).isLessThanOrEqualTo(0L);
            }
            browser.open(platform.gateway("/organizer/editions"));
            assertThat(overflow(browser)).as("sideways scrolling on the list").isLessThanOrEqualTo(0L);
            browser.submit(By.cssSelector("#edition-" + previous + " form.choose button"));
            assertThat(browser.find(By.cssSelector("#edition-" + previous + " .status")).getText()).startsWith("Édition en cours");
        }
        try (Browser visitor = Browser.withoutJavaScript()) {
            visitor.open(platform.gateway("/"));
            assertThat(visitor.pageText()).contains(previousTheme).doesNotContain(theme);
        }
        assertThat(platform.get(platform.gateway(API + "/current"), null).json().get("id").asString()).isEqualTo(previous);

        // from the other side: no other role reads or changes the editions, in the portal or the API
        for (String user : new String[] {"participant-ml", "jury-ml", "coach-ml", "coordinator-bf"}) {
            try (Browser other = Browser.withoutJavaScript()) {
                other.signIn(platform.gateway(""), user, "demo");
                other.open(platform.gateway("/organizer/editions"));
                assertThat(other.pageText()).as(user).contains("accès à cette page").doesNotContain(theme);
            }
            Platform.Response refused = platform.putJson(platform.gateway(API + "/current"), platform.tokenOf(user),
                    "{\"editionId\": \"" + edition + "\"}");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).as(user).startsWith("application/problem+json");
        }
        assertThat(platform.get(platform.gateway(API + "/current"), null).json().get("id").asString()).isEqualTo(previous);
    }

    /**
     * organizer-ml corrects an edition on a phone without JavaScript (a blank venue and theme are both said at once,
     * next to their fields, and nothing changes), then archives it from the list: the service holds the change, then
     * the archive, and an archived edition can no longer become the current one, in the portal or the API.
     */
    @Test
    void an_organizer_corrects_an_edition_then_archives_it_and_it_can_no_longer_be_chosen() {
        String organizer = platform.tokenOf("organizer-ml");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String edition = createdEdition(organizer, "Édition d'essai " + suffix);
        String corrected = "Le numérique au service des territoires " + suffix;
        String current = platform.get(platform.gateway(API + "/current"), null).json().path("id").asString();

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/editions"));
            browser.follow(By.cssSelector("#edition-" + edition + " a[href$='/edit']"));
            assertThat(browser.find(By.name("theme")).getAttribute("value")).isEqualTo("Édition d'essai " + suffix);

            browser.fill("venue", " ").fill("theme", "").submit(By.cssSelector("#edition-form button[type=submit]"));
            assertThat(browser.find(By.id("venue-error")).getText()).isNotBlank();
            assertThat(browser.find(By.id("theme-error")).getText()).isNotBlank();
            assertThat(platform.get(platform.gateway(API + "/" + edition), organizer).json().get("theme").asString())
                    .isEqualTo("Édition d'essai " + suffix);

            browser.fill("venue", "Palais de la culture, Bamako").fill("theme", corrected)
                    .submit(By.cssSelector("#edition-form button[type=submit]"));
            assertThat(browser.currentUrl()).contains("/organizer/editions/" + edition).contains("changed");
            assertThat(browser.pageText()).contains("Édition modifiée.", corrected);

            browser.open(platform.gateway("/organizer/editions"));
            browser.submit(By.cssSelector("#edition-" + edition + " form.archive button"));
            assertThat(browser.pageText()).contains("Édition archivée.");
            assertThat(browser.find(By.cssSelector("#edition-" + edition + " .status")).getText()).isEqualTo("Archivée");
            assertThat(browser.findAll(By.cssSelector("#edition-" + edition + " form.choose"))).isEmpty();
            assertThat(browser.findAll(By.cssSelector("#edition-" + edition + " form.archive"))).isEmpty();
            assertThat(browser.findAll(By.cssSelector("#edition-" + edition + " a[href$='/edit']"))).isEmpty();
        }
        JsonNode held = platform.get(platform.gateway(API + "/" + edition), organizer).json();
        assertThat(held.get("theme").asString()).isEqualTo(corrected);
        assertThat(held.get("venue").asString()).isEqualTo("Palais de la culture, Bamako");
        assertThat(held.get("archived").asBoolean()).isTrue();
        Platform.Response chosen = platform.putJson(platform.gateway(API + "/current"), organizer,
                "{\"editionId\": \"" + edition + "\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(400);
        assertThat(chosen.body()).contains("editionId", "archivée");
        assertThat(platform.get(platform.gateway(API + "/current"), null).json().path("id").asString()).isEqualTo(current);
    }

    /** How far the page is wider than the window (0 or less: no sideways scrolling). */
    private static long overflow(Browser browser) {
        Object value = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) value).longValue();
    }

    /** The current edition before this test; on a fresh stack, one made current through the API first. */
    private String previousCurrentEdition() {
        Platform.Response current = platform.get(platform.gateway(API + "/current"), null);
        if (current.status() == 200) {
            return current.json().get("id").asString();
        }
        assertThat(current.status()).as(current.body()).isEqualTo(404);
        String organizer = platform.tokenOf("organizer-ml");
        String id = createdEdition(organizer, "E-Gouvernement à l'ère de l'Intelligence Artificielle "
                + UUID.randomUUID().toString().substring(0, 6));
        Platform.Response chosen = platform.putJson(platform.gateway(API + "/current"), organizer,
                "{\"editionId\": \"" + id + "\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        return id;
    }

    /** A new edition next year, through the API, with a free number. */
    private String createdEdition(String organizer, String theme) {
        int year = LocalDate.now(ZoneId.of("Africa/Bamako")).getYear() + 1;
        for (int attempt = 0; attempt < 20; attempt++) {
            Platform.Response created = platform.postJson(platform.gateway(API), organizer, """
                    {"number": %d, "year": %d, "startDate": "%d-01-29", "endDate": "%d-01-31", "venue": "CICB, Bamako",
                     "theme": "%s", "guestCountries": ["BF", "NE"]}"""
                    .formatted(ThreadLocalRandom.current().nextInt(100, 980), year, year, year, theme));
            if (created.status() == 201) {
                return created.json().get("id").asString();
            }
            assertThat(created.status()).as(created.body()).isEqualTo(409);
        }
        throw new IllegalStateException("no free edition number");
    }
}
