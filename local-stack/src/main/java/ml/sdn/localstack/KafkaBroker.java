package ml.sdn.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker as a child JVM, from the Kafka jars copied to local-stack/target/lib.
 * The storage is formatted once; later starts reuse the log directory.
 */
final class KafkaBroker implements StartingPart, AutoCloseable {

    static final String NAME = "kafka";
    private static final String JVM_HEAP = "-Xmx384m";

    private final Path libDir;
    private final Path kafkaDir;
    private final Path logsDir;
    private final PortPlan ports;
    private final String javaBin;
    private ChildProcess child;
    private final KafkaProbe probe;

    KafkaBroker(Path libDir, Path kafkaDir, Path logsDir, PortPlan ports, String javaBin) {
        this.libDir = libDir;
        this.kafkaDir = kafkaDir;
        this.logsDir = logsDir;
        this.ports = ports;
        this.javaBin = javaBin;
        this.probe = new KafkaProbe(bootstrap());
    }

    @Override
    public String name() {
        return NAME;
    }

    String bootstrap() {
        return StackEndpoints.LOOPBACK + ":" + ports.kafka();
    }

    /** Writes the configuration, formats the storage on the first start and launches the broker. */
    void start(PrintStream out) {
        Path logDir = kafkaDir.resolve("data");
        Path serverProperties = kafkaDir.resolve("server.properties");
        Path log4j = kafkaDir.resolve("log4j2.xml");
        try {
            Files.createDirectories(logDir);
            Files.writeString(serverProperties, KafkaServerProperties.render(ports.kafka(), ports.kafkaController(), logDir));
            try (InputStream config = KafkaBroker.class.getResourceAsStream("kafka-log4j2.xml")) {
                Files.copy(config, log4j, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            out.println("  Formatting the Kafka storage (first start only)…");
            // what `kafka-storage.sh random-uuid` prints, without starting a JVM for it
            String clusterId = Uuid.randomUuid().toString();
            ChildProcess.run("kafka storage format",
                    command(log4j, "kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId,
                            "-c", serverProperties.toString()),
                    Map.of(), kafkaDir, logsDir.resolve("kafka-format.log"), Duration.ofMinutes(2));
        }
        child = ChildProcess.start(NAME, command(log4j, "kafka.Kafka", serverProperties.toString()), Map.of(),
                kafkaDir, logsDir.resolve("kafka.log"));
    }

    private List<String> command(Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xms64m", JVM_HEAP, "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                "-cp", libDir.toAbsolutePath() + "/*",
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public boolean probe() throws Exception {
        return probe.probe();
    }

    @Override
    public Optional<ChildProcess> process() {
        return Optional.ofNullable(child);
    }

    @Override
    public void close() {
        probe.close();
        if (child != null) {
            child.stop(Duration.ofSeconds(20));
        }
    }
}
