package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void noArgumentsMeansTheFullStackOnTheContractPorts() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of());

        assertThat(options.infraOnly()).isFalse();
        assertThat(options.reset()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.ports()).isEqualTo(PortPlan.defaults());
        assertThat(options.dataDir()).isNull();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.adminUser()).isEqualTo("admin");
        assertThat(options.mongoUri()).isNull();
        assertThat(options.kafkaBootstrap()).isNull();
        assertThat(options.issuerUri()).isNull();
    }

    @Test
    void flagsAndValuesInBothSpellings() {
        LauncherOptions options = LauncherOptions.parse(new String[] {
                "--reset", "--infra-only", "--port-offset", "20000", "--data-dir=/tmp/sdn", "--timeout=90", "--build"},
                Map.of());

        assertThat(options.reset()).isTrue();
        assertThat(options.infraOnly()).isTrue();
        assertThat(options.ports().gateway()).isEqualTo(28080);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/sdn"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void singlePortOptionWinsOverTheOffset() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--port-offset=100", "--keycloak-port=8280"}, Map.of());

        assertThat(options.ports().keycloak()).isEqualTo(8280);
        assertThat(options.ports().keycloakManagement()).isEqualTo(9280);
        assertThat(options.ports().gateway()).isEqualTo(8180);
    }

    @Test
    void externalInfrastructureComesFromTheEnvironment() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of(
                "MONGODB_URI", "mongodb://db.example:27017/?replicaSet=rs0",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
                "KEYCLOAK_ISSUER_URI", "https://id.example/realms/sdn",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "root",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "secret"));

        assertThat(options.mongoUri()).isEqualTo("mongodb://db.example:27017/?replicaSet=rs0");
        assertThat(options.kafkaBootstrap()).isEqualTo("kafka.example:9092");
        assertThat(options.issuerUri()).isEqualTo("https://id.example/realms/sdn");
        assertThat(options.adminUser()).isEqualTo("root");
        assertThat(options.adminPassword()).isEqualTo("secret");
    }

    @Test
    void blankEnvironmentValuesAreIgnored() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of("MONGODB_URI", "  "));

        assertThat(options.mongoUri()).isNull();
    }

    @Test
    void helpIsRecognised() {
        assertThat(LauncherOptions.parse(new String[] {"-h"}, Map.of()).help()).isTrue();
        assertThat(LauncherOptions.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
    }

    @Test
    void unknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--turbo"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--turbo");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--postgres-port=5432"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--postgres-port");
    }

    @Test
    void nonNumericPortIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--gateway-port=eighty"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--gateway-port")
                .hasMessageContaining("eighty");
    }

    @Test
    void optionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--port-offset"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port-offset needs a value");
    }

    @Test
    void usageNamesEveryPort() {
        assertThat(LauncherOptions.USAGE).contains("keycloak-management", "kafka-controller", "smtp", "--infra-only", "--reset");
    }

    @Test
    void smtpRefusedDomainsInBothSpellingsAndNoneByDefault() {
        assertThat(LauncherOptions.parse(new String[0], Map.of()).smtpRefusedDomains()).isEmpty();
        assertThat(LauncherOptions.parse(new String[] {"--smtp-refuse", "refused.example"}, Map.of()).smtpRefusedDomains())
                .containsExactly("refused.example");
        assertThat(LauncherOptions.parse(new String[] {"--smtp-refuse=refused.example, Other.test"}, Map.of()).smtpRefusedDomains())
                .containsExactlyInAnyOrder("refused.example", "other.test");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--smtp-refuse=awa@refused.example"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--smtp-refuse");
        assertThat(LauncherOptions.USAGE).contains("--smtp-refuse=DOMAIN");
    }

    @Test
    void replicasOfServicesInBothSpellings() {
        assertThat(LauncherOptions.parse(new String[] {"--replicas", "registration-service=2"}, Map.of()).replicas())
                .isEqualTo(Map.of(ServiceModule.REGISTRATION, 2));
        assertThat(LauncherOptions.parse(new String[] {"--replicas=registration-service=2,competition-service=3"}, Map.of()).replicas())
                .isEqualTo(Map.of(ServiceModule.REGISTRATION, 2, ServiceModule.COMPETITION, 3));
        assertThat(LauncherOptions.parse(new String[0], Map.of()).replicas()).isEmpty();
    }

    @Test
    void replicasOfEverythingOrOfTheGateway() {
        assertThat(LauncherOptions.parse(new String[] {"--replicas", "all=2"}, Map.of()).replicas())
                .isEqualTo(Map.of(ServiceModule.REGISTRATION, 2, ServiceModule.COMPETITION, 2, ServiceModule.INCUBATION, 2,
                        ServiceModule.NOTIFICATION, 2, ServiceModule.PORTAL, 2, ServiceModule.GATEWAY, 2));
        assertThat(LauncherOptions.parse(new String[] {"--replicas=all=2,registration-service=3"}, Map.of()).replicas())
                .containsEntry(ServiceModule.REGISTRATION, 3).containsEntry(ServiceModule.GATEWAY, 2);
        assertThat(LauncherOptions.parse(new String[] {"--replicas", "gateway=2"}, Map.of()).replicas())
                .isEqualTo(Map.of(ServiceModule.GATEWAY, 2));
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--replicas", "all=4"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 3");
    }

    @Test
    void replicasReachTheStackItBuilds() {
        LocalStack stack = LauncherOptions.parse(new String[] {"--replicas", "registration-service=2"}, Map.of())
                .toBuilder().repoRoot(Path.of(".")).build();

        assertThat(stack.replicas(ServiceModule.REGISTRATION)).isEqualTo(2);
        assertThat(stack.replicas(ServiceModule.COMPETITION)).isEqualTo(1);
    }

    @Test
    void replicasOfAnUnknownServiceOrTooManyAreRefusedByName() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--replicas", "keycloak=2"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown service 'keycloak'")
                .hasMessageContaining("registration-service");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--replicas", "registration-service=4"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--replicas", "registration-service"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SERVICE=N");
    }
}
