package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
