package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The realm's providers jar in Keycloak's providers folder, touched only when it changed (a touch costs a Keycloak rebuild). */
class KeycloakProviderTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheJarIntoAFreshDistribution() throws IOException {
        Path jar = Files.write(dir.resolve("sdn-keycloak-extension.jar"), new byte[] {1, 2, 3});
        Path home = dir.resolve("keycloak");

        assertThat(KeycloakServer.installProvider(jar, home)).isTrue();
        assertThat(home.resolve("providers/sdn-keycloak-extension.jar")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void leavesAnUnchangedJarAloneSoThatKeycloakDoesNotRebuild() throws IOException {
        Path jar = Files.write(dir.resolve("sdn-keycloak-extension.jar"), new byte[] {1, 2, 3});
        Path home = dir.resolve("keycloak");
        KeycloakServer.installProvider(jar, home);
        Path installed = home.resolve("providers/sdn-keycloak-extension.jar");
        FileTime built = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(installed, built);

        assertThat(KeycloakServer.installProvider(jar, home)).isFalse();
        assertThat(Files.getLastModifiedTime(installed)).isEqualTo(built);
    }

    @Test
    void replacesAChangedJar() throws IOException {
        Path jar = Files.write(dir.resolve("sdn-keycloak-extension.jar"), new byte[] {1, 2, 3});
        Path home = dir.resolve("keycloak");
        KeycloakServer.installProvider(jar, home);
        Files.write(jar, new byte[] {4, 5});

        assertThat(KeycloakServer.installProvider(jar, home)).isTrue();
        assertThat(home.resolve("providers/sdn-keycloak-extension.jar")).hasBinaryContent(new byte[] {4, 5});
    }
}
