package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
import ml.sdn.e2e.Competitions;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files an organizer downloads from the applications, organisations and door-figures pages on a 360 px phone
 * without JavaScript, through the gateway with the browser's session, each as CSV (UTF-8 with a byte-order mark,
 * ';' separators, words) and XLSX (the same rows, counts as numbers), read back: the first line names the edition
 * and when the file was made, then the headers, then the rows the services hold. The edition of the test is made
 * the current one, which registration's files (organisations, a day's attendance) name: registration-service keeps
 * no editions, the portal names the current one.
 */
@ExtendWith(RunningPlatform.class)
class ExportsPagesIT {

    private static final String API = Competitions.API;

    private final Platform platform;

    ExportsPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_downloads_an_editions_applications_filtered_by_country_as_csv_and_xlsx() {
        String organizer = platform.tokenOf("organizer-ml");
        Competitions competitions = new Competitions(platform, organizer);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String edition = competitions.edition(true);
        String category = competitions.category(edition, Competitions.Category.of("START_UP_CHALLENGE", 2, """
                {"jurorsPerApplication": 1, "minimumCompletedReviews": 1}""").named("Start-up Challenge " + suffix,
                "Start-up Challenge " + suffix));
        String mali = "Teliman Pay " + suffix;
        String niger = "Sahel Santé " + suffix;
        competitions.apply("participant-ml", "ML", category, mali, "MALE");
        String nigerien = competitions.apply("participant-ne", "NE", category, niger, "FEMALE");
        JsonNode held = platform.get(platform.gateway(API + "/applications/" + nigerien), organizer).json();
        String title = editionTitle(competitions, edition);

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/applications?edition=" + edition));
            browser.choose("country", "NE").submit(By.cssSelector("#filters button[type=submit]"));
            assertThat(browser.find(By.id("count")).getText()).isEqualTo("Une candidature");

            // the file follows the list's filters: Niger's application only, in words
            List<String> lines = Download.of(browser, By.id("csv-link")).csvLines("candidatures-edition-");
            assertThat(lines.get(0)).startsWith("\uFEFFÉdition " + title + " — fichier établi le ");
            assertThat(lines.get(1)).isEqualTo("Référence;Titre;Catégorie;Pays;Statut;Portée par une femme;Candidat·e;Organisation;Déposée le");
            assertThat(lines.subList(2, lines.size())).singleElement().asString()
                    .startsWith(held.get("reference").asString() + ";" + niger + ";Start-up Challenge;Niger;Déposée;")
                    .doesNotContain(mali, "NE;", "SUBMITTED", edition);

            List<List<Object>> rows = Download.of(browser, By.id("xlsx-link")).xlsxRows("candidatures-edition-");
            assertThat((String) rows.get(0).get(0)).startsWith(Download.untilItsTime(lines.get(0).substring(1)));
            assertThat(rows.get(1)).startsWith("Référence", "Titre", "Catégorie", "Pays", "Statut");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(2)).startsWith(held.get("reference").asString(), niger, "Start-up Challenge", "Niger", "Déposée");
            browser.screenshot("exports-applications");
        }
    }

    @Test
    void an_organizer_downloads_the_organisations_found_as_csv_and_xlsx_naming_the_current_edition() {
        String organizer = platform.tokenOf("organizer-ml");
        Competitions competitions = new Competitions(platform, organizer);
        String edition = competitions.edition(true);
        String previous = competitions.makeCurrent(edition);
        try {
            String token = platform.tokenOf("participant-ml");
            competitions.profile(token, "MALE");
            String id = competitions.startUp(token, "ML", "Kènè Numérique " + UUID.randomUUID().toString().substring(0, 6),
                    "MALE", "HEALTH");
            JsonNode organization = platform.get(platform.gateway("/api/registrations/organizations/" + id), token).json();
            String name = organization.get("name").asString();
            int members = organization.get("members").size();
            JsonNode founded = organization.path("foundingYear");
            Object foundingYear = founded.isNumber() ? new BigDecimal(founded.asInt()) : "";

            try (Browser browser = Browser.withoutJavaScript()) {
                browser.driver().manage().window().setSize(new Dimension(360, 740));
                browser.signIn(platform.gateway(""), "organizer-ml", "demo");
                browser.open(platform.gateway("/organizer/organizations"));
                browser.fill("q", name).choose("country", "ML").submit(By.cssSelector("#search button[type=submit]"));

                List<String> lines = Download.of(browser, By.id("csv-link")).csvLines("organisations-");
                assertThat(lines.get(0)).startsWith("\uFEFFÉdition " + editionTitle(competitions, edition) + " — fichier établi le ");
                assertThat(lines.get(1)).isEqualTo("Nom;Type;Pays;Secteur;Portée par une femme;Membres;Année de création;Enregistrée le");
                assertThat(lines.subList(2, lines.size())).allSatisfy(row -> assertThat(row).contains(";Mali;"))
                        .anySatisfy(row -> assertThat(row).startsWith(name + ";start-up;Mali;"))
                        .noneSatisfy(row -> assertThat(row).contains(";ML;", "START_UP", ";HEALTH;"));

                List<List<Object>> rows = Download.of(browser, By.id("xlsx-link")).xlsxRows("organisations-");
                assertThat((String) rows.get(0).get(0)).startsWith(Download.untilItsTime(lines.get(0).substring(1)));
                assertThat(rows).hasSize(lines.size());
                // the counts are numbers a spreadsheet adds up, not text
                assertThat(rows).filteredOn(row -> name.equals(row.get(0))).singleElement()
                        .satisfies(row -> assertThat(row.subList(5, 7)).containsExactly(new BigDecimal(members), foundingYear));
                browser.screenshot("exports-organizations");
            }
        } finally {
            competitions.makeCurrentAgain(previous);
        }
    }

    @Test
    void an_organizer_downloads_a_days_attendance_with_the_check_in_as_csv_and_xlsx_naming_the_current_edition() {
        String organizer = platform.tokenOf("organizer-ml");
        Competitions competitions = new Competitions(platform, organizer);
        String edition = competitions.edition(true);
        String previous = competitions.makeCurrent(edition);
        try {
            LocalDate day = Days.ofItsOwn();
            String days = platform.gateway("/api/registrations/attendance/days/" + day);
            Platform.Response opened = platform.putJson(days, platform.tokenOf("organizer-ne"), "{\"capacity\": 50}");
            assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
            String participant = platform.tokenOf("participant-bf");
            competitions.profile(participant, "MALE");
            Platform.Response registered = platform.postJson(days + "/registrations", participant, "{}");
            assertThat(registered.status()).as(registered.body()).isBetween(200, 201);
            Platform.Response checkedIn = platform.postJson(days + "/check-ins", platform.tokenOf("staff-ne"),
                    "{\"badgeCode\":\"" + registered.json().get("badgeCode").asString() + "\",\"door\":\"Nord\"}");
            assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
            String name = platform.get(platform.gateway("/api/registrations/participants/me"), participant).json()
                    .get("displayName").asString();

            try (Browser browser = Browser.withoutJavaScript()) {
                browser.driver().manage().window().setSize(new Dimension(360, 740));
                browser.signIn(platform.gateway(""), "organizer-ml", "demo");
                browser.open(platform.gateway("/organizer/door-figures?day=" + day));

                List<String> lines = Download.of(browser, By.id("csv-link")).csvLines("presences-" + day);
                assertThat(lines.get(0)).startsWith("\uFEFFÉdition " + editionTitle(competitions, edition) + " — journée du "
                        + day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)) + " — fichier établi le ");
                assertThat(lines.get(1)).isEqualTo("Nom;Organisation;Pays;Inscrit·e le;Entré·e à;Porte");
                assertThat(lines.subList(2, lines.size())).singleElement().asString()
                        .startsWith(name + ";").contains(";Burkina Faso;").endsWith(";Nord")
                        .matches(".*;\\d{1,2} \\p{L}+ \\d{4}, \\d{2}:\\d{2};Nord").doesNotContain("BF", "@");

                List<List<Object>> rows = Download.of(browser, By.id("xlsx-link")).xlsxRows("presences-" + day);
                assertThat((String) rows.get(0).get(0)).startsWith(Download.untilItsTime(lines.get(0).substring(1)));
                assertThat(rows).hasSize(3);
                assertThat(rows.get(2)).startsWith(name).contains("Burkina Faso", "Nord");
                browser.screenshot("exports-attendance");
            }
        } finally {
            competitions.makeCurrentAgain(previous);
        }
    }

    /** "3 (2027)", as the files name an edition. */
    private String editionTitle(Competitions competitions, String edition) {
        JsonNode held = platform.get(platform.gateway(API + "/editions/" + edition), competitions.organizer()).json();
        return held.get("number").asInt() + " (" + held.get("year").asInt() + ")";
    }
}
