package ml.sdn.e2e.containers.compose;

import ml.sdn.e2e.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak as docker-compose.yml runs it for real: production mode ({@code start}) on its PostgreSQL
 * (service {@code keycloak-db}). A user created and a demo user edited through the admin API are still
 * as they were left after {@code restart keycloak}: the realm file is imported only when the realm is
 * absent, never over it. Runs in the compose scenario (docker/offline/containers.sh compose), only when
 * {@code -Dsdn.compose.gateway} says where the brought-up platform is.
 */
@EnabledIfSystemProperty(named = "sdn.compose.gateway", matches = ".+")
class ComposeKeycloakIT {

    private static final String KEYCLOAK = System.getProperty("sdn.compose.keycloak", "http://127.0.0.1:8180");
    private static final String DEMO_USER = "participant-bf";

    private final Platform platform = new Platform(new Platform.Endpoints(System.getProperty("sdn.compose.gateway"),
            KEYCLOAK, "http://localhost:8180/realms/sdn", () -> {
                throw new UnsupportedOperationException("no mailbox reader for the compose platform");
            }));

    @Test
    void keycloak_runs_in_production_mode_on_postgresql_and_keeps_changed_users_across_a_restart() {
        String before = Compose.run(Map.of(), "logs", "--no-color", "keycloak");
        assertThat(before).as("Keycloak's log").contains("Realm 'sdn' imported").doesNotContain("Running the server in development mode");

        String username = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = adminToken();
        Platform.Response created = platform.postJson(platform.keycloak("/admin/realms/sdn/users"), admin, """
                {"username":"%s","email":"%s@example.org","emailVerified":true,"firstName":"Avant","lastName":"Redémarrage",
                 "enabled":true,"attributes":{"country":["NE"]},"credentials":[%s]}"""
                .formatted(username, username, Platform.demoPasswordCredential()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode user = user(admin, username);
        ((ObjectNode) user).put("firstName", "Après");
        assertThat(platform.putJson(platform.keycloak("/admin/realms/sdn/users/" + user.get("id").asString()), admin, user.toString()).status())
                .isEqualTo(204);
        JsonNode demo = user(admin, DEMO_USER);
        String demoLastName = demo.get("lastName").asString();
        // (no brackets: the realm's person-name-prohibited-characters validation refuses them)
        ((ObjectNode) demo).put("lastName", demoLastName + " Modifié");
        assertThat(platform.putJson(platform.keycloak("/admin/realms/sdn/users/" + demo.get("id").asString()), admin, demo.toString()).status())
                .isEqualTo(204);
        String keyBefore = keyId(platform.tokenOf(username));

        // they live in PostgreSQL, not in the container
        assertThat(psql("select first_name from user_entity where username = '" + username + "'")).isEqualTo("Après");

        String container = Compose.containerId("keycloak");
        Compose.run(Map.of(), "restart", "keycloak");
        assertThat(Compose.containerId("keycloak")).as("the same container, restarted").isEqualTo(container);
        // Keycloak answers again once it has started (connection refused and 503 until then)
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> platform.tokenResponse(username, "demo").has("access_token"));

        String after = Compose.run(Map.of(), "logs", "--no-color", "keycloak");
        assertThat(after).as("the second start found the realm and left it alone")
                .contains("Realm 'sdn' already exists. Import skipped")
                .doesNotContain("Running the server in development mode");
        String adminAfter = adminToken();
        assertThat(user(adminAfter, username).get("firstName").asString()).as("the user created, then edited").isEqualTo("Après");
        assertThat(user(adminAfter, DEMO_USER).get("lastName").asString()).as("a demo user of the realm file, edited")
                .isEqualTo(demoLastName + " Modifié");
        assertThat(keyId(platform.tokenOf(username))).as("the realm's signing key is kept too").isEqualTo(keyBefore);

        // a token still gets through the gateway
        Platform.Response me = platform.get(platform.gateway("/api/registrations/whoami"), platform.tokenOf(username));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("country").asString()).isEqualTo("NE");
        System.out.println("== compose scenario: Keycloak (start, PostgreSQL) restarted; " + username + " and " + DEMO_USER + " kept their changes");

        // the demo user as the realm file has it, for whatever runs next
        JsonNode restored = user(adminAfter, DEMO_USER);
        ((ObjectNode) restored).put("lastName", demoLastName);
        platform.putJson(platform.keycloak("/admin/realms/sdn/users/" + restored.get("id").asString()), adminAfter, restored.toString());
    }

    private JsonNode user(String admin, String username) {
        Platform.Response found = platform.get(platform.keycloak("/admin/realms/sdn/users?exact=true&username=" + username), admin);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().size()).as("users named " + username).isEqualTo(1);
        return found.json().get(0);
    }

    private String adminToken() {
        Platform.Response response = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }

    private static String keyId(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** One value from Keycloak's database, read inside its container (psql over the local socket). */
    private static String psql(String query) {
        return Compose.run(Map.of(), "exec", "-T", "keycloak-db", "psql", "--username=keycloak", "--dbname=keycloak",
                "--tuples-only", "--no-align", "--command=" + query).strip();
    }
}
