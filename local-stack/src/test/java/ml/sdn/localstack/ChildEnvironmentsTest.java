package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentsTest {

    private final StackEndpoints local = StackEndpoints.local(PortPlan.defaults());

    @Test
    void serviceGetsTheContractVariables() {
        Map<String, String> env = ChildEnvironments.forModule(ServiceModule.COMPETITION, local);

        assertThat(env).containsOnly(
                entry("SERVER_PORT", "8082"),
                entry("SERVER_ADDRESS", "127.0.0.1"),
                entry("MONGODB_URI", "mongodb://127.0.0.1:27017"),
                entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                entry("KEYCLOAK_ISSUER_URI", "http://localhost:8180/realms/sdn"),
                entry("KEYCLOAK_JWK_SET_URI", "http://localhost:8180/realms/sdn/protocol/openid-connect/certs"));
    }

    @Test
    void registrationServiceAlsoReachesKeycloaksAdminApi() {
        Map<String, String> env = ChildEnvironments.forModule(ServiceModule.REGISTRATION, local);

        assertThat(env).contains(entry("KEYCLOAK_ADMIN_ENABLED", "true"), entry("KEYCLOAK_ADMIN_URL", "http://localhost:8180"));
        assertThat(ChildEnvironments.forModule(ServiceModule.REGISTRATION, local.withIssuer("https://id.example/realms/sdn/", null)))
                .containsEntry("KEYCLOAK_ADMIN_URL", "https://id.example");
    }

    @Test
    void notificationServiceAlsoGetsTheSmtpSink() {
        Map<String, String> env = ChildEnvironments.forModule(ServiceModule.NOTIFICATION, local);

        assertThat(env).contains(entry("SERVER_PORT", "8084"), entry("SMTP_HOST", "127.0.0.1"), entry("SMTP_PORT", "2525"),
                entry("SMSC_HOST", "127.0.0.1"), entry("SMSC_PORT", "2775"),
                entry("PORTAL_BASE_URL", "http://localhost:8080"));
    }

    @Test
    void gatewayGetsTheServiceAddressesItsClientSecretAndTheSessionStoreButNoBroker() {
        Map<String, String> env = ChildEnvironments.forModule(ServiceModule.GATEWAY, local);

        assertThat(env).contains(
                entry("SERVER_PORT", "8080"),
                entry("GATEWAY_MANAGEMENT_PORT", "9080"),
                entry("REGISTRATION_SERVICE_URI", "http://127.0.0.1:8081"),
                entry("COMPETITION_SERVICE_URI", "http://127.0.0.1:8082"),
                entry("INCUBATION_SERVICE_URI", "http://127.0.0.1:8083"),
                entry("NOTIFICATION_SERVICE_URI", "http://127.0.0.1:8084"),
                entry("GATEWAY_CLIENT_SECRET", "sdn-gateway-dev-secret"),
                entry("CORS_ALLOWED_ORIGINS", "http://localhost:8080"),
                entry("KEYCLOAK_ISSUER_URI", "http://localhost:8180/realms/sdn"),
                entry("MONGODB_URI", "mongodb://127.0.0.1:27017"));
        assertThat(env).doesNotContainKeys("KAFKA_BOOTSTRAP_SERVERS", "SMTP_HOST");
    }

    @Test
    void offsetPortsReachEveryChild() {
        StackEndpoints moved = StackEndpoints.local(PortPlan.defaults().offsetBy(20000));

        assertThat(ChildEnvironments.forModule(ServiceModule.REGISTRATION, moved)).contains(
                entry("SERVER_PORT", "28081"),
                entry("MONGODB_URI", "mongodb://127.0.0.1:47017"),
                entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29092"),
                entry("KEYCLOAK_ISSUER_URI", "http://localhost:28180/realms/sdn"));
        assertThat(ChildEnvironments.forModule(ServiceModule.GATEWAY, moved)).contains(
                entry("SERVER_PORT", "28080"),
                entry("GATEWAY_MANAGEMENT_PORT", "29080"),
                entry("INCUBATION_SERVICE_URI", "http://127.0.0.1:28083"),
                entry("CORS_ALLOWED_ORIGINS", "http://localhost:28080"));
    }

    @Test
    void externalInfrastructureIsPassedThrough() {
        StackEndpoints external = local
                .withMongoUri("mongodb://db.example:27017/?replicaSet=rs0")
                .withKafkaBootstrap("kafka.example:9092")
                .withIssuer("https://id.example/realms/sdn/", null);

        assertThat(ChildEnvironments.forModule(ServiceModule.INCUBATION, external)).contains(
                entry("MONGODB_URI", "mongodb://db.example:27017/?replicaSet=rs0"),
                entry("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092"),
                entry("KEYCLOAK_ISSUER_URI", "https://id.example/realms/sdn"),
                entry("KEYCLOAK_JWK_SET_URI", "https://id.example/realms/sdn/protocol/openid-connect/certs"));
    }

    @Test
    void explicitKeySetUriWinsOverTheDerivedOne() {
        StackEndpoints external = local.withIssuer("http://localhost:8180/realms/sdn", "http://keycloak:8080/realms/sdn/protocol/openid-connect/certs");

        assertThat(ChildEnvironments.forModule(ServiceModule.GATEWAY, external))
                .containsEntry("KEYCLOAK_JWK_SET_URI", "http://keycloak:8080/realms/sdn/protocol/openid-connect/certs");
    }

    @Test
    void gatewayGetsEveryInstanceOfAServiceThatRunsSeveral() {
        Map<String, String> env = ChildEnvironments.forModule(ServiceModule.GATEWAY, local, Map.of(ServiceModule.REGISTRATION, 2));

        assertThat(env).contains(entry("REGISTRATION_SERVICE_URIS", "http://127.0.0.1:8081,http://127.0.0.1:9081"),
                entry("REGISTRATION_SERVICE_URI", "http://127.0.0.1:8081"));
        assertThat(env).doesNotContainKey("COMPETITION_SERVICE_URIS");
    }

    @Test
    void portalGetsEveryInstanceOfAServiceThatRunsSeveralToBalanceItsOwnCalls() {
        Map<String, String> env = ChildEnvironments.forModule(ServiceModule.PORTAL, local,
                Map.of(ServiceModule.REGISTRATION, 2, ServiceModule.PORTAL, 2));

        assertThat(env).contains(entry("REGISTRATION_SERVICE_URIS", "http://127.0.0.1:8081,http://127.0.0.1:9081"),
                entry("REGISTRATION_SERVICE_URI", "http://127.0.0.1:8081"));
        assertThat(env).doesNotContainKeys("COMPETITION_SERVICE_URIS", "PORTAL_URI", "PORTAL_URIS");
    }
}
