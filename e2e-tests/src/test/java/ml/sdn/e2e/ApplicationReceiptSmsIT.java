package ml.sdn.e2e;

import ml.sdn.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Niger participant with a phone number submits an application through the gateway: the receipt SMS, in
 * French with its accents (so UCS-2), reaches the local SMSC over SMPP once, the SMSC's delivery receipt comes
 * back, and the organizers' delivery log shows the SMS delivered.
 */
@ExtendWith(RunningPlatform.class)
class ApplicationReceiptSmsIT {

    private final Platform platform;
    private final LocalStack stack;

    ApplicationReceiptSmsIT(Platform platform, LocalStack stack) {
        this.platform = platform;
        this.stack = stack;
    }

    @Test
    void the_receipt_goes_by_sms_once_in_french_and_the_delivery_log_shows_it_delivered() {
        java.time.Instant started = java.time.Instant.now().minusSeconds(1);
        String holder = platform.tokenOf("participant-ne");
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), holder, """
                {"phone":"90 12 34 56","gender":"NOT_STATED","city":"Niamey","preferredLanguage":"fr",
                 "consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).as(profile.body()).isBetween(200, 201);
        assertThat(profile.json().get("phone").asString()).isEqualTo("+22790123456");
        // notification-service has the number (a profile held earlier in the run without it must not meet the receipt)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Platform.Response preferences = platform.get(platform.gateway("/api/notifications/me/preferences"), holder);
            assertThat(preferences.status()).as(preferences.body()).isEqualTo(200);
            assertThat(preferences.json().get("smsTo").asString()).isEqualTo("+227 … 56");
        });
        Competitions competitions = new Competitions(platform, platform.tokenOf("organizer-ne"));
        String edition = competitions.edition(false);
        String contest = competitions.category(edition, "PROJECT_CONTEST", 1, "{}");

        JsonNode submitted = competitions.submit(holder, """
                    {"categoryId": "%s", "organizationId": null, "title": "Séchoirs solaires pour l'oignon de Galmi",
                     "summary": "Sécher l'oignon au soleil sans pertes.", "problem": "L'oignon pourrit avant la vente.",
                     "solution": "Séchoirs solaires partagés.", "targetUsers": "Producteurs de Galmi",
                     "stage": "PROTOTYPE", "challenge": "Agriculture",
                     "team": [{"name": "Participant Niger", "role": "Porteur de projet"}],
                     "pitchDeckUrl": "https://example.org/sechoirs.pdf"}""".formatted(contest));
        String id = submitted.get("id").asString();
        String reference = submitted.get("reference").asString();

        String organizer = platform.tokenOf("organizer-ne");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Platform.Response log = platform.get(platform.gateway("/api/notifications/admin/deliveries?status=DELIVERED&size=100"),
                    organizer);
            assertThat(log.status()).as(log.body()).isEqualTo(200);
            List<String> receiptsBySms = new java.util.ArrayList<>();
            for (var item : log.json().get("items")) {
                if ("SMS".equals(item.get("channel").asString()) && "+22790123456".equals(item.get("to").asString())
                        && "APPLICATION_SUBMITTED".equals(item.get("kind").asString())
                        && java.time.Instant.parse(item.get("createdAt").asString()).isAfter(started)) {
                    receiptsBySms.add(item.get("id").asString());
                }
            }
            assertThat(receiptsBySms).as(log.body()).hasSize(1);
        });

        List<String> lines = smsLogLinesMentioning(reference);
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("sms to=+22790123456 segments=3 text=\"Semaine du Numérique : votre candidature est bien reçue. "
                        + "Référence " + reference + ". Conservez ce message, c'est votre accusé de réception.\""));
        assertThat(stack.smsc().messages()).filteredOn(message -> message.text().contains(reference)).singleElement()
                .satisfies(message -> assertThat(message.to()).isEqualTo("+22790123456"));
    }

    private List<String> smsLogLinesMentioning(String reference) {
        Path log = stack.logsDirectory().resolve("sms.log");
        try {
            return Files.exists(log)
                    ? Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(reference)).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
