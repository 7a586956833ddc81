package ml.sdn.e2e.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/offline keeps docker-compose.yml as it is: the env file swaps only image names the main
 * file reads from variables, and the override changes only what the MongoDB and Mailpit STAND-INS
 * force (and says so). No Docker engine needed.
 */
class OfflineOverrideTest {

    private static final Path ROOT = Path.of(System.getProperty("sdn.repo-root", "..")).toAbsolutePath().normalize();
    private static final Path OFFLINE = ROOT.resolve("docker/offline");
    private static final ComposeFile MAIN = ComposeFile.read(ROOT.resolve("docker-compose.yml"));
    private static final ComposeFile OVERRIDE = ComposeFile.read(OFFLINE.resolve("docker-compose.offline.yml"));
    /** What each overridden service may change, and nothing else (its second replica, <service>-2, the same). */
    private static final Map<String, Set<String>> ALLOWED_KEYS = Map.of(
            "mongo", Set.of("command", "healthcheck"),
            "mailpit", Set.of("healthcheck"),
            "registration-service", Set.of("environment"),
            "competition-service", Set.of("environment"),
            "incubation-service", Set.of("environment"),
            "notification-service", Set.of("environment"),
            "gateway", Set.of("environment"));
    /** Every part that reads MONGODB_URI, both replicas of each. */
    private static final List<String> STORE_USERS = List.of("registration-service", "competition-service", "incubation-service",
            "notification-service", "gateway", "registration-service-2", "competition-service-2", "incubation-service-2",
            "notification-service-2", "gateway-2");

