package ml.sdn.registration.identity;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What goes to Keycloak's admin API (the real exchange is in e2e-tests' DelegationThroughKeycloakIT). */
class KeycloakUsersTest {

    private static final String TOKEN = "http://kc:8180/realms/sdn/protocol/openid-connect/token";
    private static final String USER = "http://kc:8180/admin/realms/sdn/users/u-1";
    private static final String ANNA = """
            {"id":"u-1","username":"anna","email":"anna@example.org","firstName":"Anna","lastName":"Diallo",
             "attributes":{"country":["ML"],"phone":["+22370000000"]}}""";

    private final RestClient.Builder builder = RestClient.builder();
    private final MockRestServiceServer keycloak = MockRestServiceServer.bindTo(builder).build();
    private final KeycloakUsers users = new KeycloakUsers(builder,
            new KeycloakAdminProperties(true, "http://kc:8180", "sdn", "sdn-registration", "s3cret"));

    @Test
    void writes_the_whole_user_back_with_the_new_country_as_the_service_account() {
        expectToken();
        keycloak.expect(requestTo(USER)).andExpect(method(HttpMethod.GET)).andExpect(header("Authorization", "Bearer t-1"))
                .andRespond(withSuccess(ANNA, MediaType.APPLICATION_JSON));
        keycloak.expect(requestTo(USER)).andExpect(method(HttpMethod.PUT)).andExpect(header("Authorization", "Bearer t-1"))
                .andExpect(content().json("""
                        {"id":"u-1","username":"anna","email":"anna@example.org","firstName":"Anna","lastName":"Diallo",
                         "attributes":{"country":["BF"],"phone":["+22370000000"]}}""", org.springframework.test.json.JsonCompareMode.STRICT))
                .andRespond(withStatus(HttpStatus.NO_CONTENT));

        assertThat(users.setAttribute("u-1", "country", "BF")).isTrue();
        keycloak.verify();
    }

    @Test
    void writes_nothing_when_keycloak_already_says_it() {
        expectToken();
        keycloak.expect(requestTo(USER)).andExpect(method(HttpMethod.GET)).andRespond(withSuccess(ANNA, MediaType.APPLICATION_JSON));

        assertThat(users.setAttribute("u-1", "country", "ML")).isTrue();
        keycloak.verify();
    }

    @Test
    void a_user_deleted_in_keycloak_is_nothing_to_follow() {
        expectToken();
        keycloak.expect(requestTo(USER)).andExpect(method(HttpMethod.GET)).andRespond(withStatus(HttpStatus.NOT_FOUND));

        assertThat(users.setAttribute("u-1", "country", "BF")).isFalse();
        keycloak.verify();
    }

    private void expectToken() {
        keycloak.expect(requestTo(TOKEN)).andExpect(method(HttpMethod.POST))
                .andExpect(content().formDataContains(java.util.Map.of("grant_type", "client_credentials",
                        "client_id", "sdn-registration", "client_secret", "s3cret")))
                .andRespond(withSuccess("{\"access_token\":\"t-1\",\"expires_in\":300}", MediaType.APPLICATION_JSON));
    }
}
