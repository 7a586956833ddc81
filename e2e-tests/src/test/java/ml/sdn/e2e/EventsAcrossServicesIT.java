package ml.sdn.e2e;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real domain event crossing the platform: a participant's profile created in registration-service
 * is published through its outbox to Kafka, consumed by notification-service, and ends in the
 * participant's inbox and mailbox — all observed from outside, through the gateway and the SMTP sink.
 */
@ExtendWith(RunningPlatform.class)
class EventsAcrossServicesIT {

    private final Platform platform;

    EventsAcrossServicesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_profile_created_in_registration_reaches_the_participants_inbox_and_mailbox() {
        String token = platform.tokenOf("participant-ne");

        Platform.Response created = platform.putJson(platform.gateway("/api/registrations/participants/me"), token,
                "{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");
        assertThat(created.status()).as(created.body()).isBetween(200, 201);
        assertThat(created.json().get("country").asString()).isEqualTo("NE");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Platform.Response inbox = platform.get(platform.gateway("/api/notifications/me"), platform.tokenOf("participant-ne"));
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            assertThat(inbox.body()).contains("PROFILE_CREATED");
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Arrays.stream(platform.receivedMails()).filter(EventsAcrossServicesIT::toParticipantNe)
                        .filter(EventsAcrossServicesIT::welcome)).hasSize(1));

        // another participant sees nothing of it
        Platform.Response otherInbox = platform.get(platform.gateway("/api/notifications/me"), platform.tokenOf("participant-ml"));
        assertThat(otherInbox.status()).isEqualTo(200);
        assertThat(otherInbox.body()).doesNotContain("Participant Niger");
    }

    /** The profile-created mail (other tests send this person other mails: their application's receipt). */
    private static boolean welcome(MimeMessage message) {
        try {
            return message.getSubject() != null && message.getSubject().startsWith("Bienvenue à la Semaine du Numérique");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean toParticipantNe(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains("participant-ne@demo.sdn.ml"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
