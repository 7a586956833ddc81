package ml.sdn.e2e.containers;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm file imported by the Keycloak image that docker-compose runs, checked where a Docker
 * engine answers (skipped elsewhere). Image: {@code -Dsdn.test.keycloak-image=…}.
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakContainerIT {

    private static final int PORT = 8080;

    @Container
    static final GenericContainer<?> KEYCLOAK = new GenericContainer<>(
            System.getProperty("sdn.test.keycloak-image", "quay.io/keycloak/keycloak:26.5.6"))
            .withCopyFileToContainer(MountableFile.forHostPath(realmFile()), "/opt/keycloak/data/import/realm-sdn.json")
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
            .withCommand("start-dev", "--import-realm", "--http-port=" + PORT)
            .withExposedPorts(PORT)
            .waitingFor(Wait.forHttp("/realms/sdn/.well-known/openid-configuration").forPort(PORT)
                    .withStartupTimeout(Duration.ofMinutes(4)));

    @Test
    void the_imported_realm_gives_a_niger_participant_a_token_with_country_role_and_audience() throws Exception {
        String tokenEndpoint = "http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getMappedPort(PORT)
                + "/realms/sdn/protocol/openid-connect/token";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=sdn-cli&username=participant-ne&password=demo"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        String accessToken = json.readTree(response.body()).get("access_token").asString();
        JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.get("country").asString()).isEqualTo("NE");
        assertThat(claims.get("realm_access").get("roles").toString()).contains("participant");
        assertThat(claims.get("aud").toString()).contains("sdn-api");
    }

    private static Path realmFile() {
        return Path.of(System.getProperty("sdn.repo-root", "..")).resolve("identity/realm-sdn.json").toAbsolutePath().normalize();
    }
}
