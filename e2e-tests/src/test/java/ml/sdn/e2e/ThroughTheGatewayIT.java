package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo participant from Niger, with a real token from Keycloak, goes through the real gateway to
 * each real service; callers without a valid token, or without the role, are refused.
 */
@ExtendWith(RunningPlatform.class)
class ThroughTheGatewayIT {

    private final Platform platform;

    ThroughTheGatewayIT(Platform platform) {
        this.platform = platform;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/registrations", "/api/competitions", "/api/incubation", "/api/notifications"})
    void participant_from_niger_sees_their_identity_and_country_in_every_service(String prefix) {
        String token = platform.tokenOf("participant-ne");

        Platform.Response response = platform.get(platform.gateway(prefix + "/whoami"), token);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("country").asString()).isEqualTo("NE");
        assertThat(me.get("username").asString()).isEqualTo("participant-ne");
        assertThat(me.get("id").asString()).isEqualTo(Platform.claimsOf(token).get("sub").asString());
        assertThat(me.get("roles").toString()).contains("participant").doesNotContain("organizer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/registrations", "/api/competitions", "/api/incubation", "/api/notifications"})
    void a_request_without_a_token_gets_a_401_problem(String prefix) {
        Platform.Response response = platform.get(platform.gateway(prefix + "/whoami"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void a_token_whose_claims_were_changed_is_refused() {
        String[] parts = platform.tokenOf("participant-ne").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"NE\"", "\"ML\"").replace("\"participant\"", "\"organizer\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        Platform.Response response = platform.get(platform.gateway("/api/registrations/whoami"), forged);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_unsigned_token_is_refused() {
        String[] parts = platform.tokenOf("organizer-ml").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        Platform.Response response = platform.get(platform.gateway("/api/registrations/admin/dead-letters"), header + "." + parts[1] + ".");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void a_participant_is_refused_on_an_organizer_only_endpoint() {
        Platform.Response response = platform.get(platform.gateway("/api/registrations/admin/dead-letters"),
                platform.tokenOf("participant-ne"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_organizer_reaches_the_organizer_only_endpoint() {
        Platform.Response response = platform.get(platform.gateway("/api/registrations/admin/dead-letters"),
                platform.tokenOf("organizer-ml"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void every_answer_carries_a_trace_id() {
        Platform.Response response = platform.get(platform.gateway("/api/competitions/whoami"),
                platform.tokenOf("jury-bf"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Trace-Id")).isNotBlank();
    }
}
