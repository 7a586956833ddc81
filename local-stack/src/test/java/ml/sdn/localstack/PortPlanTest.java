package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortPlanTest {

    @Test
    void defaultsAreTheContractPorts() {
        PortPlan ports = PortPlan.defaults();

        assertThat(ports.byName()).containsExactly(
                entry("gateway", 8080), entry("gateway-management", 9080), entry("registration", 8081), entry("competition", 8082),
                entry("incubation", 8083), entry("notification", 8084), entry("portal", 8085), entry("keycloak", 8180),
                entry("keycloak-management", 9180), entry("kafka", 9092), entry("kafka-controller", 9093),
                entry("mongo", 27017), entry("smtp", 2525), entry("smsc", 2775));
    }

    @Test
    void offsetMovesEveryPort() {
        PortPlan moved = PortPlan.defaults().offsetBy(20000);

        assertThat(moved.gateway()).isEqualTo(28080);
        assertThat(moved.gatewayManagement()).isEqualTo(29080);
        assertThat(moved.keycloak()).isEqualTo(28180);
        assertThat(moved.keycloakManagement()).isEqualTo(29180);
        assertThat(moved.kafka()).isEqualTo(29092);
        assertThat(moved.kafkaController()).isEqualTo(29093);
        assertThat(moved.mongo()).isEqualTo(47017);
        assertThat(moved.smtp()).isEqualTo(22525);
        assertThat(moved.smsc()).isEqualTo(22775);
        assertThat(moved.servicePort(ServiceModule.NOTIFICATION)).isEqualTo(28084);
        assertThat(moved.servicePort(ServiceModule.PORTAL)).isEqualTo(28085);
    }

    @Test
    void singlePortCanBeOverriddenByName() {
        PortPlan plan = PortPlan.defaults().with("keycloak", 8280);

        assertThat(plan.keycloak()).isEqualTo(8280);
        assertThat(plan.keycloakManagement()).isEqualTo(9180);
    }

    @Test
    void unknownPortNameIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> PortPlan.defaults().with("postgres", 5432))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres")
                .hasMessageContaining("keycloak-management");
    }

    @Test
    void offsetThatLeavesTheValidRangeIsRefused() {
        assertThatThrownBy(() -> PortPlan.defaults().offsetBy(50000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mongo");
    }

    private static java.util.Map.Entry<String, Integer> entry(String name, int port) {
        return java.util.Map.entry(name, port);
    }

    @Test
    void furtherInstancesOfAServiceAreAThousandAboveClearOfEveryOtherPort() {
        PortPlan plan = PortPlan.defaults();

        assertThat(plan.servicePort(ServiceModule.REGISTRATION, 1)).isEqualTo(8081);
        assertThat(plan.servicePort(ServiceModule.REGISTRATION, 2)).isEqualTo(9081);
        assertThat(plan.servicePort(ServiceModule.PORTAL, 3)).isEqualTo(10085);
        for (ServiceModule module : ServiceModule.services()) {
            for (int instance = 2; instance <= LauncherOptions.MAX_REPLICAS; instance++) {
                assertThat(plan.byName().values()).doesNotContain(plan.servicePort(module, instance));
            }
        }
        assertThat(plan.offsetBy(6000).servicePort(ServiceModule.REGISTRATION, 2)).isEqualTo(15081);
    }

    @Test
    void furtherGatewaysAreTenAboveWithTheirManagementPortsClearOfEveryOtherPort() {
        PortPlan plan = PortPlan.defaults();

        assertThat(plan.servicePort(ServiceModule.GATEWAY, 2)).isEqualTo(8090);
        assertThat(plan.gatewayManagement(2)).isEqualTo(9090);
        assertThat(plan.servicePort(ServiceModule.GATEWAY, 3)).isEqualTo(8100);
        assertThat(plan.gatewayManagement(3)).isEqualTo(9100);
        java.util.Set<Integer> taken = new java.util.HashSet<>(plan.byName().values());
        for (ServiceModule module : ServiceModule.services()) {
            for (int instance = 2; instance <= LauncherOptions.MAX_REPLICAS; instance++) {
                taken.add(plan.servicePort(module, instance));
            }
        }
        for (int instance = 2; instance <= LauncherOptions.MAX_REPLICAS; instance++) {
            assertThat(taken.add(plan.servicePort(ServiceModule.GATEWAY, instance))).isTrue();
            assertThat(taken.add(plan.gatewayManagement(instance))).isTrue();
        }
    }
}
