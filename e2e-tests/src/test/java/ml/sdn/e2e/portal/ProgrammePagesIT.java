package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The week's programme through the gateway, without JavaScript, on a 360 px phone: organizer-ml writes a session
 * (a first try with two faults shows both next to their fields), participant-bf adds it to their agenda from the
 * public programme, organizer-ml moves it to another room and time, and participant-bf's inbox tells them so. A
 * visitor reads the programme and its API without signing in, but cannot add a session to an agenda; a participant
 * cannot write the programme.
 */
@ExtendWith(RunningPlatform.class)
class ProgrammePagesIT {

    private final Platform platform;

    ProgrammePagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_writes_a_session_a_participant_adds_it_and_hears_when_it_moves() {
        String suffix = "k" + UUID.randomUUID().toString().substring(0, 5);
        String titleFr = "Atelier état civil " + suffix;
        String titleEn = "Civil registration workshop " + suffix;
        ensureProfile("participant-bf");
        String sessionId;

        try (Browser organizer = Browser.withoutJavaScript()) {
            organizer.driver().manage().window().setSize(new Dimension(360, 740));
            organizer.signIn(platform.gateway(""), "organizer-ml", "demo");
            organizer.open(platform.gateway("/organizer"));
            organizer.follow(By.id("programme-link"));
            organizer.follow(By.id("new-session"));
            organizer.fill("titleFr", titleFr).choose("kind", "WORKSHOP").fill("room", "Salle Mali " + suffix)
                    .choose("day", "2026-01-29").fill("start", "10h30").fill("end", "9:00").fill("capacity", "30")
                    .fill("speakers[0].name", "Aminata Traoré").fill("speakers[0].organization", "AGETIC");
            organizer.submit(By.id("save-session"));
            // both faults at once, each next to its field, and what was typed is kept
            assertThat(organizer.find(By.id("titleEn-error")).getText()).isNotBlank();
            assertThat(organizer.find(By.id("endsAt-error")).getText()).contains("après l'heure de début");
            assertThat(organizer.find(By.id("titleFr")).getAttribute("value")).isEqualTo(titleFr);
            organizer.screenshot("programme-1-form-errors");

            organizer.fill("titleEn", titleEn).fill("end", "12:00").submit(By.id("save-session"));
            organizer.waitForText("La session est au programme.");
            assertThat(organizer.pageText()).contains(titleFr, "jeudi 29 janvier, 10 h 30 – 12 h 00", "Salle Mali " + suffix,
                    "atelier", "Avec Aminata Traoré (AGETIC)", "Il reste 30 places sur 30");
            String edit = organizer.find(By.cssSelector("a[aria-label='Modifier « " + titleFr + " »']")).getAttribute("href");
            sessionId = edit.replaceAll(".*/organizer/programme/([^/]+)/edit$", "$1");
            organizer.screenshot("programme-2-organizer-list");

            // participant-bf adds it from the public programme
            try (Browser participant = Browser.withoutJavaScript()) {
                participant.driver().manage().window().setSize(new Dimension(360, 740));
                participant.signIn(platform.gateway(""), "participant-bf", "demo");
                participant.open(platform.gateway("/lang?to=fr"));
                participant.open(platform.gateway("/programme"));
                assertThat(participant.find(By.id("session-" + sessionId)).getText()).contains(titleFr, "10 h 30 – 12 h 00");
                participant.submit(By.cssSelector("#session-" + sessionId + " button[type=submit]"));
                participant.waitForText("La session est dans votre agenda.");
                assertThat(participant.find(By.id("agenda-" + sessionId)).getText())
                        .contains(titleFr, "Dans votre agenda : vous avez une place.");
                participant.screenshot("programme-3-agenda");

                // the organizer moves it: another room, another time
                organizer.open(edit);
                assertThat(organizer.find(By.id("room")).getAttribute("value")).isEqualTo("Salle Mali " + suffix);
                organizer.fill("room", "Salle Niger " + suffix).choose("day", "2026-01-30").fill("start", "15:00")
                        .fill("end", "16:30").submit(By.id("save-session"));
                organizer.waitForText("La session est enregistrée.");
                assertThat(organizer.pageText()).contains("vendredi 30 janvier, 15 h 00 – 16 h 30", "Salle Niger " + suffix);

                // the notice reaches participant-bf's inbox, in words
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    participant.open(platform.gateway("/me/notifications"));
                    return participant.pageText().contains(suffix);
                });
                assertThat(participant.pageText()).contains("Salle Niger " + suffix).containsAnyOf("15:00").doesNotContain("2026-01-30");
                participant.screenshot("programme-4-notice");

                participant.open(platform.gateway("/me/agenda"));
                assertThat(participant.find(By.id("agenda-" + sessionId)).getText()).contains("vendredi 30 janvier", "Salle Niger " + suffix);
            }
        }

        // a visitor reads it, page and API, but adds nothing; a participant writes nothing
        try (Browser visitor = Browser.withoutJavaScript()) {
            visitor.open(platform.gateway("/lang?to=en"));
            visitor.open(platform.gateway("/programme"));
            assertThat(visitor.pageText()).contains("Programme of the week", "Friday 30 January");
            assertThat(visitor.find(By.id("session-" + sessionId)).getText()).contains(titleEn, "15:00 – 16:30", "workshop")
                    .doesNotContain("Add to my agenda");
            visitor.screenshot("programme-5-public-english");
        }
        assertThat(platform.get(platform.gateway("/api/registrations/programme/sessions/" + sessionId), null).status()).isEqualTo(200);
        // without a token: refused before any service (401, or 403 from the gateway's CSRF check on a write)
        assertThat(platform.postJson(platform.gateway("/api/registrations/programme/sessions/" + sessionId + "/agenda"), null, "")
                .status()).isIn(401, 403);
        assertThat(platform.postJson(platform.gateway("/api/registrations/programme/sessions"), platform.tokenOf("participant-bf"), """
                {"titleFr":"Pirate","titleEn":"Pirate","kind":"PANEL","room":"Salle 1",
                 "startsAt":"2026-01-29T10:00","endsAt":"2026-01-29T11:00"}""").status()).isEqualTo(403);
    }

    /** The account's participant profile, made if it has none yet (another test may have made it: left as it is). */
    private void ensureProfile(String username) {
        String token = platform.tokenOf(username);
        if (platform.get(platform.gateway("/api/registrations/participants/me"), token).status() == 200) {
            return;
        }
        Platform.Response saved = platform.putJson(platform.gateway("/api/registrations/participants/me"), token,
                "{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");
        assertThat(saved.status()).as(saved.body()).isBetween(200, 201);
    }
}
