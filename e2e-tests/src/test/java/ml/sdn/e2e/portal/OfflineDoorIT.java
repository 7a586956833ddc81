package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door without network, in Chromium with JavaScript at 360 px, through the gateway: staff-ml opens /checkin for
 * day 1 and door A, the page downloads the day's list, then the network is cut (Chromium's own offline emulation)
 * and the page reloaded (from the phone: its service worker).
 * 25 badges are checked in by their typed code, one person found by name, one badge typed twice (orange, with the
 * first time); a forged code is red. Nothing reaches the service until the network is back; then the 26 check-ins
 * arrive once, the organizer's figures say 26, and a second device's overlapping batch changes nothing.
 */
@ExtendWith(RunningPlatform.class)
class OfflineDoorIT {

    private static final String API = "/api/registrations/attendance";

    private final Platform platform;

    OfflineDoorIT(Platform platform) {
        this.platform = platform;
    }

    private record Person(String name, String code) {
    }

    @Test
    void staff_check_in_26_people_offline_and_the_uploads_arrive_once() {
        String suffix = "k" + UUID.randomUUID().toString().substring(0, 5);
        LocalDate day = LocalDate.of(2034, 1, 5).plusDays(ThreadLocalRandom.current().nextInt(0, 300));
        String organizer = platform.tokenOf("organizer-ml");
        Platform.Response opened = platform.putJson(platform.gateway(API + "/days/" + day), organizer, "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            String category = i == 0 ? "SPEAKER" : "PARTICIPANT";
            people.add(walkIn(day, "Personne " + (char) ('A' + i) + " " + suffix, category));
        }
        Person byName = walkIn(day, "Aïssata Dembélé " + suffix, "PRESS");

        try (Browser browser = Browser.withJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "staff-ml", "demo");
            browser.open(platform.gateway("/checkin?day=" + day + "&door=A"));
            // online: the page keeps the day's list on the device
            browser.waitForText("27 personnes");
            browser.screenshot("offline-door-1-list");

            // the page kept on the phone by its service worker, for a reload without network
            String page = "/checkin?day=" + day + "&door=A";
            browser.waitUpTo(java.time.Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d).executeAsyncScript("var done = arguments[0];"
                            + "navigator.serviceWorker.ready.then(function () { return caches.open('sdn-door'); })"
                            + ".then(function (cache) { return cache.match('" + page + "'); })"
                            + ".then(function (r) { done(!!r); }, function () { done(false); });")));

            browser.offline(true);
            browser.waitForText("Hors ligne");
            browser.open(platform.gateway(page));
            browser.waitForText("27 personnes");
            browser.waitForText("Hors ligne");

            for (int i = 0; i < 25; i++) {
                Person person = people.get(i);
                typeCode(browser, i % 2 == 0 ? person.code() : person.code().toLowerCase().replace("-", ""));
                waitForResult(browser, person.name());
                assertThat(browser.find(By.id("offline-result")).getAttribute("class")).contains("ok");
            }
            assertThat(browser.find(By.id("offline-result")).getText()).contains("Entrée enregistrée à", "porte A",
                    "Hors ligne : gardée sur l’appareil");
            // the outcome and the code field for the next badge on the phone's screen at once
            browser.screenshot("offline-door-2-by-code");
            assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "var r = document.getElementById('offline-result').getBoundingClientRect();"
                            + "var f = document.getElementById('badgeCode').getBoundingClientRect();"
                            + "var seen = r.top >= -1 && r.bottom < f.top && f.bottom <= window.innerHeight;"
                            + "return seen + ' result ' + r.top + '-' + r.bottom + ', field ' + f.top + '-' + f.bottom"
                            + " + ', screen ' + window.innerHeight;")).startsWith("true");

            // by name, typed without the accents, against the list on the device
            browser.find(By.id("q")).clear();
            browser.find(By.id("q")).sendKeys("dembele " + suffix);
            browser.click(By.cssSelector("#search button[type=submit]"));
            browser.click(By.xpath("//ul[@id='offline-found']//button[normalize-space()='Enregistrer l’entrée de "
                    + byName.name() + "']"));
            waitForResult(browser, byName.name());
            assertThat(browser.find(By.id("offline-result")).getText()).contains("PRESSE");
            browser.screenshot("offline-door-3-by-name");

            // the first badge again: orange, with the first time, not kept a second time
            typeCode(browser, people.get(0).code());
            browser.waitUpTo(java.time.Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("offline-result")).getAttribute("class").contains("again"));
            assertThat(browser.find(By.id("offline-result")).getText()).contains("Déjà enregistré à", "porte A",
                    people.get(0).name(), "INTERVENANT");
            browser.screenshot("offline-door-4-again");

            // a forged code: red, nothing kept
            typeCode(browser, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
            browser.waitUpTo(java.time.Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("offline-result")).getAttribute("class").contains("refused"));
            assertThat(browser.find(By.id("offline-queue")).getText()).isEqualTo("Entrées en attente d’envoi : 26");
            assertThat(figures(day).get("checkedIn").asInt()).as("nothing has left the device").isZero();

            browser.offline(false);
            browser.waitForText("Aucune entrée en attente d’envoi.");
            assertThat(browser.find(By.id("offline-sent")).getText())
                    .isEqualTo("Dernier envoi : 26 enregistrées, 0 déjà entrées, 0 entrées par une autre porte, 0 refusées.");
            browser.screenshot("offline-door-5-sent");
        }

        // the service: 26 in, each once, by door A
        JsonNode figures = figures(day);
        assertThat(figures.get("confirmed").asInt()).isEqualTo(27);
        assertThat(figures.get("checkedIn").asInt()).isEqualTo(26);
        assertThat(figures.get("doors").toString()).isEqualTo("[{\"door\":\"A\",\"checkedIn\":26}]");
        JsonNode list = platform.get(platform.gateway(API + "/days/" + day + "/door-list"), platform.tokenOf("staff-bf")).json();
        assertThat(list.get("attendees").findValues("checkedInAt")).hasSize(26);
        assertThat(list.toString()).doesNotContain("@", "phone", "gender", "email");

        // a second device at door A uploads an overlapping batch, twice: nobody counted again
        Instant later = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String overlapping = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> "{\"checkInId\":\"device2-%d\",\"badgeCode\":\"%s\",\"day\":\"%s\",\"door\":\"A\",\"takenAt\":\"%s\"}"
                        .formatted(i, people.get(i).code(), day, later))
                .collect(Collectors.joining(",", "{\"checkIns\":[", "]}"));
        for (int upload = 0; upload < 2; upload++) {
            Platform.Response second = platform.postJson(platform.gateway(API + "/offline-check-ins"),
                    platform.tokenOf("staff-ne"), overlapping);
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertThat(second.json().get("alreadyIn").asInt()).isEqualTo(10);
            assertThat(second.json().get("recorded").asInt()).isZero();
        }
        assertThat(figures(day).get("checkedIn").asInt()).isEqualTo(26);

        // the organizer's page says the same
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/door-figures?day=" + day));
            assertThat(browser.find(By.id("checked-in")).getText()).isEqualTo("26");
            assertThat(browser.find(By.id("confirmed")).getText()).isEqualTo("27");
            assertThat(browser.findAll(By.id("conflicts"))).isEmpty();
        }
    }

    private JsonNode figures(LocalDate day) {
        Platform.Response figures = platform.get(platform.gateway(API + "/days/" + day + "/door-figures"),
                platform.tokenOf("organizer-ml"));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        return figures.json();
    }

    private static void typeCode(Browser browser, String code) {
        browser.find(By.id("badgeCode")).clear();
        browser.find(By.id("badgeCode")).sendKeys(code);
        browser.click(By.cssSelector("#by-code button[type=submit]"));
    }

    private static void waitForResult(Browser browser, String name) {
        browser.waitUpTo(java.time.Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("offline-result")).getText().contains(name));
    }

    /** A walk-in registered by organizer-ml for the day (no account): their name and badge code. */
    private Person walkIn(LocalDate day, String name, String category) {
        Platform.Response created = platform.postJson(platform.gateway(API + "/walk-ins"), platform.tokenOf("organizer-ml"), """
                {"name":"%s","category":"%s","country":"ML","organization":"Kalanso","phone":"+223 70 00 00 %02d","days":["%s"]}"""
                .formatted(name, category, ThreadLocalRandom.current().nextInt(100), day));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Person(name, created.json().get("badgeCode").asString());
    }
}
