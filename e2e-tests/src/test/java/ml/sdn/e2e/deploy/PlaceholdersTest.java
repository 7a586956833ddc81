package ml.sdn.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void variableWithoutDefaultIsMissingUntilSet() {
        Placeholders placeholders = Placeholders.in("mongodb://${MONGO_HOST}/x");

        assertThat(placeholders.missingVariables(Set.of())).containsExactly("MONGO_HOST");
        assertThat(placeholders.missingVariables(Set.of("MONGO_HOST"))).isEmpty();
    }

    @Test
    void variableInADefaultIsNeededOnlyWhenTheOuterOneIsNotSet() {
        Placeholders placeholders = Placeholders.in("${KEYCLOAK_JWK_SET_URI:${KEYCLOAK_ISSUER_URI}/certs}");

        assertThat(placeholders.referencedVariables()).containsExactly("KEYCLOAK_JWK_SET_URI", "KEYCLOAK_ISSUER_URI");
        assertThat(placeholders.missingVariables(Set.of())).containsExactly("KEYCLOAK_ISSUER_URI");
        assertThat(placeholders.missingVariables(Set.of("KEYCLOAK_JWK_SET_URI"))).isEmpty();
    }

    @Test
    void propertyReferencesAreNotEnvironmentVariables() {
        Placeholders placeholders = Placeholders.in("${sdn.keycloak.issuer-uri}/protocol/openid-connect/certs");

        assertThat(placeholders.referencedVariables()).isEmpty();
        assertThat(placeholders.missingVariables(Set.of())).isEmpty();
    }

    @Test
    void defaultsReplaceEveryPlaceholderIncludingNestedOnes() {
        assertThat(Placeholders.withDefaults("${SERVER_PORT:8081}")).isEqualTo("8081");
        assertThat(Placeholders.withDefaults("${A:${B:http://localhost:8180}/realms/sdn}"))
            .isEqualTo("http://localhost:8180/realms/sdn");
        assertThat(Placeholders.withDefaults("${SMTP_HOST:}")).isEmpty();
    }

    @Test
    void composeInterpolationTakesTheDefaultAndUnescapesDollars() {
        assertThat(ComposeFile.withDefaults("${MONGO_IMAGE:-mongo:8.0}")).isEqualTo("mongo:8.0");
        assertThat(ComposeFile.withDefaults("${UNSET}x")).isEqualTo("x");
        assertThat(ComposeFile.withDefaults("[[ $$code == 200 ]]")).isEqualTo("[[ $code == 200 ]]");
    }
}
