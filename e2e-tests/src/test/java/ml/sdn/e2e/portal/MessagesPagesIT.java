package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.e2e.Competitions;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages to groups from a 360 px phone without JavaScript: organizer-ml writes to the Niger delegation, counts it,
 * sends it, and each person of Niger gets it once, in their language, in their inbox and in the SMTP sink, while
 * Mali's people get nothing; the delivery report says it in words. Narrowed to a day, it reaches only the people of
 * Niger holding a place for that day; to the people of Niger checked in on a day, only the one who came in gets it,
 * and the messages sent list it with its deliveries. To one category's applicants, each of them gets it once in their
 * language, inbox and e-mail, and another category's applicant nothing. coordinator-bf writes to Burkina Faso only: a
 * country slipped into the form is refused and nothing is sent; participants, jurors and coaches get the
 * not-allowed page.
 */
@ExtendWith(RunningPlatform.class)
class MessagesPagesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final Platform platform;

    MessagesPagesIT(Platform platform) {
        this.platform = platform;
    }

    record Person(String username, String email, String token) {
    }

    @Test
    void organizer_ml_writes_to_niger_and_each_person_of_niger_gets_it_once_in_their_language_and_nobody_else() {
        Person aissa = registered("NE", "fr");
        Person john = registered("NE", "en");
        Person oumou = registered("ML", "fr");
        String tag = letters();
        String subjectFr = "Salle changée " + tag;
        String subjectEn = "Room changed " + tag;

        String reportUrl;
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer"));
            browser.follow(By.id("messages-link"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Écrire à un groupe");

            // nothing written: every field is said at once, next to it
            browser.submit(By.id("send"));
            assertThat(browser.find(By.id("country-error")).getText()).isEqualTo("choisissez le pays");
            assertThat(browser.find(By.id("subjectFr-error")).getText()).isEqualTo("écrivez l'objet");
            assertThat(browser.find(By.id("bodyEn-error")).getText()).isEqualTo("écrivez le message");

            browser.click(By.id("audience-country"));
            browser.choose("country", "NE")
                    .fill("subjectFr", subjectFr).fill("bodyFr", "Le pitch de demain a lieu en salle Niger.")
                    .fill("subjectEn", subjectEn).fill("bodyEn", "Tomorrow's pitch is in the Niger room.");
            browser.submit(By.id("preview"));
            long niger = platform.get(platform.gateway("/api/notifications/admin/broadcasts/audience?audience=COUNTRY&country=NE"),
                    platform.tokenOf("organizer-ml")).json().path("people").asLong();
            assertThat(browser.find(By.id("count")).getText()).contains(niger + " personnes de la délégation Niger");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("messages-compose");

            browser.submit(By.id("send"));
            assertThat(browser.currentUrl()).contains("/organizer/messages/").contains("sent");
            reportUrl = browser.currentUrl().replaceAll("\\?.*", "");
            assertThat(browser.find(By.id("audience")).getText()).isEqualTo("Toute la délégation : Niger.");
            assertThat(browser.find(By.cssSelector("#message h2")).getText()).isEqualTo(subjectFr);
        }
        String id = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);

        // once in each chosen inbox, in the person's language; nothing in Mali's
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> inboxSubjects(aissa).contains(subjectFr)
                && inboxSubjects(john).contains(subjectEn));
        JsonNode report = awaitAllMailsOut(id);
        assertThat(inboxSubjects(aissa)).filteredOn(subjectFr::equals).hasSize(1);
        assertThat(inboxSubjects(aissa)).doesNotContain(subjectEn);
        assertThat(inboxSubjects(john)).filteredOn(subjectEn::equals).hasSize(1);
        assertThat(inboxSubjects(oumou)).doesNotContain(subjectFr, subjectEn);

        // once in the SMTP sink for each of them, never twice for anyone, never to Mali
        List<String> recipients = Arrays.stream(platform.receivedMails())
                .filter(mail -> List.of(subjectFr, subjectEn).contains(subject(mail)))
                .flatMap(mail -> Arrays.stream(recipients(mail))).toList();
        assertThat(recipients).filteredOn(aissa.email()::equals).hasSize(1);
        assertThat(recipients).filteredOn(john.email()::equals).hasSize(1);
        assertThat(recipients).doesNotContain(oumou.email()).doesNotHaveDuplicates();
        assertThat(recipients).hasSize(report.path("email").path("SENT").asInt());
        assertThat(report.path("inbox").asLong()).isEqualTo(report.path("recipients").asLong());

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(reportUrl);
            assertThat(browser.find(By.id("email")).getText()).startsWith(report.path("email").path("SENT").asInt() + " envoyé(s), 0 en attente");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("messages-report");
        }
    }

    @Test
    void organizer_ml_writes_to_the_people_of_niger_holding_a_place_on_a_day_and_only_they_get_it() {
        Person coming = registered("NE", "fr");
        Person notComing = registered("NE", "fr");
        Person maliComing = registered("ML", "fr");
        LocalDate day = dayWithPlacesFor(coming, maliComing);
        awaitHoldingAPlace("NE", day, 1);
        String tag = letters();
        String subjectFr = "Demain à la porte " + tag;

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/messages"));
            browser.click(By.id("audience-country"));
            browser.choose("country", "NE").choose("day", day.toString())
                    .fill("subjectFr", subjectFr).fill("bodyFr", "Présentez votre badge à la porte B.")
                    .fill("subjectEn", "Tomorrow at the door " + tag).fill("bodyEn", "Show your badge at door B.");
            browser.submit(By.id("preview"));
            assertThat(browser.find(By.id("count")).getText()).contains("une personne de la délégation Niger");
            assertThat(browser.find(By.id("count-day")).getText()).startsWith("Parmi les personnes qui ont une place le ")
                    .doesNotContain(day.toString());
            browser.submit(By.id("send"));
            assertThat(browser.currentUrl()).contains("/organizer/messages/").contains("sent");
            assertThat(browser.find(By.id("day")).getText()).startsWith("Parmi les personnes qui ont une place le ");
            assertThat(browser.find(By.id("recipients")).getText()).isEqualTo("une personne");
        }

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> inboxSubjects(coming).contains(subjectFr)
                && Arrays.stream(platform.receivedMails()).anyMatch(mail -> subjectFr.equals(subject(mail))));
        assertThat(inboxSubjects(coming)).filteredOn(subjectFr::equals).hasSize(1);
        assertThat(inboxSubjects(notComing)).doesNotContain(subjectFr);
        assertThat(inboxSubjects(maliComing)).doesNotContain(subjectFr);
        assertThat(Arrays.stream(platform.receivedMails()).filter(mail -> subjectFr.equals(subject(mail)))
                .flatMap(mail -> Arrays.stream(recipients(mail)))).containsExactly(coming.email());
    }

    @Test
    void organizer_ml_writes_to_the_people_of_niger_checked_in_on_a_day_and_only_they_get_it_once() {
        Person came = registered("NE", "fr");
        Person stayedHome = registered("NE", "fr");
        Person maliCame = registered("ML", "fr");
        LocalDate day = Days.ofItsOwn();
        String days = platform.gateway("/api/registrations/attendance/days/" + day);
        Platform.Response opened = platform.putJson(days, platform.tokenOf("organizer-ne"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        for (Person person : List.of(came, stayedHome, maliCame)) {
            Platform.Response registered = platform.postJson(days + "/registrations", person.token(), "{}");
            assertThat(registered.status()).as(registered.body()).isBetween(200, 201);
            if (person != stayedHome) {
                Platform.Response checkedIn = platform.postJson(days + "/check-ins", platform.tokenOf("staff-ne"),
                        "{\"badgeCode\":\"" + registered.json().get("badgeCode").asString() + "\",\"door\":\"A\"}");
                assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
            }
        }
        // notification-service learns the check-ins from registration's events
        String organizer = platform.tokenOf("organizer-ml");
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> platform.get(platform.gateway(
                "/api/notifications/admin/broadcasts/audience?audience=CHECKED_IN&day=" + day), organizer)
                .json().path("people").asLong() == 2);
        String tag = letters();
        String subjectFr = "Merci d'être venus " + tag;

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/messages"));
            // a check-in's day is required: said next to the day
            browser.click(By.id("audience-checked_in"));
            browser.choose("country", "NE");
            browser.submit(By.id("preview"));
            assertThat(browser.find(By.id("day-error")).getText()).isEqualTo("choisissez le jour");

            browser.choose("day", day.toString())
                    .fill("subjectFr", subjectFr).fill("bodyFr", "Le questionnaire de la journée est dans votre messagerie.")
                    .fill("subjectEn", "Thank you for coming " + tag).fill("bodyEn", "The day's survey is in your inbox.");
            browser.submit(By.id("preview"));
            assertThat(browser.find(By.id("count")).getText()).startsWith("Ce message ira à une personne :")
                    .contains("Les personnes entrées le ", "délégation : Niger").doesNotContain(day.toString(), "CHECKED_IN");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.submit(By.id("send"));
            assertThat(browser.currentUrl()).contains("/organizer/messages/").contains("sent");
            assertThat(browser.find(By.id("audience")).getText()).startsWith("Les personnes entrées le ").endsWith("délégation : Niger.");
            assertThat(browser.find(By.id("recipients")).getText()).isEqualTo("une personne");
        }

        // once in the inbox and once in the SMTP sink of the one who came in, nowhere else
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> inboxSubjects(came).contains(subjectFr)
                && Arrays.stream(platform.receivedMails()).anyMatch(mail -> subjectFr.equals(subject(mail))));
        assertThat(inboxSubjects(came)).filteredOn(subjectFr::equals).hasSize(1);
        assertThat(inboxSubjects(stayedHome)).doesNotContain(subjectFr);
        assertThat(inboxSubjects(maliCame)).doesNotContain(subjectFr);
        assertThat(Arrays.stream(platform.receivedMails()).filter(mail -> subjectFr.equals(subject(mail)))
                .flatMap(mail -> Arrays.stream(recipients(mail)))).containsExactly(came.email());

        // the messages sent: the organizer's list shows it with its deliveries, Burkina Faso's coordinator's does not
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/messages"));
            browser.follow(By.id("sent-link"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Messages envoyés");
            String listed = browser.find(By.xpath("//li[contains(@class, 'sent-message')][.//a[text()=\"" + subjectFr + "\"]]")).getText();
            assertThat(listed).contains("Les personnes entrées le ", "délégation : Niger", "une personne", "Messagerie : 1 écrit(s)")
                    .doesNotContain(day.toString());
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("messages-sent");
        }
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(platform.gateway(""), "coordinator-bf", "demo");
            browser.open(platform.gateway("/coordinator/messages/sent"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Messages envoyés");
            assertThat(browser.pageText()).doesNotContain(subjectFr);
        }
    }

    @Test
    void organizer_ml_writes_to_one_categorys_applicants_and_each_gets_it_once_in_their_language_and_nobody_else() {
        Person aissa = registered("NE", "fr");
        Person john = registered("ML", "en");
        Person oumou = registered("BF", "fr");
        String tag = letters();
        Competitions competitions = new Competitions(platform, platform.tokenOf("organizer-ml"));
        String edition = competitions.edition(true);
        String chosen = competitions.category(edition, Competitions.Category.of("START_UP_CHALLENGE", 2, """
                {"jurorsPerApplication": 1, "minimumCompletedReviews": 1}"""));
        // another category's applicant (of another edition: one start-up challenge an edition) must not get it
        String other = competitions.category(competitions.edition(true), Competitions.Category.of("START_UP_CHALLENGE", 2, """
                {"jurorsPerApplication": 1, "minimumCompletedReviews": 1}"""));
        competitions.applyWithProfile(aissa.token(), "NE", chosen, "Sahel Santé " + tag, "FEMALE", Competitions.Pitch.HEALTH);
        competitions.applyWithProfile(john.token(), "ML", chosen, "Teliman Pay " + tag, "MALE", Competitions.Pitch.HEALTH);
        competitions.applyWithProfile(oumou.token(), "BF", other, "Faso Récolte " + tag, "FEMALE", Competitions.Pitch.FARMING);
        // notification-service learns the applications from competition's events
        String organizer = competitions.organizer();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> platform.get(platform.gateway(
                "/api/notifications/admin/broadcasts/audience?audience=APPLICANTS&category=" + chosen), organizer)
                .json().path("people").asLong() == 2);
        String subjectFr = "Répétition du pitch " + tag;
        String subjectEn = "Pitch rehearsal " + tag;

        // the page offers the current edition's categories
        String previous = competitions.makeCurrent(edition);
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/messages"));
            browser.click(By.id("audience-applicants"));
            browser.choose("category", chosen)
                    .fill("subjectFr", subjectFr).fill("bodyFr", "La répétition des pitchs a lieu demain à 9 h en salle 2.")
                    .fill("subjectEn", subjectEn).fill("bodyEn", "The pitch rehearsal is tomorrow at 9 am in room 2.");
            browser.submit(By.id("preview"));
            assertThat(browser.find(By.id("count")).getText()).startsWith("Ce message ira à 2 personnes :")
                    .contains("Les candidats de la catégorie Start-up Challenge").doesNotContain(chosen, "APPLICANTS");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("messages-applicants");
            browser.submit(By.id("send"));
            assertThat(browser.currentUrl()).contains("/organizer/messages/").contains("sent");
            assertThat(browser.find(By.id("audience")).getText()).startsWith("Les candidats de la catégorie Start-up Challenge");
            assertThat(browser.find(By.id("recipients")).getText()).isEqualTo("2 personnes");
        } finally {
            competitions.makeCurrentAgain(previous);
        }

        // once in each applicant's inbox and in the SMTP sink, in their language; nothing for the other category's
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> inboxSubjects(aissa).contains(subjectFr)
                && inboxSubjects(john).contains(subjectEn)
                && Arrays.stream(platform.receivedMails()).filter(mail -> List.of(subjectFr, subjectEn).contains(subject(mail)))
                .count() >= 2);
        assertThat(inboxSubjects(aissa)).filteredOn(subjectFr::equals).hasSize(1);
        assertThat(inboxSubjects(aissa)).doesNotContain(subjectEn);
        assertThat(inboxSubjects(john)).filteredOn(subjectEn::equals).hasSize(1);
        assertThat(inboxSubjects(john)).doesNotContain(subjectFr);
        assertThat(inboxSubjects(oumou)).doesNotContain(subjectFr, subjectEn);
        assertThat(Arrays.stream(platform.receivedMails()).filter(mail -> subjectFr.equals(subject(mail)))
                .flatMap(mail -> Arrays.stream(recipients(mail)))).containsExactly(aissa.email());
        assertThat(Arrays.stream(platform.receivedMails()).filter(mail -> subjectEn.equals(subject(mail)))
                .flatMap(mail -> Arrays.stream(recipients(mail)))).containsExactly(john.email());
    }

    /**
     * coordinator-bf, on a phone without JavaScript, writes to the people of their delegation holding a place on a
     * day: counted, sent, and each of them gets it once in their language (inbox and e-mail), while a person of
     * Burkina Faso without a place and a person of Niger with one get nothing; the report names the two.
     */
    @Test
    void coordinator_bf_writes_to_burkina_faso_people_holding_a_place_on_a_day_and_only_they_get_it_once() {
        Person awa = registered("BF", "fr");
        Person jane = registered("BF", "en");
        Person notComing = registered("BF", "fr");
        Person nigerComing = registered("NE", "fr");
        LocalDate day = dayWithPlacesFor(awa, jane, nigerComing);
        awaitHoldingAPlace("BF", day, 2);
        String tag = letters();
        String subjectFr = "Navette de Ouagadougou " + tag;
        String subjectEn = "Shuttle from Ouagadougou " + tag;

        String reportUrl;
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "coordinator-bf", "demo");
            browser.open(platform.gateway("/coordinator"));
            browser.follow(By.id("messages-link"));
            assertThat(browser.find(By.id("audience-delegation")).getText()).contains("délégation");
            browser.click(By.id("audience-country"));
            browser.choose("day", day.toString())
                    .fill("subjectFr", subjectFr).fill("bodyFr", "La navette part de l'hôtel à 7 h 30.")
                    .fill("subjectEn", subjectEn).fill("bodyEn", "The shuttle leaves the hotel at 7:30.");
            browser.submit(By.id("preview"));
            assertThat(browser.find(By.id("count")).getText()).contains("2 personnes de la délégation Burkina Faso");
            assertThat(browser.find(By.id("count-day")).getText()).startsWith("Parmi les personnes qui ont une place le ")
                    .doesNotContain(day.toString());
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();

            browser.submit(By.id("send"));
            assertThat(browser.currentUrl()).contains("/coordinator/messages/").contains("sent");
            reportUrl = browser.currentUrl().replaceAll("\\?.*", "");
            assertThat(browser.find(By.id("recipients")).getText()).isEqualTo("2 personnes");
            assertThat(browser.find(By.cssSelector("#message h2")).getText()).isEqualTo(subjectFr);
        }
        String id = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> inboxSubjects(awa).contains(subjectFr)
                && inboxSubjects(jane).contains(subjectEn));
        JsonNode report = awaitAllMailsOut(id);
        assertThat(report.path("recipients").asLong()).isEqualTo(2);
        assertThat(inboxSubjects(awa)).filteredOn(subjectFr::equals).hasSize(1);
        assertThat(inboxSubjects(jane)).filteredOn(subjectEn::equals).hasSize(1);
        assertThat(inboxSubjects(notComing)).doesNotContain(subjectFr, subjectEn);
        assertThat(inboxSubjects(nigerComing)).doesNotContain(subjectFr, subjectEn);
        List<String> recipients = Arrays.stream(platform.receivedMails())
                .filter(mail -> List.of(subjectFr, subjectEn).contains(subject(mail)))
                .flatMap(mail -> Arrays.stream(recipients(mail))).toList();
        assertThat(recipients).containsExactlyInAnyOrder(awa.email(), jane.email());

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "coordinator-bf", "demo");
            browser.open(platform.gateway("/coordinator/messages/sent"));
            assertThat(browser.pageText()).contains(subjectFr);
            browser.open(reportUrl);
            assertThat(browser.find(By.id("email")).getText()).startsWith("2 envoyé(s), 0 en attente");
        }
    }

    @Test
    void coordinator_bf_writes_to_burkina_faso_only_and_others_are_not_allowed() {
        String coordinator = platform.tokenOf("coordinator-bf");
        String tag = letters();
        try (Browser browser = Browser.withJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "coordinator-bf", "demo");
            browser.open(platform.gateway("/coordinator"));
            browser.follow(By.id("messages-link"));
            assertThat(browser.find(By.id("count")).getText()).contains("de la délégation Burkina Faso");
            assertThat(browser.findAll(By.name("country"))).isEmpty();

            // the attacker's side: a country slipped into the form is refused, and nothing goes out
            browser.fill("subjectFr", "Détourné " + tag).fill("bodyFr", "x").fill("subjectEn", "Diverted " + tag).fill("bodyEn", "x");
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    var f = document.getElementById('message-form'); var i = document.createElement('input');
                    i.type = 'hidden'; i.name = 'country'; i.value = 'NE'; f.appendChild(i);""");
            browser.submit(By.id("send"));
            assertThat(browser.pageText()).contains("accès à cette page");
        }
        assertThat(platform.postJson(platform.gateway("/api/notifications/admin/broadcasts"), coordinator, """
                {"audience":"EVERYONE","subjectFr":"a","bodyFr":"b","subjectEn":"a","bodyEn":"b"}""").status()).isEqualTo(403);
        assertThat(platform.postJson(platform.gateway("/api/notifications/admin/broadcasts"), coordinator, """
                {"audience":"CHECKED_IN","country":"NE","day":"2026-01-29","subjectFr":"a","bodyFr":"b","subjectEn":"a","bodyEn":"b"}""")
                .status()).isEqualTo(403);
        assertThat(Arrays.stream(platform.receivedMails()).map(MessagesPagesIT::subject)
                .filter(subject -> subject != null && subject.endsWith(tag))).isEmpty();

        for (String user : List.of("participant-ml", "jury-ml", "coach-ne")) {
            try (Browser browser = Browser.withoutJavaScript()) {
                browser.signIn(platform.gateway(""), user, "demo");
                for (String page : List.of("/organizer/messages", "/coordinator/messages")) {
                    browser.open(platform.gateway(page));
                    assertThat(browser.pageText()).as(user + " " + page).contains("accès à cette page")
                            .doesNotContain("Écrire à un groupe");
                }
            }
            assertThat(platform.get(platform.gateway("/api/notifications/admin/broadcasts/audience"), platform.tokenOf(user))
                    .status()).isEqualTo(403);
        }
    }

    /** A day of its own, opened by an organizer, on which each of these people holds a place. */
    private LocalDate dayWithPlacesFor(Person... people) {
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ne"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        for (Person person : people) {
            Platform.Response registered = platform.postJson(platform.gateway("/api/registrations/attendance/days/" + day
                    + "/registrations"), person.token(), "{}");
            assertThat(registered.status()).as(registered.body()).isBetween(200, 201);
        }
        return day;
    }

    /** Until notification-service, which learns the places from registration's events, counts them for that country and day. */
    private void awaitHoldingAPlace(String country, LocalDate day, long people) {
        String organizer = platform.tokenOf("organizer-ml");
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> platform.get(platform.gateway(
                "/api/notifications/admin/broadcasts/audience?audience=COUNTRY&country=" + country + "&day=" + day), organizer)
                .json().path("people").asLong() == people);
    }

    /** The report once no e-mail of the message waits any more. */
    private JsonNode awaitAllMailsOut(String id) {
        String organizer = platform.tokenOf("organizer-ml");
        return await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> platform.get(
                        platform.gateway("/api/notifications/admin/broadcasts/" + id), organizer).json(),
                report -> report.path("email").path("PENDING").asInt(-1) == 0
                        && report.path("inbox").asLong() == report.path("recipients").asLong());
    }

    private List<String> inboxSubjects(Person person) {
        JsonNode inbox = platform.get(platform.gateway("/api/notifications/me?size=100"), person.token()).json();
        return StreamSupport.stream(inbox.path("items").spliterator(), false).map(item -> item.path("subject").asString()).toList();
    }

    /**
     * A fresh participant of that country (Keycloak's admin API) who creates their profile through the gateway, once
     * notification-service knows them (their welcome is in their inbox).
     */
    private Person registered(String country, String language) {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@" + letters() + ".example.org";
        Platform.Response admin = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        String adminToken = admin.json().get("access_token").asString();
        Platform.Response created = platform.postJson(platform.keycloak("/admin/realms/sdn/users"), adminToken, """
                {"username":"%s","email":"%s","emailVerified":true,"firstName":"Aïssa","lastName":"Maïga","enabled":true,
                 "attributes":{"country":["%s"]},"credentials":[%s]}"""
                .formatted(username, email, country, Platform.demoPasswordCredential()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = platform.tokenOf(username);
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), token, """
                {"gender":"FEMALE","preferredLanguage":"%s","consent":{"accepted":true,"version":"2026-01"}}""".formatted(language));
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        Person person = new Person(username, email, token);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> !inboxSubjects(person).isEmpty());
        return person;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] recipients(MimeMessage mail) {
        try {
            Address[] all = mail.getAllRecipients();
            return all == null ? new String[0] : Arrays.stream(all).map(Address::toString).toArray(String[]::new);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Letters only (a domain name, a tag in a subject: not a code). */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return letters.toString();
    }
}
