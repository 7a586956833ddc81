package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door (/checkin), without JavaScript, on a 360 px wide phone, through the gateway: staff-ml chooses the day
 * and door A, checks one person in by the code typed from their badge and another found by name (typed without
 * accents), then at door B scans the first badge again and reads when and by which door that person came in;
 * a forged code is refused in red. The service then counts each person once.
 */
@ExtendWith(RunningPlatform.class)
class CheckInPagesIT {

    private final Platform platform;

    CheckInPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void staff_check_people_in_by_typed_code_and_by_name_and_each_is_counted_once() {
        // starts with a letter: six hex digits that happen to be all digits (about 1 run in 16) are a phone search
        // at the door, which finds no name (CI on 1c8e282)
        String suffix = "k" + UUID.randomUUID().toString().substring(0, 5);
        // "day 1": a day of its own, far enough ahead to be open whatever day the suite runs
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ml"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        String awaCode = registeredFor(day, "Awa", "Coulibaly " + suffix, "ML");
        registeredFor(day, "Aïssata", "Dembélé " + suffix, "BF");

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "staff-ml", "demo");
            browser.open(platform.gateway("/"));
            browser.follow(By.cssSelector("nav a[href$='/checkin']"));
            assertThat(browser.pageText()).contains("Journée et porte");

            browser.choose("day", day.toString()).fill("door", "A").submit(By.cssSelector("#desk button[type=submit]"));
            browser.waitForText("porte A");
            browser.screenshot("checkin-1-desk");

            // by the code typed from the badge, in lower case without the dashes
            browser.fill("badgeCode", awaCode.toLowerCase().replace("-", ""))
                    .submit(By.cssSelector("#by-code button[type=submit]"));
            assertThat(browser.find(By.id("checkin-result")).getAttribute("class")).contains("ok");
            // the outcome and the code field (which takes the focus) fit the phone's first screen, the outcome above
            org.openqa.selenium.Rectangle outcome = browser.find(By.id("checkin-result")).getRect();
            org.openqa.selenium.Rectangle field = browser.find(By.id("badgeCode")).getRect();
            assertThat(outcome.getY() + outcome.getHeight()).isLessThan(field.getY());
            assertThat(field.getY() + field.getHeight()).as("code field on the first screen").isLessThan(740);
            String first = browser.find(By.id("checkin-result")).getText();
            assertThat(first).contains("Entrée enregistrée à", "porte A", "Awa Coulibaly " + suffix, "Mali");
            browser.screenshot("checkin-2-by-code");

            // by name, without the accents, one button for the row
            browser.fill("q", "dembele " + suffix).submit(By.cssSelector("#search button[type=submit]"));
            browser.submit(By.xpath("//button[normalize-space()='Enregistrer l’entrée de Aïssata Dembélé " + suffix + "']"));
            String second = browser.find(By.id("checkin-result")).getText();
            assertThat(second).contains("Entrée enregistrée à", "Aïssata Dembélé " + suffix, "Burkina Faso");
            assertThat(browser.find(By.id("found")).getText()).contains("Entré(e) à", "porte A");
            browser.screenshot("checkin-3-by-name");

            // at door B, Awa's badge again: the earlier time and door, in orange
            // the day and door form is the last on the page (the code field and the outcome come first)
            browser.find(By.id("door")).clear();
            browser.find(By.id("door")).sendKeys("B");
            browser.submit(By.cssSelector("#desk button[type=submit]"));
            browser.waitForText("porte B");
            browser.fill("badgeCode", awaCode).submit(By.cssSelector("#by-code button[type=submit]"));
            assertThat(browser.find(By.id("checkin-result")).getAttribute("class")).contains("again");
            String time = first.replaceAll("(?s).*Entrée enregistrée à (\\d{2}:\\d{2}).*", "$1");
            assertThat(browser.find(By.id("checkin-result")).getText())
                    .contains("Déjà enregistré à " + time + ", porte A", "Awa Coulibaly " + suffix);
            browser.screenshot("checkin-4-again");

