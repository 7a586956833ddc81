package ml.sdn.e2e.containers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import ml.sdn.e2e.Platform;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole platform as containers on one network, each started from its image the way
 * docker-compose.yml runs it (same image, environment, command, network alias and health check, read
 * from that file): the third-party parts first (each after what it depends on: Keycloak after its
 * database), then the platform's own services, the gateway last. No volumes: every run starts empty.
 * Tests reach the gateway and Keycloak on the ports Testcontainers maps on the host.
 */
public final class PlatformContainers implements AutoCloseable {

    private static final String GATEWAY = "gateway";
    private static final int GATEWAY_PORT = 8080;
    private static final int KEYCLOAK_PORT = 8180;
    private static final Duration STARTUP = Duration.ofMinutes(10);
    /**
     * What compose runs beside the platform for operators and the platform does not use: Prometheus scrapes the
     * parts and needs its configuration mounted. The compose scenario starts it and checks it (ComposePrometheusIT).
     * Nor the second replicas and nginx in front of the gateways: this suite checks each part once, through one
     * gateway reached directly; the compose scenario redeploys the replicas under load (ComposeRedeployIT).
     */
    private static final Set<String> NOT_STARTED = Set.of("prometheus", "nginx", "registration-service-2", "competition-service-2",
            "incubation-service-2", "notification-service-2", "portal-2", "gateway-2");

    private final ComposeDefinition compose = ComposeDefinition.load();
    private final Network network = Network.newNetwork();
    private final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();

    void start() {
        network.getId();
        List<String> built = compose.builtServices();
        List<Startable> infrastructure = new ArrayList<>();
        List<Startable> services = new ArrayList<>();
        for (String service : platformServices()) {
            GenericContainer<?> container = container(service);
            containers.put(service, container);
            if (!built.contains(service)) {
                infrastructure.add(container);
            } else if (!service.equals(GATEWAY)) {
                services.add(container);
            }
        }
        // Keycloak waits for its database as compose makes it wait (depends_on: service_healthy)
        for (String service : platformServices()) {
            if (!built.contains(service)) {
                compose.dependencies(service).forEach(dependency -> containers.get(service).dependsOn(containers.get(dependency)));
            }
        }
        System.out.println("== containers suite: " + images());
        Startables.deepStart(infrastructure).join();
        Startables.deepStart(services).join();
        containers.get(GATEWAY).start();
    }

    private List<String> platformServices() {
        return compose.serviceNames().stream().filter(service -> !NOT_STARTED.contains(service)).toList();
    }

    private GenericContainer<?> container(String service) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(compose.image(service)))
                .withNetwork(network)
                .withNetworkAliases(service)
                .withEnv(startedInstancesOnly(compose.environment(service)))
                .waitingFor(new ComposeHealthCheck(compose.healthcheck(service), STARTUP));
        List<String> command = compose.command(service);
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        if (service.equals("keycloak")) {
            // compose mounts the realm file, the providers jar and the login theme read-only at the same places
            container.withCopyFileToContainer(MountableFile.forHostPath(ComposeDefinition.REPO_ROOT.resolve("identity/realm-sdn.json"), 0644),
                    "/opt/keycloak/data/import/realm-sdn.json");
            container.withCopyFileToContainer(MountableFile.forHostPath(
                    ComposeDefinition.REPO_ROOT.resolve("identity/keycloak-extension/target/sdn-keycloak-extension.jar"), 0644),
                    "/opt/keycloak/providers/sdn-keycloak-extension.jar");
            container.withCopyFileToContainer(MountableFile.forHostPath(ComposeDefinition.REPO_ROOT.resolve("identity/theme/sdn")),
                    "/opt/keycloak/themes/sdn");
            publishOnLoopback(container, KEYCLOAK_PORT);
        }
        if (service.equals(GATEWAY)) {
            publishOnLoopback(container, GATEWAY_PORT);
        }
        return container;
    }

    /** The gateway's lists of instances ({@code *_URIS}) without the replicas this suite does not start. */
    private static Map<String, String> startedInstancesOnly(Map<String, String> environment) {
        Map<String, String> started = new LinkedHashMap<>(environment);
        started.replaceAll((name, value) -> !name.endsWith("_URIS") ? value : String.join(",", java.util.Arrays.stream(value.split(","))
                .filter(uri -> NOT_STARTED.stream().noneMatch(part -> uri.startsWith("http://" + part + ":"))).toList()));
        return started;
    }

    /** Like compose's {@code 127.0.0.1::port}: a free host port on loopback only, never on every interface. */
    private static void publishOnLoopback(GenericContainer<?> container, int port) {
        container.withExposedPorts(port).withCreateContainerCmdModifier(command -> command.getHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(port))));
    }

    String images() {
        StringBuilder text = new StringBuilder();
        containers.forEach((service, container) -> text.append(service).append('=').append(container.getDockerImageName()).append(' '));
        return text + (ComposeDefinition.standIn() ? "(mongo and mailpit: STAND-INS for this machine only, not MongoDB/Mailpit)" : "");
    }

    Platform platform() {
        GenericContainer<?> gateway = containers.get(GATEWAY);
        GenericContainer<?> keycloak = containers.get("keycloak");
        return new Platform(new Platform.Endpoints(
                "http://" + gateway.getHost() + ":" + gateway.getMappedPort(GATEWAY_PORT),
                "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(KEYCLOAK_PORT),
                compose.environment(GATEWAY).get("KEYCLOAK_ISSUER_URI"),
                () -> {
                    throw new UnsupportedOperationException("read the mail container's log: mailLog()");
                }));
    }

    /** What the mail container printed (the stand-in prints one line per mail received). */
    String mailLog() {
        return containers.get("mailpit").getLogs();
    }

    @Override
    public void close() {
        List<String> services = new ArrayList<>(containers.keySet());
        java.util.Collections.reverse(services);
        services.forEach(service -> containers.get(service).stop());
        network.close();
    }
}
