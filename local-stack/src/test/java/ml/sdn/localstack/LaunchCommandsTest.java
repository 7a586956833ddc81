package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCommandsTest {

    @Test
    void keycloakStartsInDevModeOnLoopbackWithAFixedHostnameAndTheRealmImport() {
        assertThat(KeycloakServer.arguments(PortPlan.defaults().offsetBy(20000))).containsExactly(
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=28180",
                "--hostname=http://localhost:28180",
                "--http-management-port=29180",
                "--health-enabled=true",
                "--import-realm",
                "--spi-theme--cache-themes=true",
                "--spi-theme--static-max-age=31536000");
    }

    @Test
    void keycloakRunsOnTheLaunchersJavaWithAModestHeapAndTheBootstrapAdmin() {
        assertThat(KeycloakServer.environment("/opt/jdk-17", "admin", "admin")).containsOnly(
                entry("JAVA_HOME", "/opt/jdk-17"),
                entry("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"),
                entry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                entry("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
    }

    @Test
    void serviceRunsItsBootJarWithASmallHeap() {
        Path jar = Path.of("/repo/competition-service/target/competition-service.jar");

        assertThat(ServiceProcess.command("/jdk/bin/java", jar))
                .startsWith("/jdk/bin/java")
                .contains("-Xmx256m")
                .endsWith("-jar", jar.toString());
        assertThat(ServiceModule.COMPETITION.jarPath()).isEqualTo("competition-service/target/competition-service.jar");
        assertThat(ServiceModule.GATEWAY.jarPath()).isEqualTo("gateway/target/gateway.jar");
    }

    @Test
    void unpackStripsTheTopFolderAndMakesScriptsExecutable(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("dist.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "keycloak-26.5.6/bin/kc.sh", "#!/bin/sh\necho kc\n");
            put(out, "keycloak-26.5.6/conf/keycloak.conf", "# conf\n");
        }
        Path home = dir.resolve("data").resolve("keycloak-26.5.6");

        KeycloakServer.unpack(zip, home);

        assertThat(home.resolve("bin/kc.sh")).hasContent("#!/bin/sh\necho kc");
        assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();
        assertThat(home.resolve("conf/keycloak.conf")).exists();
        assertThat(dir.resolve("data").resolve("keycloak-26.5.6.unpacking")).doesNotExist();
    }

    @Test
    void keycloakSendsItsMailsToTheLaunchersSmtpSink() {
        assertThat(KeycloakServer.mailEnvironment(PortPlan.defaults().offsetBy(20000))).containsOnly(
                entry("SDN_SMTP_HOST", "127.0.0.1"),
                entry("SDN_SMTP_PORT", "22525"));
    }

    @Test
    void theRepositorysThemeReplacesWhatKeycloakHadAtEveryStart(@TempDir Path dir) throws IOException {
        Path home = dir.resolve("keycloak");
        Files.createDirectories(home.resolve("themes/sdn/login"));
        Files.writeString(home.resolve("themes/sdn/login/removed.ftl"), "old");

        KeycloakServer.installTheme(Path.of("..", "identity", "theme", "sdn"), home);

        assertThat(home.resolve("themes/sdn/login/theme.properties")).content().contains("parent=base");
        assertThat(home.resolve("themes/sdn/login/resources/css/sdn.css")).exists();
        assertThat(home.resolve("themes/sdn/login/removed.ftl")).doesNotExist();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
