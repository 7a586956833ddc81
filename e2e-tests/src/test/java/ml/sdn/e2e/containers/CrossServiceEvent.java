package ml.sdn.e2e.containers;

import ml.sdn.e2e.Platform;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event the containers suites send across services (EventsAcrossServicesIT's scenario, without
 * its mailbox part): a participant's profile created in registration-service reaches their inbox in
 * notification-service, through Kafka, seen through the gateway.
 */
public final class CrossServiceEvent {

    private CrossServiceEvent() {
    }

    public static void profileCreatedReachesTheInbox(Platform platform, String username) {
        Platform.Response created = platform.putJson(platform.gateway("/api/registrations/participants/me"), platform.tokenOf(username),
                "{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");
        assertThat(created.status()).as(created.body()).isBetween(200, 201);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Platform.Response inbox = platform.get(platform.gateway("/api/notifications/me"), platform.tokenOf(username));
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            assertThat(inbox.body()).contains("PROFILE_CREATED");
        });
    }
}
