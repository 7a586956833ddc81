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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who arrives at the door without registration, then signs up: without JavaScript, on a 360 px wide phone,
 * staff-ml registers them at /checkin (an empty form first: every error next to its field at once) and writes the code
 * the page gives on a paper badge; the person then creates an account and links that badge to it at
 * /me/attendance/claim (a wrong phone first, refused next to its field), and finds the day, already checked in, in
 * their attendance, counted once at the door.
 */
@ExtendWith(RunningPlatform.class)
class BadgeClaimPagesIT {

    private static final String API = "/api/registrations/attendance";

    private final Platform platform;

    BadgeClaimPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_walk_in_registered_at_the_door_without_javascript_later_claims_the_badge_with_an_account() {
        String suffix = "c" + UUID.randomUUID().toString().substring(0, 5);
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway(API + "/days/" + day), platform.tokenOf("organizer-ml"),
                "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        String name = "Mariam Coulibaly " + suffix;
        String code;

        try (Browser door = Browser.withoutJavaScript()) {
            door.driver().manage().window().setSize(new Dimension(360, 740));
            door.signIn(platform.gateway(""), "staff-ml", "demo");
            door.open(platform.gateway("/checkin"));
            door.choose("day", day.toString()).fill("door", "C").submit(By.cssSelector("#desk button[type=submit]"));
            door.waitForText("porte C");

            // nothing typed: every error at once, next to its field
            door.submit(By.cssSelector("#offline-walkin button[type=submit]"));
            assertThat(door.find(By.id("walkInName-error")).getText()).contains("le nom est obligatoire");
            assertThat(door.find(By.id("walkInCountry-error")).getText()).contains("le pays est obligatoire");
            assertThat(door.find(By.id("walkInPhone-error")).getText()).contains("un téléphone ou une adresse e-mail");
            door.screenshot("badge-claim-1-door-errors");

            door.fill("name", name).choose("category", "PRESS").choose("country", "ML").fill("organization", "Radio Kledu")
                    .fill("phone", "+223 76 55 44 33");
            door.submit(By.cssSelector("#offline-walkin button[type=submit]"));
            String result = door.find(By.id("walk-in-result")).getText();
            assertThat(result).contains("Inscrit(e) et entré(e) à", "porte C", name, "Écrivez ce code sur son badge papier.");
            code = door.find(By.id("walk-in-code")).getText().replace("Badge : ", "");
            assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
            door.screenshot("badge-claim-2-door-walk-in");
        }
        assertThat(figures(day).get("checkedIn").asInt()).isEqualTo(1);

        ParticipantAccounts.Account account = ParticipantAccounts.newAccount("claim");
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            ParticipantAccounts.signUp(browser, platform, account, "ML");
            browser.open(platform.gateway("/me/profile"));
            browser.fill("city", "Bamako").click(By.id("consent")).submit(By.cssSelector("main form button[type=submit]"));
            browser.waitForText("Votre profil est enregistré.");

            browser.open(platform.gateway("/me/attendance"));
            browser.follow(By.cssSelector("#claim-link a"));
            assertThat(browser.pageText()).contains("Rattacher mon badge à mon compte");
            browser.fill("badgeCode", code.toLowerCase()).fill("contact", "76 55 44 00");
            browser.submit(By.cssSelector("#claim-form button[type=submit]"));
            assertThat(browser.find(By.id("contact-error")).getText())
                    .contains("ni le téléphone ni l", "adresse e-mail donnés quand ce badge a été enregistré");
            assertThat(browser.find(By.id("badgeCode")).getAttribute("value")).isEqualTo(code.toLowerCase());
            browser.screenshot("badge-claim-3-wrong-phone");

            browser.fill("contact", "76 55 44 33");
            browser.submit(By.cssSelector("#claim-form button[type=submit]"));
            assertThat(browser.find(By.id("claimed")).getText()).contains("Votre badge est rattaché à votre compte");
            assertThat(browser.pageText()).contains("Code du badge : " + code, "Place confirmée");
            browser.screenshot("badge-claim-4-claimed");
        }

        // the service: the day is the account's, checked in once at door C, and the code lets nobody in twice
        JsonNode mine = platform.get(platform.gateway(API + "/me"), platform.tokenResponse(account.username(), account.password()).get("access_token").asString()).json();
        assertThat(mine.get(0).get("day").asString()).isEqualTo(day.toString());
        assertThat(mine.get(0).has("checkedInAt")).isTrue();
        assertThat(figures(day).get("checkedIn").asInt()).isEqualTo(1);
        assertThat(figures(day).get("confirmed").asInt()).isEqualTo(1);
    }

    private JsonNode figures(LocalDate day) {
        return platform.get(platform.gateway(API + "/days/" + day + "/door-figures"), platform.tokenOf("organizer-ml")).json();
    }
}
