package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participant directory without JavaScript, on a 360 px wide phone: an organizer finds a person by typing
 * their name without its accent, narrows to a country, opens the person's page (organisation, days) and
 * downloads the list; a coordinator sees their delegation only, and neither a tampered filter nor another
 * delegation's id widens it. Set-up is spread over accounts (Keycloak's admin API, each new person's own
 * token, organizer-ne for the day): the gateway counts 100 requests a minute per person.
 */
@ExtendWith(RunningPlatform.class)
class DirectoryPagesIT {

    private final Platform platform;

    DirectoryPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_finds_traore_without_the_accent_reads_the_persons_page_and_downloads_the_list() {
        String suffix = letters();
        Person moussa = registered("Moussa " + suffix, "Traoré", "ML");
        Person awa = registered("Awa " + suffix, "Traoré", "BF");
        String organization = "Coopérative " + suffix;
        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/organizations"), moussa.token, """
                {"type":"START_UP","name":"%s","country":"ML","sector":"E_GOVERNMENT","foundingYear":2024,
                 "description":"Services publics en ligne pour les communes.",
                 "creator":{"role":"Fondateur","gender":"MALE","lead":true},"members":[]}""".formatted(organization));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ne"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        Platform.Response registered = platform.postJson(platform.gateway("/api/registrations/attendance/days/" + day
                + "/registrations"), moussa.token, "{}");
        assertThat(registered.status()).as(registered.body()).isBetween(200, 201);

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer"));
            browser.follow(By.id("participants-link"));

            // no accent typed, one country chosen: the search is a GET form, its address can be shared
            browser.fill("q", "traore").choose("country", "ML").submit(By.cssSelector("#search button[type=submit]"));
            assertThat(browser.currentUrl()).contains("q=traore", "country=ML");
            List<String> found = results(browser);
            // (a person may be found by an organisation's name or address as well: each is Malian, some are Traoré)
            assertThat(found).isNotEmpty().allSatisfy(person -> assertThat(person).contains("Mali"))
                    .anySatisfy(person -> assertThat(person).contains("Traoré"))
                    .noneSatisfy(person -> assertThat(person).contains("Awa " + suffix));
            browser.screenshot("directory-participants-traore");

            browser.fill("q", "moussa " + suffix + " traore").submit(By.cssSelector("#search button[type=submit]"));
            assertThat(browser.find(By.id("count")).getText()).isEqualTo("Un·e participant·e");
            browser.follow(By.partialLinkText("Moussa " + suffix));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Moussa " + suffix + " Traoré");
            assertThat(browser.find(By.id("person")).getText()).contains("Mali", "Homme");
            assertThat(browser.find(By.id("organizations")).getText()).contains(organization, "Start-up");
            assertThat(browser.find(By.id("attendance")).getText()).contains(frenchDate(day), "place confirmée");
            browser.screenshot("directory-participant");

            // the list as a file, with the browser's session: the same search, in words
            Download csv = Download.of(browser, platform.gateway("/organizer/participants.csv?q=traore&country=ML"));
            List<String> lines = csv.csvLines("participants-");
            assertThat(lines.get(0)).startsWith("\uFEFF").contains("fichier établi le");
            assertThat(lines.get(1)).isEqualTo("Nom;E-mail;Téléphone;Pays;Ville;Région;Organisations;Journées;Inscrit·e le");
            assertThat(lines.subList(2, lines.size())).allSatisfy(row -> assertThat(row).contains(";Mali;"))
                    .anySatisfy(row -> assertThat(row).startsWith("Moussa " + suffix + " Traoré;" + moussa.username
                            + "@example.org;;Mali;;;" + organization + ";" + frenchDate(day) + ";"));
            assertThat(csv.text()).doesNotContain("Awa " + suffix, ";ML;", "E_GOVERNMENT");

            browser.open(platform.gateway("/organizer/organizations?q=" + suffix));
            browser.follow(By.partialLinkText(organization));
            assertThat(browser.find(By.id("organization")).getText()).contains("Start-up", "Mali");
            assertThat(browser.find(By.id("members")).getText()).contains("Moussa " + suffix + " Traoré");
            browser.screenshot("directory-organization");
        }

        try (Browser coordinator = Browser.withoutJavaScript()) {
            coordinator.driver().manage().window().setSize(new Dimension(360, 740));
            coordinator.signIn(platform.gateway(""), "coordinator-bf", "demo");
            coordinator.open(platform.gateway("/coordinator"));
            coordinator.follow(By.id("participants-link"));
            assertThat(coordinator.findAll(By.name("country"))).isEmpty();
            coordinator.fill("q", "traore").submit(By.cssSelector("#search button[type=submit]"));
            assertThat(results(coordinator)).isNotEmpty().allSatisfy(person -> assertThat(person).contains("Burkina Faso"))
                    .noneSatisfy(person -> assertThat(person).contains("Moussa " + suffix));
            coordinator.fill("q", suffix).submit(By.cssSelector("#search button[type=submit]"));
            assertThat(results(coordinator)).singleElement().asString().contains("Awa " + suffix + " Traoré", "Burkina Faso");
            coordinator.screenshot("directory-coordinator-participants");

            // a tampered filter, another delegation's person, another delegation's file: nothing more
            coordinator.open(platform.gateway("/coordinator/participants?country=ML&q=" + suffix));
            assertThat(coordinator.find(By.id("count")).getText()).isEqualTo("Aucun·e participant·e");
            assertThat(coordinator.pageText()).doesNotContain("Moussa " + suffix);
            coordinator.open(platform.gateway("/coordinator/participants/" + moussa.id));
            assertThat(coordinator.pageText()).contains("existe pas").doesNotContain("Moussa " + suffix);
            assertThat(Download.of(coordinator, platform.gateway("/coordinator/participants.csv?country=ML&q=" + suffix))
                    .csvLines("participants-")).hasSize(2);
            assertThat(Download.of(coordinator, platform.gateway("/coordinator/participants.csv?q=" + suffix)).text())
                    .contains("Awa " + suffix + " Traoré;").doesNotContain("Moussa");
            coordinator.open(platform.gateway("/organizer/participants"));
            assertThat(coordinator.pageText()).contains("accès à cette page");
        }
        // what the service holds, through the API: the coordinator's scope is the service's, not the page's
        Platform.Response asCoordinator = platform.get(platform.gateway("/api/registrations/participants?country=ML&q=" + suffix),
                platform.tokenOf("coordinator-bf"));
        assertThat(asCoordinator.json().get("totalElements").asLong()).isZero();
        assertThat(platform.get(platform.gateway("/api/registrations/participants/" + awa.id), platform.tokenOf("coordinator-bf"))
                .json().get("person").get("country").asString()).isEqualTo("BF");
    }

    /**
     * coordinator-bf reads, opens and downloads the organisations of Burkina Faso only: a Malian organisation of the
     * same search is neither listed, nor opened by its address, nor in the CSV or XLSX, even with a country slipped
     * into the address; the service answers the coordinator the same way.
     */
    @Test
    void coordinator_bf_reads_and_downloads_the_organisations_of_burkina_faso_only() {
        String suffix = letters();
        Person moussa = registered("Moussa " + suffix, "Diarra", "ML");
        Person awa = registered("Awa " + suffix, "Ouédraogo", "BF");
        String malian = "Atelier " + suffix + " de Bamako";
        String burkinabe = "Atelier " + suffix + " de Ouagadougou";
        String malianId = organization(moussa, malian, "ML");
        organization(awa, burkinabe, "BF");

        try (Browser coordinator = Browser.withoutJavaScript()) {
            coordinator.driver().manage().window().setSize(new Dimension(360, 740));
            coordinator.signIn(platform.gateway(""), "coordinator-bf", "demo");
            coordinator.open(platform.gateway("/coordinator"));
            coordinator.follow(By.id("organizations-link"));
            assertThat(coordinator.findAll(By.name("country"))).isEmpty();
            coordinator.fill("q", "atelier " + suffix).submit(By.cssSelector("#search button[type=submit]"));
            assertThat(coordinator.find(By.id("count")).getText()).isEqualTo("Une organisation");
            assertThat(coordinator.pageText()).contains(burkinabe).doesNotContain(malian);
            coordinator.follow(By.partialLinkText(burkinabe));
            assertThat(coordinator.find(By.id("organization")).getText()).contains("Burkina Faso");
            assertThat(coordinator.find(By.id("members")).getText()).contains("Awa " + suffix + " Ouédraogo");

            // the attacker's side: another country in the address, another delegation's organisation by its id
            coordinator.open(platform.gateway("/coordinator/organizations?country=ML&q=" + suffix));
            assertThat(coordinator.find(By.id("count")).getText()).isEqualTo("Aucune organisation");
            coordinator.open(platform.gateway("/coordinator/organizations/" + malianId));
            assertThat(coordinator.pageText()).contains("existe pas").doesNotContain(malian);

            // the files, with the browser's session: the same search, Burkina Faso only
            coordinator.open(platform.gateway("/coordinator/organizations?q=" + suffix));
            List<String> lines = Download.of(coordinator, By.id("csv-link")).csvLines("organisations-");
            assertThat(String.join("\n", lines)).contains(burkinabe).doesNotContain(malian);
            List<List<Object>> rows = Download.of(coordinator, By.id("xlsx-link")).xlsxRows("organisations-");
            assertThat(rows.toString()).contains(burkinabe).doesNotContain(malian);
            assertThat(Download.of(coordinator, platform.gateway("/coordinator/organizations.csv?country=ML&q=" + suffix)).text())
                    .doesNotContain(malian);
        }
        String coordinatorToken = platform.tokenOf("coordinator-bf");
        JsonNode theirs = platform.get(platform.gateway("/api/registrations/organizations?q=" + suffix), coordinatorToken).json();
        assertThat(theirs.get("total").asLong()).isEqualTo(1);
        assertThat(theirs.get("items").get(0).get("name").asString()).isEqualTo(burkinabe);
        assertThat(platform.get(platform.gateway("/api/registrations/organizations?country=ML&q=" + suffix), coordinatorToken)
                .json().get("total").asLong()).isZero();
    }

    /** A start-up of that country, created by the person through the gateway; its id. */
    private String organization(Person creator, String name, String country) {
        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/organizations"), creator.token, """
                {"type":"START_UP","name":"%s","country":"%s","sector":"E_GOVERNMENT","foundingYear":2024,
                 "description":"Services publics en ligne pour les communes.",
                 "creator":{"role":"Fondatrice","gender":"FEMALE","lead":true},"members":[]}""".formatted(name, country));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private record Person(String username, String id, String token) {
    }

    /** A fresh participant with a profile (created by Keycloak's admin API, registered through the gateway with their own token). */
    private Person registered(String firstName, String lastName, String country) {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.Response admin = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        String adminToken = admin.json().get("access_token").asString();
        Platform.Response created = platform.postJson(platform.keycloak("/admin/realms/sdn/users"), adminToken, """
                {"username":"%s","email":"%s@example.org","emailVerified":true,"firstName":"%s","lastName":"%s","enabled":true,
                 "attributes":{"country":["%s"]},"credentials":[%s]}"""
                .formatted(username, username, firstName, lastName, country, Platform.demoPasswordCredential()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = platform.tokenOf(username);
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), token, """
                {"gender":"MALE","preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        return new Person(username, Platform.claimsOf(token).get("sub").asString(), token);
    }

    /** The people the list shows, one text each. */
    private static List<String> results(Browser browser) {
        return browser.findAll(By.cssSelector("article.participant")).stream().map(article -> article.getText()).toList();
    }

    /** "6 janvier 2033", as the pages and files write a day. */
    private static String frenchDate(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
    }

    /** Letters only: a name, not a code (the pages must show no token that looks like one). */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }
}
