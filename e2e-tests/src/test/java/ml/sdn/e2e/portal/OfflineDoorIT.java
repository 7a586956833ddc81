package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
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
 * first time); a forged code is red; a walk-in is registered at the door with one of the badge codes the list set
 * aside for the device, shown to be written on a paper badge. Nothing reaches the service until the network is back;
 * then the 26 check-ins and the walk-in arrive once. At sign-out a check-in not sent yet is not wiped silently (a
 * warning, and it leaves with the network); signing out from another page of the portal sends what still waits and
 * takes the day's list off the device too. The organizer's figures say 28,
 * and a second device's overlapping batch changes nothing.
 */
@ExtendWith(RunningPlatform.class)
class OfflineDoorIT {

    private static final String API = "/api/registrations/attendance";

    private final Platform platform;
    private String organizerToken;
    private Instant organizerTokenAt;

    OfflineDoorIT(Platform platform) {
        this.platform = platform;
    }

    private record Person(String name, String code) {
    }

    @Test
    void staff_check_in_26_people_offline_and_the_uploads_arrive_once() {
        String suffix = "k" + UUID.randomUUID().toString().substring(0, 5);
        LocalDate day = Days.ofItsOwn();
        String organizer = organizer();
        Platform.Response opened = platform.putJson(platform.gateway(API + "/days/" + day), organizer, "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            String category = i == 0 ? "SPEAKER" : "PARTICIPANT";
            people.add(walkIn(day, "Personne " + (char) ('A' + i) + " " + suffix, category));
        }
        Person byName = walkIn(day, "Aïssata Dembélé " + suffix, "PRESS");
        String walkInName = "Hadiza Issoufou " + suffix;

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

            // a walk-in, registered at the door without network: a code of the device's, shown to be written down
            assertThat(browser.find(By.id("walkInLeft")).getText()).isEqualTo("Codes de badge restants sur cet appareil : 10");
            browser.click(By.cssSelector("#offline-walkin button[type=submit]"));
            assertThat(browser.find(By.id("walkInName-error")).getText()).isEqualTo("le nom est obligatoire");
            assertThat(browser.find(By.id("walkInPhone-error")).getText()).isEqualTo("indiquez un téléphone ou une adresse e-mail");
            browser.find(By.id("walkInName")).sendKeys(walkInName);
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("walkInCategory"))).selectByValue("PRESS");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("walkInCountry"))).selectByValue("NE");
            browser.find(By.id("walkInPhone")).sendKeys("+227 90 12 34 56");
            browser.click(By.cssSelector("#offline-walkin button[type=submit]"));
            waitForResult(browser, walkInName);
            String walkInCode = browser.find(By.cssSelector("#offline-result .door-code")).getText().replace("Badge : ", "");
            assertThat(browser.find(By.id("offline-result")).getText()).contains("Inscrit(e) et entré(e) à", "porte A", "PRESSE",
                    "Écrivez ce code sur son badge papier.");
            assertThat(walkInCode).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
            assertThat(browser.find(By.id("walkInLeft")).getText()).isEqualTo("Codes de badge restants sur cet appareil : 9");
            assertThat(browser.find(By.id("offline-queue")).getText()).isEqualTo("Entrées en attente d’envoi : 27");
            browser.screenshot("offline-door-5-walk-in");
            // their badge typed again at the door: in already, by the list on the device
            typeCode(browser, walkInCode);
            browser.waitUpTo(java.time.Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("offline-result")).getAttribute("class").contains("again"));

            browser.offline(false);
            browser.waitForText("Aucune entrée en attente d’envoi.");
            assertThat(browser.find(By.id("offline-sent")).getText())
                    .isEqualTo("Dernier envoi : 26 enregistrées, 0 déjà entrées, 0 entrées par une autre porte, 0 refusées. "
                            + "Inscriptions à la porte : 1 inscrites, 0 déjà inscrites avec un autre badge, 0 en conflit, 0 refusées.");
            browser.screenshot("offline-door-6-sent");
            JsonNode walkIns = platform.get(platform.gateway(API + "/days/" + day + "/door-list"), platform.tokenOf("staff-bf"))
                    .json().get("attendees");
            List<JsonNode> walkIn = new ArrayList<>();
            walkIns.forEach(a -> {
                if (a.get("displayName").asString().equals(walkInName)) {
                    walkIn.add(a);
                }
            });
            assertThat(walkIn).as("the walk-in, once").hasSize(1);
            assertThat(walkIn.get(0).get("badgeCode").asString()).isEqualTo(walkInCode);
            assertThat(walkIn.get(0).get("category").asString()).isEqualTo("PRESS");
            assertThat(walkIn.get(0).get("door").asString()).isEqualTo("A");

            // sign-out with a check-in still on the device: a warning, nothing wiped; sent when the network is back
            browser.offline(true);
            browser.waitForText("Hors ligne");
            typeCode(browser, people.get(25).code());
            waitForResult(browser, people.get(25).name());
            browser.click(By.cssSelector("header form[action$='/logout'] button"));
            org.openqa.selenium.Alert warning = browser.waitUpTo(java.time.Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
            assertThat(warning.getText()).startsWith("1 entrée(s) ou inscription(s) ne sont pas encore envoyées");
            warning.dismiss();
            assertThat(browser.find(By.id("offline-queue")).getText()).isEqualTo("Entrées en attente d’envoi : 1");
            browser.offline(false);
            browser.waitForText("Aucune entrée en attente d’envoi.");
            // signing out from another page of the portal: what still waits on the device is sent first (here a
            // repeated scan left behind, which the service answers "already in"), then the day's list leaves with the
            // session, as from the door's page
            assertThat(storedLists(browser)).isEqualTo(1);
            browser.open(platform.gateway("/programme"));
            queueLeftBehind(browser, "left-behind-1", people.get(3).code(), day);
            assertThat(queued(browser)).isEqualTo(1);
            browser.click(By.cssSelector("header form[action$='/logout'] button"));
            browser.waitUpTo(java.time.Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/programme"));
            browser.open(platform.gateway("/"));
            assertThat(storedLists(browser)).as("lists kept on the device after sign-out").isZero();
            assertThat(queued(browser)).as("sent before signing out, not wiped").isZero();
        }

        // the service: 28 in (the walk-in among them), each once, by door A
        JsonNode figures = figures(day);
        assertThat(figures.get("confirmed").asInt()).isEqualTo(28);
        assertThat(figures.get("checkedIn").asInt()).isEqualTo(28);
        assertThat(figures.get("doors").toString()).isEqualTo("[{\"door\":\"A\",\"checkedIn\":28}]");
        JsonNode list = platform.get(platform.gateway(API + "/days/" + day + "/door-list"), platform.tokenOf("staff-bf")).json();
        assertThat(list.get("attendees").findValues("checkedInAt")).hasSize(28);
        assertThat(list.toString()).doesNotContain("@", "phone", "gender", "email");

        // a second device at door A uploads an overlapping batch, twice: nobody counted again
        Instant later = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String overlapping = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> "{\"checkInId\":\"device2-%d\",\"badgeCode\":\"%s\",\"day\":\"%s\",\"door\":\"A\",\"takenAt\":\"%s\"}"
                        .formatted(i, people.get(i).code(), day, later))
                .collect(Collectors.joining(",", "{\"checkIns\":[", "]}"));
        String secondDevice = platform.tokenOf("staff-ne");
        for (int upload = 0; upload < 2; upload++) {
            Platform.Response second = platform.postJson(platform.gateway(API + "/offline-check-ins"), secondDevice, overlapping);
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertThat(second.json().get("alreadyIn").asInt()).isEqualTo(10);
            assertThat(second.json().get("recorded").asInt()).isZero();
        }
        assertThat(figures(day).get("checkedIn").asInt()).isEqualTo(28);

        // the organizer's page says the same
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/door-figures?day=" + day));
            assertThat(browser.find(By.id("checked-in")).getText()).isEqualTo("28");
            assertThat(browser.find(By.id("confirmed")).getText()).isEqualTo("28");
            assertThat(browser.findAll(By.id("conflicts"))).isEmpty();
        }
    }

    private JsonNode figures(LocalDate day) {
        Platform.Response figures = platform.get(platform.gateway(API + "/days/" + day + "/door-figures"), organizer());
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        return figures.json();
    }

    /**
     * organizer-ml's token, got once and reused while it is valid (five minutes): Keycloak's brute-force protection
     * refuses a sign-in of a user while an earlier one of theirs is still completing, which 27 sign-ins in a row met.
     */
    private String organizer() {
        if (organizerToken == null || organizerTokenAt.isBefore(Instant.now().minusSeconds(240))) {
            organizerTokenAt = Instant.now();
            organizerToken = platform.tokenOf("organizer-ml");
        }
        return organizerToken;
    }

    /** How many days' lists the door keeps in this browser (IndexedDB of the gateway's origin). */
    private static long storedLists(Browser browser) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("var done = arguments[0];"
                + "var open = indexedDB.open('sdn-door', 1);"
                + "open.onupgradeneeded = function () { open.result.createObjectStore('lists', { keyPath: 'day' });"
                + "  open.result.createObjectStore('queue', { keyPath: 'checkInId' }); };"
                + "open.onsuccess = function () { var c = open.result.transaction('lists').objectStore('lists').count();"
                + "  c.onsuccess = function () { open.result.close(); done(c.result); }; };"
                + "open.onerror = function () { done(-1); };");
    }

    /** How many check-ins and walk-ins wait on the device to be sent. */
    private static long queued(Browser browser) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("var done = arguments[0];"
                + "var open = indexedDB.open('sdn-door', 1);"
                + "open.onsuccess = function () { var c = open.result.transaction('queue').objectStore('queue').count();"
                + "  c.onsuccess = function () { open.result.close(); done(c.result); }; };"
                + "open.onerror = function () { done(-1); };");
    }

    /** A check-in the door's page kept on the device and did not send (the page was left while offline, say). */
    private static void queueLeftBehind(Browser browser, String id, String code, LocalDate day) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var item = { checkInId: arguments[0], badgeCode: arguments[1], day: arguments[2], door: 'A',
                  takenAt: new Date().toISOString() };
                var open = indexedDB.open('sdn-door', 1);
                open.onsuccess = function () {
                  var t = open.result.transaction('queue', 'readwrite');
                  t.objectStore('queue').put(item);
                  t.oncomplete = function () { open.result.close(); done(true); };
                };""", id, code, day.toString());
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
        Platform.Response created = platform.postJson(platform.gateway(API + "/walk-ins"), organizer(), """
                {"name":"%s","category":"%s","country":"ML","organization":"Kalanso","phone":"+223 70 00 00 %02d","days":["%s"]}"""
                .formatted(name, category, ThreadLocalRandom.current().nextInt(100), day));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Person(name, created.json().get("badgeCode").asString());
    }
}