            // a forged code: red, nothing recorded
            browser.fill("badgeCode", "ZZZZ-ZZZZ-ZZZZ-ZZZZ").submit(By.cssSelector("#by-code button[type=submit]"));
            assertThat(browser.find(By.id("checkin-result")).getAttribute("class")).contains("refused");
            assertThat(browser.find(By.id("checkin-result")).getText()).contains("Entrée refusée", "Aucun badge n'a ce code",
                    "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
            browser.screenshot("checkin-5-forged");
        }

        // the service: both in, once each, by door A
        String staff = platform.tokenOf("staff-bf");
        JsonNode found = platform.get(platform.gateway("/api/registrations/attendance/days/" + day + "/attendees?q="
                + URLEncoder.encode(suffix, StandardCharsets.UTF_8)), staff).json();
        assertThat(found).hasSize(2);
        found.forEach(row -> {
            assertThat(row.get("door").asString()).isEqualTo("A");
            assertThat(row.has("checkedInAt")).isTrue();
            assertThat(row.has("email")).isFalse();
        });
        JsonNode stats = platform.get(platform.gateway("/api/registrations/stats"), platform.tokenOf("organizer-ml")).json();
        JsonNode thatDay = null;
        for (JsonNode row : stats.get("attendance")) {
            if (row.get("day").asString().equals(day.toString())) {
                thatDay = row;
            }
        }
        assertThat(thatDay).as(stats.toString()).isNotNull();
        assertThat(thatDay.get("confirmed").asLong()).isEqualTo(2);
        assertThat(thatDay.get("checkedIn").asLong()).isEqualTo(2);
    }

    /**
     * The organizer's door figures with JavaScript, on a phone: a check-in at a door shows in the figures without the
     * page being reloaded (a mark left on the page's window survives the change), and the door's name appears.
     */
    @Test
    void the_door_figures_change_in_place_while_an_organizer_watches() {
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ml"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        String code = registeredFor(day, "Fatoumata", "Sangaré " + UUID.randomUUID().toString().substring(0, 5), "NE");

        try (Browser browser = Browser.withJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/door-figures?day=" + day));
            assertThat(browser.find(By.id("checked-in")).getText()).isEqualTo("0");
            assertThat(browser.findAll(By.cssSelector("meta[http-equiv=refresh]"))).as("no reload with JavaScript").isEmpty();
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            page.executeScript("window.sdnWatching = true;");

            Platform.Response checkedIn = platform.postJson(platform.gateway("/api/registrations/attendance/days/" + day
                    + "/check-ins"), platform.tokenOf("staff-ne"), "{\"badgeCode\": \"%s\", \"door\": \"Est\"}".formatted(code));
            assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);

            // the page asks again every 30 s: within two rounds the figures say it. The figures are read in one script
            // each: the page swaps its figure elements in place, so an element found before a swap is gone after it
            // (a find then a getText across a swap: StaleElementReferenceException, seen on a loaded machine)
            browser.waitUpTo(Duration.ofSeconds(75)).until(driver -> "1".equals(textOf(page, "checked-in")));
            assertThat(page.executeScript("return window.sdnWatching === true;")).as("the same page, not reloaded")
                    .isEqualTo(Boolean.TRUE);
            assertThat(textOf(page, "per-door")).contains("Est");
            assertThat(textOf(page, "per-category")).contains("Participant");
            assertThat(page.executeScript("return document.getElementById('figures-stale').offsetParent !== null;"))
                    .as("the stale-figures notice is hidden").isEqualTo(Boolean.FALSE);
            browser.screenshot("door-figures-live");
        }
    }

    /** The element's text as the page shows it now, read in one step (innerText: what is displayed, as getText). */
    private static String textOf(JavascriptExecutor page, String id) {
        Object text = page.executeScript("var e = document.getElementById(arguments[0]); return e ? e.innerText.trim() : null;", id);
        return text == null ? null : text.toString();
    }

    /**
     * Badges for the day, through the gateway and the portal without JavaScript at 360 px: the organizer reaches the
     * page from their navigation, chooses the day in words, and the form's PDF holds both names (PDFBox reads it back);
     * a delegation with nobody that day shows the reason on the page, not an empty file. coordinator-bf gets only
     * Burkina Faso's badges, whatever the address says.
     */
    @Test
    void an_organizer_prints_the_days_badges_and_a_coordinator_only_their_delegations() throws Exception {
        String suffix = "k" + UUID.randomUUID().toString().substring(0, 5);
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ml"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        String awaCode = registeredFor(day, "Awa", "Traoré " + suffix, "ML");
        registeredFor(day, "Salif", "Ouédraogo " + suffix, "BF");

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer"));
            browser.follow(By.id("badges-link"));
            assertThat(browser.pageText()).contains("Imprimer les badges", "Quatre badges par feuille A4");
            browser.choose("day", day.toString());
            String action = browser.find(By.id("badges-form")).getAttribute("action");
            assertThat(action).endsWith("/organizer/badges/badges.pdf");
            browser.screenshot("badges-1-form");

            HttpResponse<byte[]> sheet = getWithCookiesOf(browser, action + "?day=" + day + "&country=&layout=sheet");
            assertThat(sheet.statusCode()).isEqualTo(200);
            assertThat(sheet.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(sheet.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
            try (PDDocument pdf = Loader.loadPDF(sheet.body())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                assertThat(new PDFTextStripper().getText(pdf)).contains("Awa Traoré " + suffix, "Salif Ouédraogo " + suffix,
                        "Mali", "Burkina Faso", awaCode);
            }

            // nobody from Niger that day: the form comes back with the reason, no file
            browser.choose("day", day.toString()).choose("country", "NE");
            browser.submit(By.id("download"));
            browser.waitForText("aucun badge à imprimer");
            assertThat(browser.find(By.id("badges-form"))).isNotNull();
            browser.screenshot("badges-2-nobody");
        }

        try (Browser coordinator = Browser.withoutJavaScript()) {
            coordinator.signIn(platform.gateway(""), "coordinator-bf", "demo");
            coordinator.open(platform.gateway("/coordinator"));
            coordinator.follow(By.id("badges-link"));
            assertThat(coordinator.pageText()).contains("Les badges de votre délégation seulement.");
            // a country slipped into the address changes nothing: the portal does not even pass it on
            HttpResponse<byte[]> own = getWithCookiesOf(coordinator,
                    platform.gateway("/coordinator/badges/badges.pdf?day=" + day + "&country=ML&layout=single"));
            assertThat(own.statusCode()).isEqualTo(200);
            try (PDDocument pdf = Loader.loadPDF(own.body())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("Salif Ouédraogo " + suffix).doesNotContain("Awa Traoré");
            }
        }
        // straight to the service, another delegation's badges are refused, not narrowed
        Platform.Response refused = platform.get(platform.gateway("/api/registrations/attendance/days/" + day
                + "/badges.pdf?country=ML"), platform.tokenOf("coordinator-bf"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    /** A plain GET with the browser's session cookies: what the browser downloads. */
    private static HttpResponse<byte[]> getWithCookiesOf(Browser browser, String url) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void participants_jurors_and_coaches_get_the_not_allowed_page_and_visitors_sign_in() {
        for (String user : new String[]{"participant-ml", "jury-bf", "coach-ne"}) {
            try (Browser browser = Browser.withoutJavaScript()) {
                browser.signIn(platform.gateway(""), user, "demo");
                browser.open(platform.gateway("/checkin"));
                assertThat(browser.pageText()).as(user).contains("Vous n'avez pas accès à cette page.")
                        .doesNotContain("Journée et porte");
                assertThat(browser.findAll(By.cssSelector("nav a[href$='/checkin']"))).as(user).isEmpty();
            }
        }
        try (Browser visitor = Browser.withoutJavaScript()) {
            visitor.open(platform.gateway("/checkin"));
            assertThat(visitor.currentUrl()).contains("/realms/sdn/protocol/openid-connect/auth");
        }
    }

    /** A fresh person with a profile, registered for the day through the gateway; returns their badge code. */
    private String registeredFor(LocalDate day, String firstName, String lastName, String country) {
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
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        Platform.Response registered = platform.postJson(platform.gateway("/api/registrations/attendance/days/" + day
                + "/registrations"), token, "");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("CONFIRMED");
        return registered.json().get("badgeCode").asString();
    }
}
