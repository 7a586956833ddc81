package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BannerTest {

    @TempDir
    Path dataDir;

    @Test
    void fullStackBannerNamesEveryAddressTheDemoAccountsAndTheTokenCommand() {
        LocalStack stack = LocalStack.builder().repoRoot(Path.of("..")).dataDir(dataDir).portOffset(20000).build();

        String banner = Banner.render(stack);

        assertThat(banner).contains(
                "http://localhost:28080",
                "http://127.0.0.1:28081/actuator/health/readiness",
                "http://127.0.0.1:28084/actuator/health/readiness",
                "http://localhost:28180/admin/",
                "http://localhost:28180/realms/sdn",
                "127.0.0.1:29092",
                "mongodb://127.0.0.1:47017",
                "127.0.0.1:22525",
                "127.0.0.1:22775", "logs/sms.log",
                "participant-ne", "organizer-ml", "coordinator-bf",
                "client_id=sdn-cli",
                "http://localhost:28180/realms/sdn/protocol/openid-connect/token",
                "/api/registrations/whoami",
                "Ctrl-C");
    }

    @Test
    void replicasAreListedWithTheCommandThatRestartsOne() {
        LocalStack stack = LocalStack.builder().repoRoot(Path.of("..")).dataDir(dataDir)
                .replicas(java.util.Map.of(ServiceModule.REGISTRATION, 2, ServiceModule.GATEWAY, 2)).build();

        String banner = Banner.render(stack);

        assertThat(banner).contains("http://127.0.0.1:9081/actuator/health/readiness", "http://localhost:8090",
                "./run-local.sh --restart registration-service-2 --data-dir=" + dataDir);
    }

    @Test
    void infraOnlyBannerLeavesOutTheServices() {
        LocalStack stack = LocalStack.builder().repoRoot(Path.of("..")).dataDir(dataDir).infraOnly(true).build();

        String banner = Banner.render(stack);

        assertThat(banner).contains("infrastructure only", "http://localhost:8180/admin/")
                .doesNotContain("actuator/health", "whoami", "--restart");
    }

    @Test
    void externalKeycloakIsShownAsSuchWithoutDemoAccounts() {
        LocalStack stack = LocalStack.builder().repoRoot(Path.of("..")).dataDir(dataDir)
                .externalKeycloak("https://id.example/realms/sdn", null).build();

        String banner = Banner.render(stack);

        assertThat(banner).contains("https://id.example/realms/sdn  (external)").doesNotContain("Keycloak admin", "Demo accounts");
        assertThat(stack.keycloakUrl()).isEqualTo("https://id.example");
        assertThat(stack.jwkSetUri()).isEqualTo("https://id.example/realms/sdn/protocol/openid-connect/certs");
    }
}
