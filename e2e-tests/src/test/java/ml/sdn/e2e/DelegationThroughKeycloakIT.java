package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delegation against the real Keycloak of the stack: Keycloak's sign-up form sets the country; the
 * person can still change that attribute afterwards on Keycloak's update-profile page (Keycloak 26.5 has no
 * "editable at registration only" permission: {@code edit: [admin]} also takes the field off the sign-up
 * form, see docs/decisions/0010), and gets tokens of the new country — yet nothing on the platform follows: the delegation is the registration profile's, and only an
 * organizer moves it, through the gateway, with a reason. The coordinators' {@code delegation} attribute, by
 * contrast, is for administrators only: not on either form, and dropped when added to the sign-up form by hand.
 */
@ExtendWith(RunningPlatform.class)
class DelegationThroughKeycloakIT {

    private static final String ME = "/api/registrations/participants/me";
    private static final String PROFILE = """
            {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""";

    private final Platform platform;

    DelegationThroughKeycloakIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_person_who_edits_their_country_in_keycloak_stays_in_the_delegation_of_their_first_registration() {
        String username = "e2e-deleg-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Mot-de-passe-" + UUID.randomUUID().toString().substring(0, 8);
        signUpThroughKeycloaksForm(username, password, "ML");

        // the sign-up form set the country
        String signedUp = platform.tokenResponse(username, password).get("access_token").asString();
        assertThat(Platform.claimsOf(signedUp).get("country").asString()).isEqualTo("ML");
        assertThat(Platform.claimsOf(signedUp).has("delegation")).as("only administrators set a delegation").isFalse();
        Platform.Response registered = platform.putJson(platform.gateway(ME), signedUp, PROFILE);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("country").asString()).isEqualTo("ML");

        // the person changes the attribute on Keycloak's update-profile page: Keycloak lets them (that finding stays
        // true of Keycloak, see docs/decisions/0010), and their next token says BF
        String updateProfile = updateProfileThroughKeycloak(username, password, "BF");
        assertThat(updateProfile).as("Keycloak's update-profile page offers the country").contains("name=\"country\"");
        String burkinaToken = platform.tokenResponse(username, password).get("access_token").asString();
        assertThat(Platform.claimsOf(burkinaToken).get("country").asString()).isEqualTo("BF");
        assertThat(updateProfile).doesNotContain("name=\"delegation\"");
        assertThat(Platform.claimsOf(burkinaToken).has("delegation")).as("only administrators set a delegation").isFalse();

