package ml.sdn.localstack;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code java -jar local-stack/target/local-stack.jar [options]}: see {@link LauncherOptions#USAGE}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLibraryLogging();
        PrintStream out = System.out;
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(LauncherOptions.USAGE);
            return;
        }
        LocalStack stack;
        try {
            stack = options.toBuilder().output(out).build();
        } catch (RuntimeException e) {
            System.err.println("local stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopRequested = new AtomicBoolean();
        AtomicBoolean failed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.set(true);
            if (!failed.get()) {
                out.println("\nStopping the local stack…");
            }
            // waits if the stack's own hook is already closing it
            stack.close();
            if (!failed.get()) {
                out.println("Stopped.");
            }
            stopped.countDown();
        }, "local-stack-shutdown"));

        out.println("Starting the Semaine du Numérique local stack (ports " + stack.ports().byName() + ")");
        out.println("  data: " + stack.dataDir() + "   logs: " + stack.logsDirectory());
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stopRequested.get()) {
                // Ctrl-C while starting: the children died because the hook stopped them
                return;
            }
            failed.set(true);
            System.err.println("\nThe local stack did not start: " + e.getMessage());
            stack.close();
            System.exit(1);
            return;
        }
        out.print(Banner.render(stack));
        out.print(MemoryReport.render(stack.children()));
        watchForUnexpectedExits(stack, out);
        RestartRequests.watch(stack, out);
        stopped.await();
    }

    /**
     * A child that dies after the stack was healthy is reported once, with where to look; not one the launcher stopped
     * ({@code --restart}). Each run of an instance is its own child, so a restarted one that crashes later is reported.
     */
    private static void watchForUnexpectedExits(LocalStack stack, PrintStream out) {
        Set<ChildProcess> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-stack-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (stack.isClosed()) {
                return;
            }
            for (Map.Entry<String, ChildProcess> child : stack.children().entrySet()) {
                if (child.getValue().stopAsked()) {
                    continue;
                }
                child.getValue().exitCode().ifPresent(code -> {
                    if (reported.add(child.getValue())) {
                        out.println("\n  ! " + child.getKey() + " exited with code " + code + "\n"
                                + child.getValue().tail(20));
                    }
                });
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    /** Libraries in this JVM (Kafka's AdminClient, GreenMail, the store) log only problems. */
    private static void quietLibraryLogging() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            var config = Main.class.getResource("launcher-log4j2.xml");
            if (config != null) {
                System.setProperty("log4j2.configurationFile", config.toString());
            }
        }
        // keep logging alive until our own shutdown hook has stopped the store and the SMTP sink
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        org.slf4j.LoggerFactory.getLogger(Main.class);
    }
}
