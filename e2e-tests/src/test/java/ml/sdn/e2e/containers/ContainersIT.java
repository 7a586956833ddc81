package ml.sdn.e2e.containers;

import ml.sdn.e2e.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's images in containers (not its classes), with Kafka, Keycloak and the store as
 * containers too, checked through the gateway container: a real token, each service, an event from
 * one service to another. Runs where a Docker engine answers (docker/offline/containers.sh in CI),
 * skipped elsewhere. Image names: {@link ComposeDefinition}.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(ContainerPlatform.class)
class ContainersIT {

    private final Platform platform;
    private final PlatformContainers containers;

    ContainersIT(Platform platform, PlatformContainers containers) {
        this.platform = platform;
        this.containers = containers;
    }

    @Test
    void a_token_from_the_keycloak_container_signs_in_through_the_gateway_container() {
        Platform.Response anonymous = platform.get(platform.gateway("/api/registrations/whoami"), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        String token = platform.tokenOf("participant-ne");
        JsonNode claims = Platform.claimsOf(token);
        assertThat(claims.get("iss").asString()).isEqualTo(platform.issuerUri());
        assertThat(claims.get("country").asString()).isEqualTo("NE");
        assertThat(claims.get("aud").toString()).contains("sdn-api");

        Platform.Response me = platform.get(platform.gateway("/api/registrations/whoami"), token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("participant-ne");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/registrations", "/api/competitions", "/api/incubation", "/api/notifications"})
    void each_service_container_answers_through_the_gateway_container(String prefix) {
        Platform.Response me = platform.get(platform.gateway(prefix + "/whoami"), platform.tokenOf("participant-ml"));

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("country").asString()).isEqualTo("ML");
        assertThat(me.json().get("roles").toString()).contains("participant");
    }

    @Test
    void a_profile_created_in_the_registration_container_reaches_the_inbox_in_the_notification_container() {
        CrossServiceEvent.profileCreatedReachesTheInbox(platform, "participant-ne");

        if (ComposeDefinition.standIn()) {
            // the SMTP stand-in prints one line per mail; Mailpit would show it in its UI instead
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(containers.mailLog().lines()).anyMatch(line -> line.startsWith("mail to=")
                            && line.contains("participant-ne@demo.sdn.ml") && line.contains("Bienvenue")));
        }
    }
}
