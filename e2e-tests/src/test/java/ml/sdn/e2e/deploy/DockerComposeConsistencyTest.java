package ml.sdn.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps docker-compose.yml and the Dockerfiles honest against what the services actually read
 * (docs/platform-contract.md): names, ports, environment variables, health checks, Keycloak issuer.
 * Plain file parsing: no Docker engine needed.
 */
class DockerComposeConsistencyTest {

    private static final Path ROOT = repositoryRoot();

    private static final ComposeFile COMPOSE = ComposeFile.read(ROOT.resolve("docker-compose.yml"));

    private static final List<String> SERVICES = List.of("registration-service", "competition-service",
            "incubation-service", "notification-service");

    private static final Map<String, String> OFFICIAL_IMAGES = Map.of("mongo", "mongo:8.0", "kafka",
            "apache/kafka:4.1.2", "keycloak", "quay.io/keycloak/keycloak:26.5.6", "keycloak-db", "postgres:17",
            "prometheus", "prom/prometheus:v3.5.0");

    /** A variable the host can set, with a default for a local machine: {@code ${NAME:-default}}. */
    private static final Pattern FROM_THE_ENVIRONMENT = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:-[^}]+}");

    private static final String READINESS_PATH = "/actuator/health/readiness";

    /** Variables the image's entrypoint reads itself, not the Spring configuration. */
    private static final Set<String> READ_BY_THE_ENTRYPOINT = Set.of("JAVA_OPTS");

    /** The one image recipe of the Boot modules: each module is a build argument, not a copy of the file. */
    private static final Path BOOT_DOCKERFILE = ROOT.resolve("docker/boot-service.Dockerfile");

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void composeBuildsEachModuleFromItsOwnDirectoryWithTheOneDockerfileOnTheOverridableJavaBase(String module) {
        Map<String, Object> service = COMPOSE.service(module);
        Object build = service.get("build");
        String context = build instanceof Map<?, ?> b ? String.valueOf(b.get("context")) : String.valueOf(build);

        assertThat(context).as("build context of %s", module).isEqualTo("./" + module);
        assertThat(build).as("build of %s", module).isInstanceOf(Map.class);
        assertThat(ROOT.resolve(module).resolve(String.valueOf(((Map<?, ?>) build).get("dockerfile"))).normalize())
            .as("Dockerfile of %s", module).isEqualTo(BOOT_DOCKERFILE.normalize());
        assertThat(ROOT.resolve(module).resolve("Dockerfile")).as("a copy of the recipe in %s", module).doesNotExist();
        Object args = ((Map<?, ?>) build).get("args");
        assertThat(args).as("build args of %s", module).isInstanceOf(Map.class);
        assertThat(String.valueOf(((Map<?, ?>) args).get("BASE_IMAGE"))).as("BASE_IMAGE build arg of %s", module)
            .matches("\\$\\{[A-Z_]+:-eclipse-temurin:17-jre}");
        assertThat(String.valueOf(((Map<?, ?>) args).get("MODULE"))).as("MODULE build arg of %s", module).isEqualTo(module);
        assertThat(String.valueOf(((Map<?, ?>) args).get("PORT"))).as("PORT build arg of %s vs its server.port", module)
            .isEqualTo(String.valueOf(SpringConfig.of(ROOT, module).serverPort()));
        assertThat(service.get("restart")).as("restart policy of %s", module).isNotNull();
    }

    @Test
    void theOneDockerfileRunsTheModulesBootJarAsNonRootWithTheJvmAsMainProcessOnItsPort() {
        Dockerfile dockerfile = Dockerfile.read(BOOT_DOCKERFILE);

        assertThat(dockerfile.all("ARG")).as("%s: base image, module and port arguments", dockerfile.path())
            .contains("BASE_IMAGE=eclipse-temurin:17-jre", "MODULE", "PORT");
        assertThat(dockerfile.all("FROM")).as("%s: every stage builds on the base image argument", dockerfile.path())
            .allMatch(from -> from.startsWith("${BASE_IMAGE}"));
        assertThat(dockerfile.all("COPY")).as("%s: copies the module's Boot jar", dockerfile.path())
            .anyMatch(copy -> copy.matches("(.*\\s)?target/\\$\\{MODULE}\\.jar\\s.*"));
        assertThat(dockerfile.last("USER").split(":")[0]).as("%s: final user", dockerfile.path())
            .isNotBlank()
            .isNotIn("root", "0");
        String entrypoint = dockerfile.last("ENTRYPOINT");
        assertThat(entrypoint).as("%s: exec-form entrypoint", dockerfile.path()).startsWith("[");
        assertThat(entrypoint).as("%s: the shell hands PID 1 to the JVM, which gets SIGTERM", dockerfile.path())
            .satisfiesAnyOf(e -> assertThat(e).startsWith("[\"java\""), e -> assertThat(e).contains("exec java"));
        assertThat(entrypoint).as("%s: JAVA_OPTS can override JVM flags", dockerfile.path()).contains("$JAVA_OPTS");
        assertThat(String.join(" ", dockerfile.all("ENV"))).as("%s: heap sized from the container limit",
                dockerfile.path())
            .contains("-XX:MaxRAMPercentage");
        // the image listens where it is exposed and probed: server.port is ${SERVER_PORT:<the module's port>}
        assertThat(dockerfile.all("EXPOSE")).as("%s: EXPOSE", dockerfile.path()).containsExactly("${PORT}");
        assertThat(dockerfile.all("ENV")).as("%s: SERVER_PORT from the PORT argument", dockerfile.path())
            .contains("SERVER_PORT=${PORT}");
        assertThat(dockerfile.last("HEALTHCHECK")).as("%s: HEALTHCHECK", dockerfile.path())
            .contains("127.0.0.1/$SERVER_PORT")
            .contains(READINESS_PATH);
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void theServerPortComesFromServerPortSoTheImageSetsIt(String module) {
        assertThat(SpringConfig.of(ROOT, module).property("server.port").orElse(""))
            .as("server.port of %s", module)
            .startsWith("${SERVER_PORT:");
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void composeSetsOnlyVariablesTheServiceConfigurationReads(String module) {
        SpringConfig config = SpringConfig.of(ROOT, module);
        Set<String> dead = new TreeSet<>(COMPOSE.environment(module).keySet());
        dead.removeAll(config.referencedVariables());
        dead.removeAll(READ_BY_THE_ENTRYPOINT);

        assertThat(dead).as("variables compose sets for %s that its configuration never reads as ${VAR}", module)
            .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void composeSetsEveryVariableTheServiceConfigurationHasNoDefaultFor(String module) {
        SpringConfig config = SpringConfig.of(ROOT, module);

        assertThat(config.missingVariables(COMPOSE.environment(module).keySet()))
            .as("variables %s needs without a default that compose does not set", module)
            .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void healthChecksProbeTheReadinessEndpointOnTheServerPort(String module) {
        SpringConfig config = SpringConfig.of(ROOT, module);
        String probe = "127.0.0.1/" + config.serverPort();

        assertThat(COMPOSE.healthcheck(module)).as("compose healthcheck of %s", module)
            .contains(probe)
            .contains(READINESS_PATH);
        // Boot 4 enables the readiness group by default: check nothing in the configuration moves it.
        assertThat(config.propertyWithDefaults("management.endpoint.health.probes.enabled").orElse("true"))
            .as("health probes of %s", module)
            .isEqualToIgnoringCase("true");
        assertThat(config.propertyWithDefaults("management.endpoints.web.base-path").orElse("/actuator"))
            .as("actuator base path of %s", module)
            .isEqualTo("/actuator");
        if (module.equals("gateway")) {
            // its actuator (metrics) is kept off the public port; PublicHealthProbes answers the two probes on
            // server.port from the actuator's health groups (decision 0017)
            assertThat(config.propertyWithDefaults("management.server.port"))
                .as("management port of the gateway (never its public port)")
                .get().isNotEqualTo(String.valueOf(config.serverPort()));
        } else {
            assertThat(config.propertyWithDefaults("management.server.port").orElse(String.valueOf(config.serverPort())))
                .as("management port of %s (the probe goes to server.port)", module)
                .isEqualTo(String.valueOf(config.serverPort()));
        }
        assertThat(config.propertyWithDefaults("management.endpoints.web.exposure.exclude").orElse(""))
            .as("actuator endpoints %s hides", module)
            .doesNotContain("health")
            .doesNotContain("*");
        assertThat(config.propertyWithDefaults("management.endpoints.web.exposure.include").orElse("health"))
            .as("actuator endpoints %s exposes", module)
            .containsAnyOf("health", "*");
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void tokensAreCheckedAgainstTheBrowserVisibleIssuerWithKeysFetchedInsideTheNetwork(String module) {
        String realm = realmName();
        Map<String, String> keycloak = COMPOSE.environment("keycloak");
        String keycloakHostname = ComposeFile.withDefaults(keycloak.get("KC_HOSTNAME"));
        String keycloakHttpPort = ComposeFile.withDefaults(keycloak.get("KC_HTTP_PORT"));

        assertThat(COMPOSE.environmentValue(module, "KEYCLOAK_ISSUER_URI")).as("issuer %s expects", module)
            .isEqualTo(keycloakHostname + "/realms/" + realm);
        assertThat(COMPOSE.environmentValue(module, "KEYCLOAK_JWK_SET_URI")).as("where %s fetches keys", module)
            .isEqualTo("http://keycloak:" + keycloakHttpPort + "/realms/" + realm + "/protocol/openid-connect/certs");
    }

    @ParameterizedTest
    @ValueSource(strings = { "registration-service", "competition-service", "incubation-service",
            "notification-service" })
    void servicesWaitForAndReachTheReplicaSetAndTheBrokerInTheNetwork(String module) {
        Map<String, String> dependsOn = COMPOSE.dependsOn(module);
        assertThat(dependsOn).as("depends_on of %s", module)
            .containsEntry("mongo", "service_healthy")
            .containsEntry("kafka", "service_healthy");

        Matcher replSet = Pattern.compile("--replSet[ =](\\S+)").matcher(COMPOSE.command("mongo"));
        assertThat(replSet.find()).as("mongo runs as a replica set: %s", COMPOSE.command("mongo")).isTrue();
        URI mongoUri = URI.create(COMPOSE.environmentValue(module, "MONGODB_URI"));
        assertThat(mongoUri.getScheme()).isEqualTo("mongodb");
        assertThat(mongoUri.getAuthority()).as("MONGODB_URI host of %s", module).isEqualTo("mongo:27017");
        assertThat(mongoUri.getQuery()).as("MONGODB_URI options of %s", module)
            .contains("replicaSet=" + replSet.group(1));

        String advertised = ComposeFile.withDefaults(COMPOSE.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"));
        assertThat(advertised).as("kafka advertised listeners")
            .contains("PLAINTEXT://" + COMPOSE.environmentValue(module, "KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void gatewayKeepsItsSessionsInTheReplicaSetItWaitsFor() {
        assertThat(COMPOSE.dependsOn("gateway")).containsEntry("mongo", "service_healthy").doesNotContainKeys(SERVICES.toArray(String[]::new));
        assertThat(COMPOSE.environmentValue("gateway", "MONGODB_URI"))
            .isEqualTo(COMPOSE.environmentValue("registration-service", "MONGODB_URI"));
    }

    @Test
    void gatewayBalancesOverBothReplicasOfEachServiceByTheirComposeNamesOnTheirServerPorts() {
        for (String module : SERVICES) {
            String variable = module.replace("-service", "").toUpperCase(Locale.ROOT) + "_SERVICE_URIS";
            int port = SpringConfig.of(ROOT, module).serverPort();

            assertThat(COMPOSE.environmentValue("gateway", variable)).as("gateway %s", variable)
                .isEqualTo("http://" + module + ":" + port + ",http://" + module + "-2:" + port);
        }
        assertThat(COMPOSE.environment("gateway").keySet()).as("one list of instances per service, not the single URI too")
            .noneMatch(name -> name.endsWith("_SERVICE_URI") || name.equals("PORTAL_URI"));
    }

    @Test
    void gatewayRoutesPagesToBothPortalsAndThePortalBalancesOverBothReplicasOfEachServiceAsTheGatewayDoes() {
        int portalPort = SpringConfig.of(ROOT, "portal").serverPort();
        assertThat(COMPOSE.environmentValue("gateway", "PORTAL_URIS"))
            .isEqualTo("http://portal:" + portalPort + ",http://portal-2:" + portalPort);
        for (String module : SERVICES) {
            String variable = module.replace("-service", "").toUpperCase(Locale.ROOT) + "_SERVICE_URIS";
            assertThat(COMPOSE.environmentValue("portal", variable)).as("portal %s", variable)
                .isEqualTo(COMPOSE.environmentValue("gateway", variable));
        }
        assertThat(COMPOSE.environment("portal").keySet()).as("one list of instances per service, not the single URI too")
            .noneMatch(name -> name.endsWith("_SERVICE_URI"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void everyPartRunsTwoReplicasTheSecondTheSameAsTheFirstUnderItsOwnName(String module) {
        assertThat(COMPOSE.services()).as("the second replica of %s", module).containsKey(module + "-2");
        assertThat(COMPOSE.service(module + "-2")).as("%s-2: the same image, port, environment, health check as %s", module, module)
            .isEqualTo(COMPOSE.service(module));
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "registration-service", "competition-service", "incubation-service",
            "notification-service", "portal" })
    void everyReplicaIsGivenTimeToStopGracefully(String module) throws IOException {
        // readiness down (sdn.shutdown.unready-delay), then the graceful shutdown phase: docker's default 10 s would
        // SIGKILL a replica still finishing its requests, its Kafka commits or its outbox round
        // the gateway and the portal have no service-platform: their own application.yml says both
        String defaults = Files.readString(ROOT.resolve(module.equals("gateway") || module.equals("portal")
                ? module + "/src/main/resources/application.yml" : "service-platform/src/main/resources/sdn-platform-defaults.yml"));
        long needed = seconds(defaults, "unready-delay") + seconds(defaults, "timeout-per-shutdown-phase");
        assertThat(String.valueOf(COMPOSE.service(module).get("stop_grace_period"))).as("stop_grace_period of %s", module)
            .matches("\\d+s")
            .satisfies(grace -> assertThat(Long.parseLong(grace.replace("s", ""))).isGreaterThan(needed));
    }

    private static long seconds(String yaml, String key) {
        Matcher value = Pattern.compile("\\b" + key + ": (\\d+)s\\b").matcher(yaml);
        assertThat(value.find()).as("%s in the module's defaults", key).isTrue();
        return Long.parseLong(value.group(1));
    }

    @Test
    void nginxAloneIsPublishedAndBalancesOverBothGatewaysWithTheBrowsersAddressInXForwardedHeaders() throws IOException {
        int port = SpringConfig.of(ROOT, "gateway").serverPort();
        assertThat(COMPOSE.ports("nginx")).containsExactly("127.0.0.1:8080:8080");
        assertThat(COMPOSE.ports("gateway")).as("the gateways are reached through nginx only").isEmpty();
        assertThat(COMPOSE.ports("gateway-2")).isEmpty();
        assertThat(COMPOSE.service("gateway").get("networks")).as("both gateways answer to the name nginx sends to")
            .isEqualTo(Map.of("default", Map.of("aliases", List.of("gateways"))));
        assertThat(COMPOSE.dependsOn("nginx")).containsEntry("gateway", "service_healthy").containsEntry("gateway-2", "service_healthy");
        assertThat(COMPOSE.volumes("nginx")).containsExactly("./docker/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
        assertThat(COMPOSE.healthcheck("nginx")).contains("127.0.0.1/8080").contains(READINESS_PATH);

        String conf = Files.readString(ROOT.resolve("docker/nginx/nginx.conf"));
        assertThat(conf).contains("listen 8080;", "set $gateways gateways;", "proxy_pass http://$gateways:" + port + ";",
                "resolver 127.0.0.11", "proxy_set_header Host $http_host;", "proxy_set_header X-Forwarded-Host $http_host;",
                "proxy_set_header X-Forwarded-Proto $scheme;", "proxy_set_header X-Forwarded-For $remote_addr;",
                "proxy_next_upstream error timeout;", "proxy_buffering off;")
            .doesNotContain("non_idempotent")
            .as("no sticky sessions: every gateway serves every browser").doesNotContainPattern("(?m)^\\s*(ip_hash|hash|sticky)\\b");
        // the gateway believes those headers only where compose puts it behind nginx
        assertThat(COMPOSE.environmentValue("gateway", "GATEWAY_FORWARD_HEADERS_STRATEGY")).isEqualTo("native");
        assertThat(SpringConfig.of(ROOT, "gateway").property("server.forward-headers-strategy").orElse(""))
            .isEqualTo("${GATEWAY_FORWARD_HEADERS_STRATEGY:none}");
    }

    @Test
    void theRollingRedeployReplacesTheReplicasOfEveryPartTheGatewaysLast() throws IOException {
        Path script = ROOT.resolve("docker/rolling-redeploy.sh");
        assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
        Matcher all = Pattern.compile("\\nALL=\\(([^)]*)\\)").matcher(Files.readString(script));
        assertThat(all.find()).as("the parts the script knows").isTrue();
        List<String> parts = List.of(all.group(1).trim().split("\\s+"));
        Set<String> twinned = new TreeSet<>();
        COMPOSE.services().keySet().stream().filter(name -> name.endsWith("-2")).forEach(name -> twinned.add(name.substring(0, name.length() - 2)));
        assertThat(parts).as("every part with two replicas, the gateway last").containsExactlyInAnyOrderElementsOf(twinned).endsWith("gateway");
    }

    @Test
    void onlyNginxKeycloakTheMailUiAndPrometheusArePublishedAndOnlyOnLoopback() {
        Set<String> published = new TreeSet<>();
        COMPOSE.services().keySet().forEach(name -> {
            if (!COMPOSE.ports(name).isEmpty()) {
                published.add(name);
            }
            assertThat(COMPOSE.ports(name)).as("ports of %s", name).allMatch(port -> port.startsWith("127.0.0.1:"));
        });

        assertThat(published).containsExactlyInAnyOrder("nginx", "keycloak", mailCatcher(), "prometheus");
        assertThat(COMPOSE.ports("prometheus")).containsExactly("127.0.0.1:9090:9090");
        assertThat(COMPOSE.ports("keycloak")).containsExactly("127.0.0.1:8180:"
                + ComposeFile.withDefaults(COMPOSE.environment("keycloak").get("KC_HTTP_PORT")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceThePortalAndTheGatewaysManagementPortAndLoadsTheAlertRules() throws IOException {
        List<String> command = COMPOSE.commandWords("prometheus");
        assertThat(command).contains("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus");
        assertThat(COMPOSE.volumes("prometheus")).contains("./docker/prometheus:/etc/prometheus:ro", "prometheus-data:/prometheus");
        assertThat(((Map<?, ?>) COMPOSE.root().get("volumes")).keySet().stream().map(String::valueOf)).contains("prometheus-data");
        assertThat(COMPOSE.dependsOn("prometheus")).as("a part that is down is what it must see").isEmpty();
        assertThat(COMPOSE.healthcheck("prometheus")).contains("http://127.0.0.1:9090/-/ready");

        Map<String, Object> config;
        try (var reader = Files.newBufferedReader(ROOT.resolve("docker/prometheus/prometheus.yml"))) {
            config = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        assertThat((List<String>) config.get("rule_files")).containsExactly("alerts.yml");
        assertThat(ROOT.resolve("docker/prometheus/alerts.yml")).isRegularFile();
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).as("metrics path of %s", job.get("job_name")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) group.get("targets"));
            }
        }
        Set<String> expected = new TreeSet<>();
        for (String module : List.of("registration-service", "competition-service", "incubation-service",
                "notification-service", "portal")) {
            SpringConfig part = SpringConfig.of(ROOT, module);
            assertThat(part.propertyWithDefaults("management.endpoints.web.exposure.include").orElse(""))
                .as("actuator endpoints %s exposes", module).contains("prometheus");
            expected.add(module + ":" + part.serverPort());
            expected.add(module + "-2:" + part.serverPort());
        }
        SpringConfig gateway = SpringConfig.of(ROOT, "gateway");
        assertThat(gateway.propertyWithDefaults("management.endpoints.web.exposure.include").orElse("")).contains("prometheus");
        expected.add("gateway:" + gateway.propertyWithDefaults("management.server.port").orElseThrow());
        expected.add("gateway-2:" + gateway.propertyWithDefaults("management.server.port").orElseThrow());
        assertThat(targets).as("what Prometheus scrapes: every part of compose that serves metrics, on its port")
            .isEqualTo(expected);
        assertThat(COMPOSE.services().keySet()).containsAll(expected.stream().map(t -> t.substring(0, t.indexOf(':'))).toList());
    }

    @Test
    void keycloakIssuesTokensForTheBrowserVisibleHostnameAndReportsHealthOnItsManagementPort() {
        Map<String, String> keycloak = COMPOSE.environment("keycloak");
        URI hostname = URI.create(ComposeFile.withDefaults(keycloak.get("KC_HOSTNAME")));
        String published = COMPOSE.ports("keycloak").get(0);

        assertThat(hostname.getHost()).isEqualTo("localhost");
        assertThat(published).as("Keycloak's published host port is the one in its hostname")
            .startsWith("127.0.0.1:" + hostname.getPort() + ":");
        assertThat(keycloak).containsEntry("KC_HEALTH_ENABLED", "true").containsEntry("KC_HTTP_MANAGEMENT_PORT", "9000");
        assertThat(COMPOSE.healthcheck("keycloak")).contains("127.0.0.1/9000").contains("/health/ready");
        assertThat(COMPOSE.ports("keycloak")).as("the management port stays inside the container").noneMatch(port -> port.endsWith(":9000"));
    }

    @Test
    void keycloakRunsInProductionModeAndImportsTheRealmOnlyWhenItIsAbsent() {
        List<String> command = COMPOSE.commandWords("keycloak");

        assertThat(command).first().isEqualTo("start");
        assertThat(String.join("\n", COMPOSE.services().keySet().stream().map(COMPOSE::command).toList()))
            .as("start-dev belongs to the local stack only").doesNotContain("start-dev");
        // Keycloak's startup import (--import-realm) skips a realm the database already has (strategy
        // IGNORE_EXISTING): users changed since are not overwritten. Nothing here may switch to overwriting.
        assertThat(command).contains("--import-realm").noneMatch(word -> word.contains("strategy") || word.contains("override"));
        assertThat(COMPOSE.environment("keycloak").keySet()).noneMatch(name -> name.contains("IMPORT"));
        // theme files cached, with a year's lifetime (their URL is versioned)
        assertThat(command).contains("--spi-theme--cache-themes=true", "--spi-theme--static-max-age=31536000");
    }

    @Test
    void keycloakKeepsItsDataInTheOfficialPostgresqlWithANamedVolumeAndWaitsForIt() {
        Map<String, String> keycloak = COMPOSE.environment("keycloak");
        Map<String, String> database = COMPOSE.environment("keycloak-db");

        assertThat(keycloak).containsEntry("KC_DB", "postgres");
        assertThat(ComposeFile.withDefaults(keycloak.get("KC_DB_URL")))
            .isEqualTo("jdbc:postgresql://keycloak-db:5432/" + database.get("POSTGRES_DB"));
        assertThat(keycloak.get("KC_DB_USERNAME")).isEqualTo(database.get("POSTGRES_USER"));
        assertThat(keycloak.get("KC_DB_PASSWORD")).as("one password, set once for both")
            .isEqualTo(database.get("POSTGRES_PASSWORD"))
            .matches(FROM_THE_ENVIRONMENT);
        assertThat(COMPOSE.dependsOn("keycloak")).containsEntry("keycloak-db", "service_healthy");

        assertThat(COMPOSE.volumes("keycloak-db")).containsExactly("keycloak-db-data:/var/lib/postgresql/data");
        assertThat(COMPOSE.root().get("volumes")).as("top-level named volumes").isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) COMPOSE.root().get("volumes")).keySet().stream().map(String::valueOf)).contains("keycloak-db-data");
        assertThat(COMPOSE.healthcheck("keycloak-db")).startsWith("CMD pg_isready")
            .contains("--host=127.0.0.1", "--username=" + database.get("POSTGRES_USER"), "--dbname=" + database.get("POSTGRES_DB"));
        assertThat(COMPOSE.ports("keycloak-db")).as("the database is reached from the network only").isEmpty();
    }

    @Test
    void keycloakSpeaksPlainHttpBehindTheEdgeAndTakesItsSecretsFromTheEnvironment() {
        Map<String, String> keycloak = COMPOSE.environment("keycloak");

        assertThat(keycloak).containsEntry("KC_HTTP_ENABLED", "true")
            .containsEntry("KC_PROXY_HEADERS", "xforwarded")
            .containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        assertThat(keycloak.get("KC_HOSTNAME")).as("the browser-visible address, set by the host").matches(FROM_THE_ENVIRONMENT);
        assertThat(keycloak.get("KC_PROXY_TRUSTED_ADDRESSES")).matches(FROM_THE_ENVIRONMENT);
        for (String secret : List.of("KC_BOOTSTRAP_ADMIN_PASSWORD", "KC_DB_PASSWORD")) {
            assertThat(keycloak.get(secret)).as(secret).matches(FROM_THE_ENVIRONMENT);
        }
        for (String client : List.of("gateway", "registration-service")) {
            assertThat(COMPOSE.environment(client)).as("%s's client secret", client)
                .hasEntrySatisfying(client.equals("gateway") ? "GATEWAY_CLIENT_SECRET" : "KEYCLOAK_ADMIN_CLIENT_SECRET",
                        value -> assertThat(value).matches(FROM_THE_ENVIRONMENT));
        }
    }

    @Test
    void keycloakImportsTheRealmFileOfTheRepository() {
        List<String> imports = COMPOSE.volumes("keycloak")
            .stream()
            .filter(volume -> volume.contains(":/opt/keycloak/data/import/"))
            .toList();

        assertThat(imports).as("realm import mounts").hasSize(1);
        String source = imports.get(0).substring(0, imports.get(0).indexOf(':'));
        assertThat(source).isEqualTo("./identity/realm-sdn.json");
        assertThat(ROOT.resolve(source)).as("mounted realm file").isRegularFile();
        assertThat(realmName()).isEqualTo("sdn");
    }

    @Test
    void keycloakLoadsTheRealmsProvidersJar() {
        assertThat(COMPOSE.volumes("keycloak")).as("the realm names the validator sdn-fixed-after-registration, which this jar provides")
            .contains("./identity/keycloak-extension/target/sdn-keycloak-extension.jar:/opt/keycloak/providers/sdn-keycloak-extension.jar:ro");
    }

    @Test
    void infrastructureImagesComeFromVariablesWithTheOfficialImagesAsDefaults() {
        OFFICIAL_IMAGES.forEach((service, image) -> assertThat(String.valueOf(COMPOSE.service(service).get("image")))
            .as("image of %s", service)
            .matches("\\$\\{[A-Z_]+:-" + Pattern.quote(image) + "}"));
        assertThat(String.valueOf(COMPOSE.service(mailCatcher()).get("image"))).as("image of the mail catcher")
            .matches("\\$\\{[A-Z_]+:-(axllent/mailpit|mailhog/mailhog)(:\\S+)?}");
    }

    @Test
    void mongoInitiatesItsSingleNodeReplicaSetUnderItsComposeName() {
        assertThat(COMPOSE.command("mongo")).contains("--replSet rs0");
        assertThat(COMPOSE.healthcheck("mongo")).contains("rs.initiate")
            .contains("_id: 'rs0'")
            .contains("host: 'mongo:27017'");
    }

    @Test
    void kafkaRunsKraftAloneWithoutCreatingTopicsOnDemand() {
        Map<String, String> kafka = COMPOSE.environment("kafka");

        assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
            .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
        assertThat(COMPOSE.healthcheck("kafka")).contains("--bootstrap-server localhost:9092");
    }

    @Test
    void notificationServiceSendsMailToTheCatcherOnceItIsHealthy() {
        assertThat(COMPOSE.environmentValue("notification-service", "SMTP_HOST")).isEqualTo(mailCatcher());
        assertThat(COMPOSE.environmentValue("notification-service", "SMTP_PORT")).isEqualTo("1025");
        assertThat(COMPOSE.dependsOn("notification-service")).containsEntry(mailCatcher(), "service_healthy");
    }

    private static String mailCatcher() {
        return COMPOSE.services()
            .entrySet()
            .stream()
            .filter(e -> String.valueOf(ComposeFile.map(e.getValue(), e.getKey()).get("image")).matches(".*(mailpit|mailhog).*"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("docker-compose.yml has no mail catcher (Mailpit or MailHog)"));
    }

    private static String realmName() {
        try {
            Matcher realm = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(Files.readString(ROOT.resolve("identity/realm-sdn.json")));
            assertThat(realm.find()).as("realm name in identity/realm-sdn.json").isTrue();
            return realm.group(1);
        }
        catch (IOException ex) {
            throw new AssertionError("cannot read identity/realm-sdn.json", ex);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
