package ml.sdn.registration.identity;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's admin API for one realm, as its service account: reads a user and writes one attribute back.
 * The whole representation goes back (Keycloak's user profile would drop managed attributes left out).
 * A token per call: moves are rare, an organizer's decision.
 */
class KeycloakUsers {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;
    private final KeycloakAdminProperties keycloak;

    KeycloakUsers(RestClient.Builder builder, KeycloakAdminProperties keycloak) {
        this.http = builder.baseUrl(keycloak.url()).build();
        this.keycloak = keycloak;
    }

    /** Sets the attribute; false when Keycloak has no such user (deleted there): nothing to follow. */
    boolean setAttribute(String userId, String name, String value) {
        String bearer = "Bearer " + token();
        Optional<Map<String, Object>> user = http.get().uri("/admin/realms/{realm}/users/{id}", keycloak.realm(), userId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange((request, response) -> response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                        ? Optional.empty()
                        : Optional.ofNullable(response.bodyTo(JSON_OBJECT)), false);
        if (user.isEmpty()) {
            return false;
        }
        Map<String, Object> representation = new LinkedHashMap<>(user.get());
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = representation.get("attributes") instanceof Map<?, ?> existing
                ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
        if (List.of(value).equals(attributes.get(name))) {
            return true;
        }
        attributes.put(name, List.of(value));
        representation.put("attributes", attributes);
        http.put().uri("/admin/realms/{realm}/users/{id}", keycloak.realm(), userId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(representation)
                .retrieve()
                .toBodilessEntity();
        return true;
    }

    private String token() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", keycloak.clientId());
        form.add("client_secret", keycloak.clientSecret());
        Map<String, Object> answer = http.post().uri("/realms/{realm}/protocol/openid-connect/token", keycloak.realm())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(JSON_OBJECT);
        if (answer == null || !(answer.get("access_token") instanceof String token)) {
            throw new IllegalStateException("Keycloak gave no access token to " + keycloak.clientId());
        }
        return token;
    }
}
