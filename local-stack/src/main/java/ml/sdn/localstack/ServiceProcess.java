package ml.sdn.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** One of the services or the gateway: {@code java -jar <module>/target/<module>.jar} with the contract's env. */
final class ServiceProcess implements StartingPart, AutoCloseable {

    /** Small heaps and quick JIT: five Boot applications beside Kafka and Keycloak on a laptop. */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Path jar;
    /** Read at each start: a restarted gateway or portal gets the stack's addresses of that moment. */
    private final Supplier<Map<String, String>> environment;
    private final Path logsDir;
    private final String javaBin;
    private final int port;
    private final String name;
    private ChildProcess child;

    ServiceProcess(ServiceModule module, Path jar, Supplier<Map<String, String>> environment, Path logsDir, String javaBin, int port) {
        this(jar, environment, logsDir, javaBin, port, module.moduleName());
    }

    ServiceProcess(Path jar, Map<String, String> environment, Path logsDir, String javaBin, int port, String name) {
        this(jar, () -> environment, logsDir, javaBin, port, name);
    }

    /** {@code name}: the process's and its log's name, when a module runs more than once. */
    ServiceProcess(Path jar, Supplier<Map<String, String>> environment, Path logsDir, String javaBin, int port, String name) {
        this.name = name;
        this.jar = jar;
        this.environment = environment;
        this.logsDir = logsDir;
        this.javaBin = javaBin;
        this.port = port;
    }

    static List<String> command(String javaBin, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    @Override
    public String name() {
        return name;
    }

    void start() {
        // started again (a rolling restart): after what the previous run wrote
        child = ChildProcess.start(name(), command(javaBin, jar), environment.get(), jar.getParent(),
                logsDir.resolve(name() + ".log"), child != null);
    }

    String readinessUrl() {
        return "http://" + StackEndpoints.LOOPBACK + ":" + port + "/actuator/health/readiness";
    }

    @Override
    public boolean probe() throws Exception {
        return HttpProbe.isOk(readinessUrl());
    }

    @Override
    public Optional<ChildProcess> process() {
        return Optional.ofNullable(child);
    }

    /** SIGKILL to the process and its descendants, without waiting for anything. */
    void kill() {
        if (child != null) {
            child.kill();
        }
    }

    @Override
    public void close() {
        if (child != null) {
            child.stop(Duration.ofSeconds(20));
        }
    }
}
