package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** The repository's realm file as the launcher hands it to Keycloak. */
class RealmFileTest {

    private static final Path REALM = Path.of("..", "identity", "realm-sdn.json");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void defaultGatewayPortLeavesTheFileUnchanged() throws IOException {
        String realm = Files.readString(REALM);

        assertThat(RealmFile.adaptToGatewayPort(realm, 8080)).isSameAs(realm);
    }

    @Test
    void otherGatewayPortMovesRedirectUrisAndOriginsButNotKeycloak() throws IOException {
        JsonNode realm = json.readTree(RealmFile.adaptToGatewayPort(Files.readString(REALM), 28080));
        JsonNode gateway = client(realm, "sdn-gateway");

        assertThat(texts(gateway.get("redirectUris"))).containsExactlyInAnyOrder(
                "http://localhost:28080/login/oauth2/code/keycloak", "http://127.0.0.1:28080/login/oauth2/code/keycloak");
        assertThat(texts(gateway.get("webOrigins"))).containsExactlyInAnyOrder("http://localhost:28080", "http://127.0.0.1:28080");
        assertThat(gateway.get("attributes").get("post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:28080/*##http://127.0.0.1:28080/*");
    }

    @Test
    void realmUsesOurLoginThemeVerifiesAddressesAndOffersPasswordResetThroughTheStacksSmtpServer() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());

