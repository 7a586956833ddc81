package ml.sdn.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The command line and environment of {@code ./run-local.sh}, parsed without side effects. */
public record LauncherOptions(
        boolean help,
        boolean reset,
        boolean infraOnly,
        int portOffset,
        Map<String, Integer> portOverrides,
        Path dataDir,
        Path repoRoot,
        Duration timeout,
        String mongoUri,
        String kafkaBootstrap,
        String issuerUri,
        String jwkSetUri,
        String adminUser,
        String adminPassword,
        Map<ServiceModule, Integer> replicas,
        Set<String> smtpRefusedDomains) {

    /** At most this many instances of one service. */
    public static final int MAX_REPLICAS = 3;

    public static final String USAGE = """
            Usage: ./run-local.sh [--build] [options]
            Starts the whole platform on 127.0.0.1 and waits until it is healthy; Ctrl-C stops it.

              --build              (run-local.sh only) build the jars first, even if they exist
              --infra-only         start only Kafka, Keycloak, the MongoDB-protocol store, the SMTP sink and the SMSC
              --reset              wipe the data directory first (Keycloak is re-imported from identity/)
              --port-offset=N      add N to every port (e.g. 20000 to run beside another stack)
              --<name>-port=N      set one port; names: %s
              --data-dir=PATH      where data and logs live (default <repo>/.local-stack)
              --repo-root=PATH     the checkout (default: found from the jar or the working directory)
              --replicas SERVICE=N run N instances of a service (2 or 3; comma-separated for several), the gateway
                                   balancing over them; the second on its port + 1000 (e.g. registration-service=2:
                                   8081 and 9081); gateway=2 a second gateway on 8090 (metrics 9090) beside 8080,
                                   sharing the browser sessions; all=2 every service, the portal and the gateway
              --timeout=SECONDS    give up when not healthy after this long (default 600)
              --smtp-refuse=DOMAIN the SMTP sink refuses every recipient of DOMAIN (comma-separated for several) with
                                   a permanent 550, as a mail server refuses an unknown mailbox: to see a failed
                                   e-mail on /organizer/deliveries and « Renvoyer l'e-mail » (default: none refused)
              -h, --help           this text

            Environment:
              MONGODB_URI               use this MongoDB instead of the embedded store
              KAFKA_BOOTSTRAP_SERVERS   use this Kafka instead of starting a broker
              KEYCLOAK_ISSUER_URI       use this Keycloak realm (issuer) instead of starting Keycloak
              KEYCLOAK_JWK_SET_URI      its key set (default <issuer>/protocol/openid-connect/certs)
              KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD
                                        Keycloak's bootstrap admin (default admin / admin, development only)
            """.formatted(String.join(", ", PortPlan.defaults().byName().keySet()));

    public static LauncherOptions parse(String[] args, Map<String, String> env) {
        boolean help = false;
        boolean reset = false;
        boolean infraOnly = false;
        int portOffset = 0;
        Map<String, Integer> overrides = new LinkedHashMap<>();
        Path dataDir = null;
        Path repoRoot = null;
        Duration timeout = Duration.ofSeconds(600);
        Map<ServiceModule, Integer> replicas = new LinkedHashMap<>();
        Set<String> smtpRefused = new TreeSet<>();
        List<String> names = new ArrayList<>(PortPlan.defaults().byName().keySet());

        List<String> list = new ArrayList<>(Arrays.asList(args));
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            String key = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                key = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (key) {
                case "-h", "--help" -> help = true;
                case "--reset" -> reset = true;
                case "--infra-only" -> infraOnly = true;
                // consumed by run-local.sh; harmless when passed to the jar directly
                case "--build" -> { }
                case "--port-offset" -> {
                    value = value != null ? value : next(list, ++i, key);
                    portOffset = integer(key, value);
                }
                case "--replicas" -> replicas.putAll(replicas(value != null ? value : next(list, ++i, key)));
                case "--data-dir" -> dataDir = Path.of(value != null ? value : next(list, ++i, key));
                case "--repo-root" -> repoRoot = Path.of(value != null ? value : next(list, ++i, key));
                case "--smtp-refuse" -> smtpRefused.addAll(SmtpSink.domains(value != null ? value : next(list, ++i, key)));
                case "--timeout" -> {
                    value = value != null ? value : next(list, ++i, key);
                    timeout = Duration.ofSeconds(integer(key, value));
                }
                default -> {
                    String name = key.startsWith("--") && key.endsWith("-port")
                            ? key.substring(2, key.length() - "-port".length()) : null;
                    if (name == null || !names.contains(name)) {
                        throw new IllegalArgumentException("unknown option: " + arg);
                    }
                    value = value != null ? value : next(list, ++i, key);
                    overrides.put(name, integer(key, value));
                }
            }
        }
        return new LauncherOptions(help, reset, infraOnly, portOffset, Map.copyOf(overrides), dataDir, repoRoot,
                timeout, blankToNull(env.get("MONGODB_URI")), blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(env.get("KEYCLOAK_ISSUER_URI")), blankToNull(env.get("KEYCLOAK_JWK_SET_URI")),
                env.getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"), Map.copyOf(replicas), Set.copyOf(smtpRefused));
    }

    /** {@code registration-service=2,competition-service=2}. */
    static Map<ServiceModule, Integer> replicas(String value) {
        Map<ServiceModule, Integer> replicas = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--replicas needs SERVICE=N, got '" + entry.strip() + "'");
            }
            String name = entry.substring(0, eq).strip();
            int count = integer("--replicas", entry.substring(eq + 1));
            if (count < 1 || count > MAX_REPLICAS) {
                throw new IllegalArgumentException("--replicas: " + name + " can run 1 to " + MAX_REPLICAS
                        + " instances, not " + count);
            }
            for (ServiceModule module : modulesNamed(name)) {
                replicas.put(module, count);
            }
        }
        return replicas;
    }

    /** {@code all}: every service, the portal and the gateway; {@code gateway}; or one service by its module name. */
    private static List<ServiceModule> modulesNamed(String name) {
        if (name.equals("all")) {
            List<ServiceModule> all = new ArrayList<>(ServiceModule.services());
            all.add(ServiceModule.GATEWAY);
            return all;
        }
        if (name.equals(ServiceModule.GATEWAY.moduleName())) {
            return List.of(ServiceModule.GATEWAY);
        }
        return List.of(ServiceModule.named(name));
    }

    /** The offset moves the contract's defaults; single-port options then win. */
    public PortPlan ports() {
        PortPlan plan = PortPlan.defaults().offsetBy(portOffset);
        for (Map.Entry<String, Integer> override : portOverrides.entrySet()) {
            plan = plan.with(override.getKey(), override.getValue());
        }
        return plan;
    }

    public LocalStack.Builder toBuilder() {
        LocalStack.Builder builder = LocalStack.builder()
                .ports(ports())
                .infraOnly(infraOnly)
                .reset(reset)
                .startupTimeout(timeout)
                .externalMongoUri(mongoUri)
                .externalKafka(kafkaBootstrap)
                .externalKeycloak(issuerUri, jwkSetUri)
                .keycloakAdmin(adminUser, adminPassword)
                .replicas(replicas)
                .smtpRefusedDomains(smtpRefusedDomains);
        if (repoRoot != null) {
            builder.repoRoot(repoRoot);
        }
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        return builder;
    }

    private static String next(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
