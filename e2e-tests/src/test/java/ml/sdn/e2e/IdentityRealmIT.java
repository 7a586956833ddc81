package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sdn realm as Keycloak really serves it: demo accounts, the country claim and its rules. */
@ExtendWith(RunningPlatform.class)
class IdentityRealmIT {

    private final Platform platform;

    IdentityRealmIT(Platform platform) {
        this.platform = platform;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "participant-ml, participant, ML", "participant-bf, participant, BF", "participant-ne, participant, NE",
            "jury-ml, jury, ML", "jury-bf, jury, BF", "jury-ne, jury, NE",
            "coach-ml, coach, ML", "coach-bf, coach, BF", "coach-ne, coach, NE",
            "coordinator-ml, coordinator, ML", "coordinator-bf, coordinator, BF", "coordinator-ne, coordinator, NE",
            "organizer-ml, organizer, ML", "organizer-bf, organizer, BF", "organizer-ne, organizer, NE",
            "staff-ml, staff, ML", "staff-bf, staff, BF", "staff-ne, staff, NE"})
    void every_demo_account_signs_in_with_its_role_country_and_the_platform_audience(String username, String role, String country) {
        JsonNode tokens = platform.tokenResponse(username, "demo");

        JsonNode access = Platform.claimsOf(tokens.get("access_token").asString());
        assertThat(access.get("iss").asString()).isEqualTo(platform.issuerUri());
        assertThat(access.get("country").asString()).isEqualTo(country);
        assertThat(access.get("realm_access").get("roles").toString()).contains("\"" + role + "\"");
        assertThat(access.get("aud").toString()).contains("sdn-api");
        JsonNode id = Platform.claimsOf(tokens.get("id_token").asString());
        assertThat(id.get("country").asString()).isEqualTo(country);
        // only coordinators have a delegation, set by administrators
        if (role.equals("coordinator")) {
            assertThat(access.get("delegation").asString()).isEqualTo(country);
        } else {
            assertThat(access.has("delegation")).isFalse();
        }
    }

    @Test
    void a_wrong_password_gets_no_token() {
        Platform.Response response = platform.postForm(platform.keycloak("/realms/sdn/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "sdn-cli", "username", "participant-ne", "password", "not-demo"), null);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void keycloak_refuses_a_user_whose_country_is_outside_the_aes_and_gives_new_users_the_participant_role() {
        String admin = adminToken();
        String users = platform.keycloak("/admin/realms/sdn/users");

        Platform.Response france = platform.postJson(users, admin, newUser("FR"));
        Platform.Response missing = platform.postJson(users, admin, newUser(null));
        Platform.Response burkina = platform.postJson(users, admin, newUser("BF"));

        assertThat(france.status()).as(france.body()).isEqualTo(400);
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(burkina.status()).as(burkina.body()).isEqualTo(201);
        String location = burkina.header("Location");
        Platform.Response roles = platform.get(location + "/role-mappings/realm/composite", admin);
        assertThat(roles.body()).contains("\"participant\"").doesNotContain("\"organizer\"");
    }

    @Test
    void self_registration_asks_for_the_country_among_the_three_aes_countries() {
        Platform.Response page = platform.get(platform.keycloak("/realms/sdn/protocol/openid-connect/registrations"
                + "?client_id=sdn-gateway&response_type=code&scope=openid"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + java.net.URLEncoder.encode(platform.gateway("/login/oauth2/code/keycloak"), java.nio.charset.StandardCharsets.UTF_8)), null);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"country\"").contains("ML").contains("BF").contains("NE");
    }

    private String adminToken() {
        Platform.Response response = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }

    private static String newUser(String country) {
        String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String attributes = country == null ? "{}" : "{\"country\":[\"" + country + "\"]}";
        return """
                {"username":"%s","email":"%s@example.org","firstName":"Awa","lastName":"Traoré","enabled":true,
                 "attributes":%s}""".formatted(name, name, attributes);
    }
}