        assertThat(realm.get("loginTheme").asText()).isEqualTo(KeycloakServer.THEME_NAME);
        assertThat(REALM.resolveSibling("theme").resolve(KeycloakServer.THEME_NAME).resolve("login/theme.properties")).exists();
        assertThat(realm.get("verifyEmail").asBoolean()).isTrue();
        assertThat(realm.get("resetPasswordAllowed").asBoolean()).isTrue();
        assertThat(realm.get("defaultLocale").asText()).isEqualTo("fr");
        assertThat(texts(realm.get("supportedLocales"))).containsExactly("fr", "en");
        // Keycloak resolves ${VARIABLE:default} in an imported realm: the launcher and compose set these
        assertThat(realm.get("smtpServer").get("host").asText()).isEqualTo("${SDN_SMTP_HOST:localhost}");
        assertThat(realm.get("smtpServer").get("port").asText()).isEqualTo("${SDN_SMTP_PORT:2525}");
    }

    /** Decision 0014: length, not composition; each rule's refusal in our words, and the rule shown before typing. */
    @Test
    void passwordPolicyAsksForLengthNotCompositionAndTheThemeWordsEachRuleInFrenchAndEnglish() throws IOException {
        String policy = json.readTree(REALM.toFile()).get("passwordPolicy").asText();
        Map<String, String> keys = new LinkedHashMap<>(); // Keycloak's message key for each policy rule
        keys.put("length", "invalidPasswordMinLengthMessage");
        keys.put("maxLength", "invalidPasswordMaxLengthMessage");
        keys.put("notUsername", "invalidPasswordNotUsernameMessage");
        keys.put("notEmail", "invalidPasswordNotEmailMessage");
        keys.put("passwordHistory", "invalidPasswordHistoryMessage");
        List<String> rules = new ArrayList<>();
        for (String rule : policy.split(" and ")) {
            rules.add(rule.replaceAll("\\(.*\\)$", "").trim());
        }

        assertThat(policy).isEqualTo("length(10) and maxLength(128) and notUsername and notEmail and passwordHistory(3)");
        assertThat(rules).as("no composition rule, no forced expiry")
                .doesNotContain("digits", "upperCase", "lowerCase", "specialChars", "regexPattern", "forceExpiredPasswordChange");
        Matcher length = Pattern.compile("(?:^| )length\\((\\d+)\\)").matcher(policy);
        assertThat(length.find()).isTrue();
        for (String language : List.of("fr", "en")) {
            Properties messages = themeMessages(language);
            for (String rule : rules) {
                assertThat(keys).as("a message key for rule " + rule).containsKey(rule);
                assertThat(messages.getProperty(keys.get(rule))).as(language + " " + keys.get(rule)).isNotBlank()
                        .doesNotContain("Invalid password", "Mot de passe invalide");
            }
            assertThat(messages.getProperty("sdnPasswordHint")).as(language + " hint under the password field")
                    .contains(length.group(1) + " ");
        }
    }

    /**
     * Keycloak checks a plain-text password in an import against the policy, so the file keeps the demo users'
     * documented password {@code demo} as Keycloak's own PBKDF2 hash, which it takes as it is (and rehashes with its
     * default algorithm at the first sign-in). Few iterations: the password is public anyway.
     */
    @Test
    void everyDemoUsersPasswordIsDemoStoredAsAHashThePolicyDoesNotCheck() throws IOException, GeneralSecurityException {
        JsonNode realm = json.readTree(REALM.toFile());
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            JsonNode credential = user.get("credentials").get(0);
            assertThat(user.get("credentials").size()).isEqualTo(1);
            assertThat(credential.has("value")).as(user.get("username").asText() + ": no plain password").isFalse();
            JsonNode data = json.readTree(credential.get("credentialData").asText());
            JsonNode secret = json.readTree(credential.get("secretData").asText());
            assertThat(data.get("algorithm").asText()).isEqualTo("pbkdf2-sha512");
            byte[] expected = Base64.getDecoder().decode(secret.get("value").asText());
            PBEKeySpec spec = new PBEKeySpec("demo".toCharArray(), Base64.getDecoder().decode(secret.get("salt").asText()),
                    data.get("hashIterations").asInt(), expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            assertThat(actual).as(user.get("username").asText()).isEqualTo(expected);
        }
    }

    @Test
    void realmFileHasADemoUserForEveryRoleAndCountry() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        List<String> usernames = new ArrayList<>();
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue; // a client's own account (registration-service's, for Keycloak's admin API), no person
            }
            String username = user.get("username").asText();
            usernames.add(username);
            String role = username.substring(0, username.indexOf('-'));
            String country = username.substring(username.indexOf('-') + 1).toUpperCase();
            assertThat(texts(user.get("realmRoles"))).containsExactly(role);
            assertThat(texts(user.get("attributes").get("country"))).containsExactly(country);
            assertThat(user.get("email").asText()).isEqualTo(username + "@demo.sdn.ml");
            assertThat(user.get("emailVerified").asBoolean()).isTrue();
        }
        List<String> expected = new ArrayList<>();
        for (String role : Banner.ROLES) {
            for (String country : Banner.COUNTRIES) {
                expected.add(role + "-" + country);
            }
        }
        assertThat(usernames).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void participantIsTheDefaultRole() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        JsonNode defaultRole = null;
        for (JsonNode role : realm.get("roles").get("realm")) {
            if (role.get("name").asText().equals(realm.get("defaultRole").get("name").asText())) {
                defaultRole = role;
            }
        }

        assertThat(defaultRole).isNotNull();
        assertThat(texts(defaultRole.get("composites").get("realm"))).contains("participant");
    }

    @Test
    void countryIsARequiredSelectLimitedToTheThreeCountries() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        String config = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .get("config").get("kc.user.profile.config").get(0).asText();
        JsonNode country = null;
        for (JsonNode attribute : json.readTree(config).get("attributes")) {
            if (attribute.get("name").asText().equals("country")) {
                country = attribute;
            }
        }

        assertThat(country).isNotNull();
        assertThat(texts(country.get("validations").get("options").get("options"))).containsExactly("ML", "BF", "NE");
        assertThat(texts(country.get("required").get("roles"))).containsExactlyInAnyOrder("admin", "user");
        assertThat(country.get("annotations").get("inputType").asText()).isEqualTo("select");
    }

    /** A coordinator's scope must not be something they can change themselves, unlike their country. */
    @Test
    void countryIsKeptAsTheSignUpFormSetItByTheExtensionsValidator() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        String config = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .get("config").get("kc.user.profile.config").get(0).asText();
        JsonNode country = null;
        for (JsonNode attribute : json.readTree(config).get("attributes")) {
            if (attribute.get("name").asText().equals("country")) {
                country = attribute;
            }
        }

        assertThat(country).isNotNull();
        assertThat(texts(country.get("permissions").get("edit"))).as("on the sign-up form").contains("user");
        assertThat(country.get("validations").has("sdn-fixed-after-registration")).isTrue();
    }

    @Test
    void registrationServicesClientHasAServiceAccountThatManagesUsersAndNothingElse() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        JsonNode client = client(realm, "sdn-registration");
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        JsonNode account = null;
        for (JsonNode user : realm.get("users")) {
            if ("sdn-registration".equals(user.path("serviceAccountClientId").asText())) {
                account = user;
            }
        }
        assertThat(account).isNotNull();
        assertThat(account.has("realmRoles")).isFalse();
        assertThat(account.get("clientRoles").size()).isEqualTo(1);
        assertThat(texts(account.get("clientRoles").get("realm-management"))).containsExactlyInAnyOrder("view-users", "manage-users");
    }

    @Test
    void delegationIsSetByAdministratorsOnlyAndGivenToEachDemoCoordinator() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        String config = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .get("config").get("kc.user.profile.config").get(0).asText();
        JsonNode delegation = null;
        for (JsonNode attribute : json.readTree(config).get("attributes")) {
            if (attribute.get("name").asText().equals("delegation")) {
                delegation = attribute;
            }
        }

        assertThat(delegation).isNotNull();
        assertThat(texts(delegation.get("permissions").get("edit"))).containsExactly("admin");
        assertThat(texts(delegation.get("permissions").get("view"))).containsExactly("admin");
        assertThat(texts(delegation.get("validations").get("options").get("options"))).containsExactly("ML", "BF", "NE");
        for (JsonNode user : realm.get("users")) {
            JsonNode assigned = user.path("attributes").get("delegation");
            if (user.get("username").asText().startsWith("coordinator-")) {
                assertThat(texts(assigned)).as(user.get("username").asText()).isEqualTo(texts(user.get("attributes").get("country")));
            } else {
                assertThat(assigned).as(user.get("username").asText()).isNull();
            }
        }
    }

    @Test
    void bothClientsPutCountryAndTheApiAudienceIntoTokens() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        for (String clientId : List.of("sdn-gateway", "sdn-cli")) {
            List<String> mappers = new ArrayList<>();
            for (JsonNode mapper : client(realm, clientId).get("protocolMappers")) {
                JsonNode config = mapper.get("config");
                if (mapper.get("protocolMapper").asText().equals("oidc-audience-mapper")) {
                    assertThat(config.get("included.custom.audience").asText()).isEqualTo("sdn-api");
                    assertThat(config.get("access.token.claim").asText()).isEqualTo("true");
                }
                if (mapper.get("protocolMapper").asText().equals("oidc-usermodel-attribute-mapper")) {
                    assertThat(config.get("claim.name").asText()).isIn("country", "delegation");
                    assertThat(config.get("user.attribute").asText()).isEqualTo(config.get("claim.name").asText());
                    assertThat(config.get("access.token.claim").asText()).isEqualTo("true");
                    assertThat(config.get("id.token.claim").asText()).isEqualTo("true");
                    assertThat(config.get("userinfo.token.claim").asText()).isEqualTo("true");
                }
                if (mapper.get("protocolMapper").asText().equals("oidc-usermodel-realm-role-mapper")) {
                    // the gateway reads a browser user's roles from the ID token and userinfo
                    assertThat(config.get("claim.name").asText()).isEqualTo("realm_access.roles");
                    assertThat(config.get("id.token.claim").asText()).isEqualTo("true");
                    assertThat(config.get("userinfo.token.claim").asText()).isEqualTo("true");
                }
                mappers.add(mapper.get("protocolMapper").asText());
            }
            if (clientId.equals("sdn-gateway")) {
                assertThat(mappers).as(clientId).containsExactlyInAnyOrder(
                        "oidc-audience-mapper", "oidc-usermodel-attribute-mapper", "oidc-usermodel-attribute-mapper",
                        "oidc-usermodel-realm-role-mapper");
            } else {
                assertThat(mappers).as(clientId).containsExactlyInAnyOrder("oidc-audience-mapper",
                        "oidc-usermodel-attribute-mapper", "oidc-usermodel-attribute-mapper");
            }
        }
    }

    @Test
    void gatewayClientIsConfidentialWithPkceAndCliClientIsPublicWithPasswordGrant() throws IOException {
        JsonNode realm = json.readTree(REALM.toFile());
        JsonNode gateway = client(realm, "sdn-gateway");
        JsonNode cli = client(realm, "sdn-cli");

        assertThat(gateway.get("publicClient").asBoolean()).isFalse();
        assertThat(gateway.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(gateway.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.get("standardFlowEnabled").asBoolean()).isFalse();
    }

    private static Properties themeMessages(String language) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(REALM.resolveSibling("theme").resolve(KeycloakServer.THEME_NAME)
                .resolve("login/messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
