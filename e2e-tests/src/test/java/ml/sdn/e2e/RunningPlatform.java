package ml.sdn.e2e;

import ml.sdn.localstack.LocalStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Starts the real local stack (Kafka broker, Keycloak with the sdn realm, the MongoDB-protocol store,
 * the SMTP sink, the four services and the gateway from their built jars) once for all end-to-end
 * test classes of this JVM (Failsafe runs them in {@code sdn.e2e.forks} JVMs, each with its own stack in its own
 * folder: a test never shares a stack with a test running at the same time), on the usual ports plus an offset ({@link PortOffsets}: 20000, or the next free one, unless
 * {@code sdn.e2e.port-offset} gives one), so that it never meets a developer's running stack nor another run,
 * and stops it when the test run ends.
 */
public final class RunningPlatform implements BeforeAllCallback, ParameterResolver {


    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class || parameter.getParameter().getType() == LocalStack.class;
    }

    /** A {@link Platform} to test through the gateway; the {@link LocalStack} itself where a test must reach a service directly. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class ? stack(context) : new Platform(stack(context));
    }

    /**
     * One stack per JVM, held here rather than in JUnit's root store: with several forks, Surefire runs each
     * test class in a launcher execution of its own, whose root store closes what it holds when that class
     * ends (the next class would start a new stack). The stack stops itself when the JVM ends (its shutdown hook).
     */
    /** The SMTP sink refuses every address of this domain for good (550): e-mails that fail, for the delivery log. */
    public static final String REFUSED_MAIL_DOMAIN = "refused.example.org";

    private static LocalStack running;

    private static synchronized LocalStack stack(ExtensionContext context) {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static LocalStack start() {
        Path repoRoot = Path.of(System.getProperty("sdn.repo-root", "..")).toAbsolutePath().normalize();
        Path dataDir = Path.of(System.getProperty("sdn.e2e.data-dir", "target/e2e-stack")).toAbsolutePath();
        LocalStack stack = LocalStack.builder()
                .repoRoot(repoRoot)
                .dataDir(dataDir)
                .portOffset(PortOffsets.choose(System.getProperty("sdn.e2e.port-offset"), Integer.getInteger("sdn.e2e.fork", 1), PortOffsets.CANDIDATES))
                .reset(true)
                .startupTimeout(Duration.ofMinutes(10))
                .smtpRefusedDomains(Set.of(REFUSED_MAIL_DOMAIN))
                .build();
        stack.start();
        return stack;
    }
}
