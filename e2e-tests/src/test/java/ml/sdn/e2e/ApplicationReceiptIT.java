package ml.sdn.e2e;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A project holder from Niger submits an application through the gateway: competition-service gives a
 * receipt number and publishes the submission, notification-service puts the receipt in the holder's
 * inbox and e-mails it over SMTP — and nobody else hears of it.
 */
@ExtendWith(RunningPlatform.class)
class ApplicationReceiptIT {

    private final Platform platform;

    ApplicationReceiptIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_submitted_application_yields_an_inbox_receipt_and_an_email_with_its_reference() {
        Competitions competitions = new Competitions(platform, platform.tokenOf("organizer-ne"));
        String edition = competitions.edition(false);
        String contest = competitions.category(edition, "PROJECT_CONTEST", 1, "{}");
        String holder = platform.tokenOf("participant-ne");
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), holder,
                "{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");
        assertThat(profile.status()).as(profile.body()).isBetween(200, 201);

        // the holder's registration reaches competition-service's copy through Kafka: until then, 409 "being processed"
        JsonNode submitted = competitions.submit(holder, """
                    {"categoryId": "%s", "organizationId": null, "title": "Kits solaires pour les maraîchers de Tillabéri",
                     "summary": "Des kits de pompage solaire loués à la saison.", "problem": "Le gasoil coûte cher.",
                     "solution": "Pompes solaires en location-vente.", "targetUsers": "Maraîchers de la vallée du fleuve",
                     "stage": "PROTOTYPE", "challenge": "Agriculture",
                     "team": [{"name": "Participant Niger", "role": "Porteur de projet"}],
                     "pitchDeckUrl": "https://example.org/kits-solaires.pdf"}""".formatted(contest));
        String id = submitted.get("id").asString();
        String reference = submitted.get("reference").asString();
        assertThat(reference).matches("SDN\\d+-PRC-\\d{4}");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Platform.Response inbox = platform.get(platform.gateway("/api/notifications/me"), platform.tokenOf("participant-ne"));
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            assertThat(inbox.body()).contains("APPLICATION_SUBMITTED", reference);
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(mailsMentioning(reference)).singleElement().satisfies(mail ->
                        assertThat(recipients(mail)).containsExactly("participant-ne@demo.sdn.ml")));

        // another participant cannot read it, nor see the receipt
        String other = platform.tokenOf("participant-ml");
        assertThat(platform.get(platform.gateway(Competitions.API + "/applications/" + id), other).status()).isEqualTo(404);
        assertThat(platform.get(platform.gateway("/api/notifications/me"), other).body()).doesNotContain(reference);
    }

    private List<MimeMessage> mailsMentioning(String reference) {
        return Arrays.stream(platform.receivedMails()).filter(mail -> textOf(mail).contains(reference)).toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(MimeMessage message) {
        try {
            Object content = message.getContent();
            return (message.getSubject() == null ? "" : message.getSubject()) + "\n" + (content instanceof String text ? text : "");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