    @Test
    void the_env_file_sets_only_image_variables_the_main_file_reads() throws IOException {
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(OFFLINE.resolve("offline.env"))) {
            env.load(reader);
        }
        String main = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(env.stringPropertyNames()).isNotEmpty().allSatisfy(name -> {
            assertThat(name).endsWith("_IMAGE");
            assertThat(main).as("docker-compose.yml reads ${%s:-…}", name).contains("${" + name + ":-");
            assertThat(env.getProperty(name)).startsWith("sdn-local/");
        });
    }

    @Test
    void the_override_changes_only_what_the_stand_ins_force_and_says_so() throws IOException {
        assertThat(Files.readString(OFFLINE.resolve("docker-compose.offline.yml"))).contains("STAND-INS", "NOT MongoDB", "NOT Mailpit");
        OVERRIDE.services().forEach((name, spec) -> {
            assertThat(MAIN.services()).as("the main file has %s", name).containsKey(name);
            assertThat(ComposeFile.map(spec, name).keySet()).as("keys %s overrides", name)
                    .isSubsetOf(ALLOWED_KEYS.getOrDefault(name.replaceFirst("-2$", ""), Set.of()));
        });
        for (String service : STORE_USERS) {
            assertThat(OVERRIDE.environment(service).keySet()).as("%s environment", service)
                    .containsExactlyInAnyOrder("MONGODB_URI", "SPRING_AUTOCONFIGURE_EXCLUDE");
            // the Prometheus 2.42 stand-in drops a whole scrape with exemplars on a summary's _count (2.43+ takes them)
            assertThat(OVERRIDE.environmentValue(service, "SPRING_AUTOCONFIGURE_EXCLUDE")).endsWith(".PrometheusExemplarsAutoConfiguration");
            String main = MAIN.environmentValue(service, "MONGODB_URI");
            assertThat(OVERRIDE.environmentValue(service, "MONGODB_URI")).isEqualTo(main.substring(0, main.indexOf("/?")));
        }
    }

    @Test
    void the_stand_in_health_checks_probe_the_ports_the_services_use() {
        Matcher mongoPort = Pattern.compile(":(\\d+)").matcher(MAIN.environmentValue("registration-service", "MONGODB_URI"));
        assertThat(mongoPort.find()).isTrue();
        assertThat(OVERRIDE.healthcheckCommand("mongo")).last().asString().endsWith("/dev/tcp/127.0.0.1/" + mongoPort.group(1));
        assertThat(OVERRIDE.healthcheckCommand("mailpit")).last().asString()
                .endsWith("/dev/tcp/127.0.0.1/" + MAIN.environmentValue("notification-service", "SMTP_PORT"));
    }

    @Test
    void the_offline_keycloak_is_built_for_the_build_options_compose_starts_it_with() throws IOException {
        String dockerfile = Files.readString(OFFLINE.resolve("keycloak/Dockerfile"));
        Map<String, String> keycloak = MAIN.environment("keycloak");

        assertThat(dockerfile).doesNotContain("start-dev")
                .contains("KC_DB=" + keycloak.get("KC_DB"), "KC_HEALTH_ENABLED=" + keycloak.get("KC_HEALTH_ENABLED"), "kc.sh build");
    }

    @Test
    void the_postgresql_stand_in_says_so_and_reads_what_compose_sets() throws IOException {
        String dockerfile = Files.readString(OFFLINE.resolve("postgres/Dockerfile"));
        String entrypoint = Files.readString(OFFLINE.resolve("postgres/entrypoint.sh"));
        String env = Files.readString(OFFLINE.resolve("offline.env"));

        assertThat(dockerfile).contains("STAND-IN", "not the official image");
        assertThat(env).containsPattern("STAND-IN[^\\n]*\\nKEYCLOAK_DB_IMAGE=sdn-local/postgres");
        assertThat(MAIN.environment("keycloak-db").keySet()).isNotEmpty()
                .allSatisfy(variable -> assertThat(entrypoint).as("the stand-in reads %s", variable).contains("${" + variable));
        String dataDirectory = MAIN.volumes("keycloak-db").get(0).split(":")[1];
        assertThat(dockerfile).contains("PGDATA=" + dataDirectory, "VOLUME " + dataDirectory);
        assertThat(String.join(" ", MAIN.healthcheckCommand("keycloak-db"))).startsWith("pg_isready");
        assertThat(dockerfile).as("pg_isready and psql on the PATH, as in the official image").contains("/usr/local/bin/");
    }

    @Test
    void the_prometheus_stand_in_says_so_and_runs_as_compose_starts_the_official_image() throws IOException {
        String dockerfile = Files.readString(OFFLINE.resolve("prometheus/Dockerfile"));
        String env = Files.readString(OFFLINE.resolve("offline.env"));

        assertThat(dockerfile).contains("STAND-IN", "not the official image");
        assertThat(env).containsPattern("STAND-IN[^\\n]*\\nPROMETHEUS_IMAGE=sdn-local/prometheus");
        // the official image's binary, data directory (a named volume in compose) and non-root user
        assertThat(dockerfile).contains("ENTRYPOINT [\"/bin/prometheus\"]", "VOLUME /prometheus", "USER nobody");
        assertThat(MAIN.volumes("prometheus")).contains("prometheus-data:/prometheus");
        // compose's health check runs wget, which the stand-in installs with the package (containers.sh)
        assertThat(MAIN.healthcheckCommand("prometheus")).first().isEqualTo("wget");
        assertThat(Files.readString(OFFLINE.resolve("containers.sh"))).containsPattern("packages_into_copy [^\\n]* prometheus wget\\n");
    }

    @Test
    void the_nginx_stand_in_says_so_and_runs_the_configuration_compose_mounts() throws IOException {
        String dockerfile = Files.readString(OFFLINE.resolve("nginx/Dockerfile"));
        String env = Files.readString(OFFLINE.resolve("offline.env"));
        String script = Files.readString(OFFLINE.resolve("containers.sh"));

        assertThat(dockerfile).contains("STAND-IN", "not the official image", "nginx-light");
        assertThat(env).containsPattern("STAND-IN[^\\n]*\\nNGINX_IMAGE=sdn-local/nginx");
        assertThat(script).contains("nginx-light").contains("docker/offline/nginx/Dockerfile");
        assertThat(MAIN.commandWords("nginx")).containsExactly("nginx", "-g", "daemon off;");
        assertThat(MAIN.volumes("nginx")).containsExactly("./docker/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
    }
}
