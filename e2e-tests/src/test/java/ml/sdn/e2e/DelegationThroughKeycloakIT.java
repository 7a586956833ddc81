package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
 * The delegation against the real Keycloak of the stack, from the attacker's side: Keycloak's sign-up form asks
 * for the country and stores it; afterwards the person cannot change it anywhere in Keycloak — not on the
 * update-profile page, not through the account console's REST API — because the realm's user profile names the
 * validator {@code sdn-fixed-after-registration} (identity/keycloak-extension, docs/decisions/0011). Their tokens
 * keep the first country. An administrator can still change the attribute through the admin API, and on the
 * platform the delegation is the registration profile's: only an organizer moves it, through the gateway, with a
 * reason, and registration-service then sets the Keycloak attribute too (admin API, client sdn-registration), so
 * that tokens and whoami say the new delegation. The coordinators' {@code delegation} attribute is for administrators only: not on either form, and
 * dropped when added to the sign-up form by hand.
 */
@ExtendWith(RunningPlatform.class)
class DelegationThroughKeycloakIT {

    private static final String ME = "/api/registrations/participants/me";
    private static final String PROFILE = """
            {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""";
    /** The validator's message (the extension's messages_fr.properties), next to the field on Keycloak's page. */
    private static final String FIXED_AT_SIGN_UP_FR = "seul un organisateur peut le modifier";
    /** RFC 7636's example pair: the authorization requests below send its challenge. */
    private static final String CODE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final Platform platform;

    DelegationThroughKeycloakIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_person_cannot_change_the_country_of_their_sign_up_in_keycloak_and_stays_in_their_first_delegation() {
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

        // Keycloak's update-profile page does not offer the country: it shows it in words and says who can change it;
        // a tampered post with another country is refused, in the page's language
        UpdateProfile updateProfile = updateProfileThroughKeycloak(username, password, "BF");
        assertThat(updateProfile.form()).doesNotContain("name=\"delegation\"")
                .doesNotContainPattern("<select[^>]*name=\"country\"")
                .contains("id=\"sdn-country\"", "Mali", "seul un organisateur peut changer votre délégation",
                        "type=\"hidden\" id=\"country\" name=\"country\" value=\"ML\"");
        assertThat(updateProfile.posted().status()).as("the page comes back with the error, the person is not sent on")
                .isEqualTo(200);
        assertThat(updateProfile.posted().body()).contains(FIXED_AT_SIGN_UP_FR);

        // … and so does the account console's REST API, while the rest of the profile can still be changed
        String account = accountConsoleToken(username, password);
        Platform.Response mine = platform.get(platform.keycloak("/realms/sdn/account/"), account);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        JsonNode representation = mine.json();
        assertThat(representation.get("attributes").get("country").get(0).asString()).isEqualTo("ML");
        ObjectNode otherCountry = (ObjectNode) representation.deepCopy();
        ((ObjectNode) otherCountry.get("attributes")).putArray("country").add("BF");
        Platform.Response refused = platform.postJson(platform.keycloak("/realms/sdn/account/"), account, otherCountry.toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("sdnFixedAfterRegistration").contains("country");
        ObjectNode noCountry = (ObjectNode) representation.deepCopy();
        ((ObjectNode) noCountry.get("attributes")).remove("country");
        assertThat(platform.postJson(platform.keycloak("/realms/sdn/account/"), account, noCountry.toString()).status())
                .as("nor can it be removed").isEqualTo(400);
        ObjectNode otherName = (ObjectNode) representation.deepCopy();
        otherName.put("firstName", "Aminata");
        Platform.Response renamed = platform.postJson(platform.keycloak("/realms/sdn/account/"), account, otherName.toString());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(204);

        // the person's tokens keep the first country
        String later = platform.tokenResponse(username, password).get("access_token").asString();
        assertThat(Platform.claimsOf(later).get("country").asString()).isEqualTo("ML");
        assertThat(Platform.claimsOf(later).get("given_name").asString()).isEqualTo("Aminata");
        assertThat(Platform.claimsOf(later).has("delegation")).as("only administrators set a delegation").isFalse();

        // the platform's own doors stay shut too
        Platform.Response claimed = platform.putJson(platform.gateway(ME), later, """
                {"country":"BF","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(claimed.status()).isEqualTo(400);
        assertThat(claimed.contentType()).startsWith("application/problem+json");
        String subject = Platform.claimsOf(later).get("sub").asString();
        Platform.Response selfMove = platform.putJson(platform.gateway("/api/registrations/participants/" + subject + "/delegation"),
                later, "{\"country\":\"BF\",\"reason\":\"I moved\"}");
        assertThat(selfMove.status()).isEqualTo(403);
        Platform.Response coordinatorMove = platform.putJson(platform.gateway("/api/registrations/participants/" + subject + "/delegation"),
                platform.tokenOf("coordinator-bf"), "{\"country\":\"BF\",\"reason\":\"Ours now\"}");
        assertThat(coordinatorMove.status()).isEqualTo(403);
        assertThat(platform.get(platform.gateway(ME), later).json().get("country").asString()).isEqualTo("ML");

        // an administrator can still set the attribute through Keycloak's admin API; the platform does not follow it
        String admin = adminToken();
        Platform.Response user = platform.get(platform.keycloak("/admin/realms/sdn/users/" + subject), admin);
        JsonNode adminView = user.json();
        ((ObjectNode) adminView.get("attributes")).putArray("country").add("NE");
        Platform.Response byAdmin = platform.putJson(platform.keycloak("/admin/realms/sdn/users/" + subject), admin, adminView.toString());
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(204);
        JsonNode nigerSignIn = platform.tokenResponse(username, password);
        String nigerToken = nigerSignIn.get("access_token").asString();
        assertThat(Platform.claimsOf(nigerToken).get("country").asString()).isEqualTo("NE");
        Platform.Response updated = platform.putJson(platform.gateway(ME), nigerToken, PROFILE.replace("fr", "en"));
        assertThat(updated.status()).as("not locked out either").isEqualTo(200);
        assertThat(updated.json().get("country").asString()).isEqualTo("ML");

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
                platform.get(platform.gateway(ME), nigerToken).json().get("country").asString()).isEqualTo("BF"));

        // … and Keycloak follows (registration-service, through the admin API): new tokens and whoami tell the truth.
        // New tokens by refreshing the session, not by signing in again: Keycloak 26 (brute-force protection on)
        // refused a sign-in polled once a second with "Invalid user credentials" on a loaded machine (CI on 41c6214),
        // and the token that shows BF is the one used
        String refreshToken = nigerSignIn.get("refresh_token").asString();
        String burkinaToken = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(
                () -> platform.refreshed(refreshToken).get("access_token").asString(),
                token -> "BF".equals(Platform.claimsOf(token).get("country").asString()));
        assertThat(platform.get(platform.gateway("/api/registrations/whoami"), burkinaToken).json().get("country").asString())
                .isEqualTo("BF");
        assertThat(platform.get(platform.gateway(ME), burkinaToken).json().get("country").asString()).isEqualTo("BF");
    }

    /** Keycloak's own registration form, filled and posted as a browser does (cookies kept, redirects not followed). */
    private void signUpThroughKeycloaksForm(String username, String password, String country) {
        KeycloakPages browser = browser();
        String redirect = platform.gateway("/login/oauth2/code/keycloak");
        Platform.Response page = browser.get(authorization("registrations", "sdn-gateway", redirect, ""));
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

    /** Keycloak's update-profile form as shown, and its answer to the post. */
    private record UpdateProfile(String form, Platform.Response posted) {
    }

    /**
     * Keycloak's update-profile page ({@code kc_action=UPDATE_PROFILE}, what an application links to for "edit
     * my profile"), signed in and posted with another country as a person does.
     */
    private UpdateProfile updateProfileThroughKeycloak(String username, String password, String country) {
        KeycloakPages browser = browser();
        Platform.Response login = browser.get(authorization("auth", "sdn-gateway", platform.gateway("/login/oauth2/code/keycloak"),
                "&kc_action=UPDATE_PROFILE"));
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
        return new UpdateProfile(form.body(), browser.post(actionOf(form.body(), "kc-update-profile-form"), fields));
    }

    /**
     * A token for Keycloak's account console (its public client {@code account-console}, authorization code with
     * PKCE), obtained as the console does it in a browser: what a person uses to call the account REST API.
     */
    private String accountConsoleToken(String username, String password) {
        KeycloakPages browser = browser();
        String console = platform.keycloak("/realms/sdn/account/").replace("//127.0.0.1:", "//localhost:");
        Platform.Response login = browser.get(authorization("auth", "account-console", console, ""));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Platform.Response signedIn = browser.post(actionOf(login.body(), "kc-form-login"), Map.of("username", username, "password", password));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(signedIn.header("Location"));
        assertThat(code.find()).as(signedIn.header("Location")).isTrue();
        Platform.Response token = platform.postForm(platform.keycloak("/realms/sdn/protocol/openid-connect/token"), Map.of(
                "grant_type", "authorization_code", "client_id", "account-console", "code", code.group(1),
                "redirect_uri", console, "code_verifier", CODE_VERIFIER), null);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().get("access_token").asString();
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

    /** An authorization request of a client (the host Keycloak names itself by, so that its cookies come back). */
    private String authorization(String endpoint, String clientId, String redirect, String extra) {
        return platform.keycloak("/realms/sdn/protocol/openid-connect/" + endpoint + "?client_id=" + clientId
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