        // … and nothing on the platform follows
        Platform.Response updated = platform.putJson(platform.gateway(ME), burkinaToken, PROFILE.replace("fr", "en"));
        assertThat(updated.status()).as("not locked out either").isEqualTo(200);
        assertThat(updated.json().get("country").asString()).isEqualTo("ML");
        Platform.Response claimed = platform.putJson(platform.gateway(ME), burkinaToken, """
                {"country":"BF","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(claimed.status()).isEqualTo(400);
        assertThat(claimed.contentType()).startsWith("application/problem+json");
        String subject = Platform.claimsOf(burkinaToken).get("sub").asString();
        Platform.Response selfMove = platform.putJson(platform.gateway("/api/registrations/participants/" + subject + "/delegation"),
                burkinaToken, "{\"country\":\"BF\",\"reason\":\"I moved\"}");
        assertThat(selfMove.status()).isEqualTo(403);
        Platform.Response coordinatorMove = platform.putJson(platform.gateway("/api/registrations/participants/" + subject + "/delegation"),
                platform.tokenOf("coordinator-bf"), "{\"country\":\"BF\",\"reason\":\"Ours now\"}");
        assertThat(coordinatorMove.status()).isEqualTo(403);
        assertThat(platform.get(platform.gateway(ME), burkinaToken).json().get("country").asString()).isEqualTo("ML");

        // an administrator can still set the attribute through Keycloak's admin API
        String admin = adminToken();
        Platform.Response user = platform.get(platform.keycloak("/admin/realms/sdn/users/" + subject), admin);
        JsonNode adminView = user.json();
        ((tools.jackson.databind.node.ObjectNode) adminView.get("attributes")).putArray("country").add("NE");
        Platform.Response byAdmin = platform.putJson(platform.keycloak("/admin/realms/sdn/users/" + subject), admin, adminView.toString());
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(204);
        assertThat(Platform.claimsOf(platform.tokenResponse(username, password).get("access_token").asString())
                .get("country").asString()).isEqualTo("NE");

        // an organizer moves the person, with a reason, through the gateway; the history says who, from, to and why
        String organizer = platform.tokenOf("organizer-ne");
        Platform.Response noReason = platform.putJson(platform.gateway("/api/registrations/participants/" + subject + "/delegation"),
                organizer, "{\"country\":\"BF\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        Platform.Response moved = platform.putJson(platform.gateway("/api/registrations/participants/" + subject + "/delegation"),
                organizer, "{\"country\":\"BF\",\"reason\":\"Vit à Ouagadougou depuis 2025\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode change = moved.json().get("history").get(0);
        assertThat(change.get("previousCountry").asString()).isEqualTo("ML");
        assertThat(change.get("country").asString()).isEqualTo("BF");
        assertThat(change.get("changedByName").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                platform.get(platform.gateway(ME), burkinaToken).json().get("country").asString()).isEqualTo("BF"));
    }

    /** Keycloak's own registration form, filled and posted as a browser does (cookies kept, redirects not followed). */
    private void signUpThroughKeycloaksForm(String username, String password, String country) {
        KeycloakPages browser = browser();
        Platform.Response page = browser.get(authorization("registrations", ""));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"country\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("email", username + "@example.org");
        fields.put("firstName", "Awa");
        fields.put("lastName", "Traoré");
        fields.put("password", password);
        fields.put("password-confirm", password);
        fields.put("country", country);
        fields.put("delegation", "BF"); // a coordinator's scope: added by hand to the form, it must be dropped
        Platform.Response posted = browser.post(actionOf(page.body(), "kc-register-form"), fields);
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        // the realm verifies addresses: the account works once the link Keycloak e-mailed is opened
        String verifyPage = posted.header("Location");
        assertThat(verifyPage).contains("required-action").contains("VERIFY_EMAIL");
        Platform.Response shown = browser.get(verifyPage.startsWith("/") ? platform.keycloak(verifyPage) : verifyPage); // sends the mail
        assertThat(shown.body()).contains("kc-verify-email");
        KeycloakMails.verifyAddress(platform, username + "@example.org");
    }

    /**
     * Keycloak's update-profile page ({@code kc_action=UPDATE_PROFILE}, what an application links to for "edit
     * my profile"), signed in and posted with another country as a person does. Returns the form as shown.
     */
    private String updateProfileThroughKeycloak(String username, String password, String country) {
        KeycloakPages browser = browser();
        Platform.Response login = browser.get(authorization("auth", "&kc_action=UPDATE_PROFILE"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Platform.Response signedIn = browser.post(actionOf(login.body(), "kc-form-login"), Map.of("username", username, "password", password));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        Platform.Response form = browser.get(signedIn.header("Location"));
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", username + "@example.org");
        fields.put("firstName", "Awa");
        fields.put("lastName", "Traoré");
        fields.put("country", country);
        Platform.Response updated = browser.post(actionOf(form.body(), "kc-update-profile-form"), fields);
        assertThat(updated.status()).as(updated.body()).isEqualTo(302);
        return form.body();
    }

    private KeycloakPages browser() {
        return new KeycloakPages();
    }

    /**
     * Keycloak's pages as a browser sees them: every cookie Keycloak sets is sent back, redirects are not
     * followed. (The JDK's CookieManager refuses cookies of a host without a dot, such as localhost.)
     */
    private static final class KeycloakPages {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Platform.Response get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        Platform.Response post(String url, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private Platform.Response send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            Platform.Response response = Platform.send(http, request.timeout(Duration.ofSeconds(30)).build());
            for (String set : response.raw().headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    String name = pair.substring(0, equals).strip();
                    String value = pair.substring(equals + 1).strip();
                    boolean expired = value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                    if (expired) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return response;
        }
    }

    /** An authorization request of the gateway's client (the host Keycloak names itself by, so that its cookies come back). */
    private String authorization(String endpoint, String extra) {
        String redirect = platform.gateway("/login/oauth2/code/keycloak");
        return platform.keycloak("/realms/sdn/protocol/openid-connect/" + endpoint + "?client_id=sdn-gateway"
                + "&response_type=code&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + extra)
                .replace("//127.0.0.1:", "//localhost:");
    }

    private static String actionOf(String page, String formId) {
        Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(page);
        assertThat(form.find()).as("Keycloak's form " + formId + " in " + page).isTrue();
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        assertThat(action.find()).isTrue();
        return action.group(1).replace("&amp;", "&");
    }

    private String adminToken() {
        Platform.Response response = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }
}
