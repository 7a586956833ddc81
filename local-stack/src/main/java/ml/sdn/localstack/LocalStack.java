package ml.sdn.localstack;

import com.icegreen.greenmail.util.GreenMail;
import ml.sdn.smsc.SmppSink;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform on one machine, bound to 127.0.0.1: a real Kafka broker and a real Keycloak as
 * child processes, the MongoDB-protocol store, an SMTP sink and an SMPP sink (the local SMSC) in this JVM, then the four services and
 * the gateway. {@link #start()} blocks until everything is healthy; {@link #close()} stops everything
 * this instance started. Used by {@link Main} and, as a library, by the end-to-end tests:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().dataDir(tmp).portOffset(20000).build()) {
 *     stack.start();
 *     ... stack.gatewayUrl(), stack.issuerUri(), stack.receivedMails() ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private final Settings settings;
    private final PrintStream out;
    private final StackEndpoints endpoints;
    private final List<AutoCloseable> inJvm = new ArrayList<>();
    // read by the recorder thread while the parts start
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private EmbeddedMongoStore mongo;
    private SmtpSink smtp;
    private SmppSink smsc;
    private volatile KafkaBroker kafka;
    private volatile KeycloakServer keycloak;
    private volatile ServiceProcess gateway;
    /** Instances per service beyond the first: from the options, and those {@link #startReplica} added. */
    private final Map<ServiceModule, Integer> replicas = new java.util.concurrent.ConcurrentHashMap<>();
    private final LeftoverProcesses leftovers;
    private final ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-stack-record");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread shutdownHook = new Thread(this::close, "local-stack-stop");
    private volatile boolean closed;
    private boolean recordFailed;
    private Duration startupTime;

    private LocalStack(Settings settings) {
        preloadClasses();
        this.settings = settings;
        this.out = settings.out;
        StackEndpoints e = StackEndpoints.local(settings.ports);
        if (settings.externalMongoUri != null) {
            e = e.withMongoUri(settings.externalMongoUri);
        }
        if (settings.externalKafkaBootstrap != null) {
            e = e.withKafkaBootstrap(settings.externalKafkaBootstrap);
        }
        if (settings.externalIssuerUri != null) {
            e = e.withIssuer(settings.externalIssuerUri, settings.externalJwkSetUri);
        }
        this.endpoints = e;
        this.leftovers = new LeftoverProcesses(settings.dataDir);
        this.replicas.putAll(settings.replicas);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every part and blocks until all are healthy; on failure stops what was started and throws. */
    public void start() {
        StartupMonitor monitor = new StartupMonitor(out, settings.startupTimeout, settings.progressInterval);
        // also when a test JVM ends without calling close(): no Kafka or Keycloak left behind
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startParts(monitor);
            startupTime = monitor.elapsed();
            recordProcesses();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startParts(StartupMonitor monitor) {
        checkPrerequisites();
        // before a reset, which would delete the record of them
        leftovers.stopLeftovers(out);
        // wrappers spawn their real process late (kc.sh restarts Keycloak after a build): keep the record current
        recorder.scheduleWithFixedDelay(this::recordQuietly, 2, 2, TimeUnit.SECONDS);
        if (settings.reset) {
            reset();
        }
        checkPortsFree();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logs = logsDir();

        if (runsLocalMongo()) {
            mongo = new EmbeddedMongoStore(settings.dataDir.resolve("mongo").resolve("store.mv"), settings.ports.mongo());
            mongo.start();
            inJvm.add(mongo);
            out.println("  ✓ mongo store            listening on " + endpoints.mongoUri() + " (embedded)");
        }
        smtp = new SmtpSink(settings.ports.smtp(), logs.resolve("smtp.log"), out, settings.smtpRefusedDomains);
        smtp.start();
        inJvm.add(smtp);
        out.println("  ✓ smtp sink              listening on 127.0.0.1:" + settings.ports.smtp()
                + (settings.smtpRefusedDomains.isEmpty() ? "" : ", refusing " + String.join(", ", settings.smtpRefusedDomains)));
        smsc = new SmppSink(StackEndpoints.LOOPBACK, settings.ports.smsc(), logs.resolve("sms.log"), out);
        try {
            smsc.start();
        } catch (RuntimeException e) {
            throw new StackStartException("could not start the SMPP sink on port " + settings.ports.smsc() + ": " + e.getMessage(), e);
        }
        inJvm.add(smsc);
        out.println("  ✓ smsc (SMPP sink)       listening on 127.0.0.1:" + settings.ports.smsc());

        // Keycloak first: it is the slowest, and Kafka's one-time format runs while it boots.
        StartingPart identity;
        if (runsLocalKeycloak()) {
            keycloak = new KeycloakServer(keycloakDistribution(), keycloakHome(), realmFile(), keycloakExtension(), themeDir(), logs,
                    settings.ports, settings.adminUser, settings.adminPassword, KeycloakBuildCache.inUserCache(), out);
            keycloak.start();
            identity = keycloak;
        } else {
            identity = new ExternalPart("keycloak (external)",
                    () -> HttpProbe.isOk(endpoints.issuerUri() + "/.well-known/openid-configuration"));
        }
        monitor.track(identity);
        leftovers.record(children().values());

        StartingPart broker;
        if (runsLocalKafka()) {
            kafka = new KafkaBroker(kafkaLibDir(), settings.dataDir.resolve("kafka"), logs, settings.ports, javaBin);
            kafka.start(out);
            broker = kafka;
        } else {
            KafkaProbe probe = new KafkaProbe(endpoints.kafkaBootstrap());
            inJvm.add(probe);
            broker = new ExternalPart("kafka (external)", probe::probe);
        }
        monitor.track(broker);
        leftovers.record(children().values());
        out.println("  Waiting for " + broker.name() + " and " + identity.name() + "…");
        monitor.awaitReady(List.of(broker));

        if (settings.infraOnly) {
            monitor.awaitReady(List.of(identity));
            return;
        }
        for (ServiceModule module : ServiceModule.services()) {
            for (int instance = 1; instance <= replicas.getOrDefault(module, 1); instance++) {
                ServiceProcess service = serviceProcess(module, instance, javaBin);
                service.start();
                services.add(service);
                monitor.track(service);
            }
        }
        leftovers.record(children().values());
        out.println("  Started " + services.size() + " services; waiting for them and " + identity.name() + "…");
        List<StartingPart> beforeGateway = new ArrayList<>(services);
        beforeGateway.add(identity);
        monitor.awaitReady(beforeGateway);

        // last: its OAuth2 client reads Keycloak's discovery document when it starts
        gateway = serviceProcess(ServiceModule.GATEWAY, javaBin);
        gateway.start();
        monitor.track(gateway);
        List<StartingPart> gateways = new ArrayList<>(List.of(gateway));
        for (int instance = 2; instance <= replicas.getOrDefault(ServiceModule.GATEWAY, 1); instance++) {
            ServiceProcess another = serviceProcess(ServiceModule.GATEWAY, instance, javaBin);
            another.start();
            services.add(another);
            monitor.track(another);
            gateways.add(another);
        }
        leftovers.record(children().values());
        monitor.awaitReady(gateways);
    }

    private ServiceProcess serviceProcess(ServiceModule module, String javaBin) {
        return new ServiceProcess(module, settings.repoRoot.resolve(module.jarPath()), () -> environment(module, 1), logsDir(),
                javaBin, settings.ports.servicePort(module));
    }

    /** A service's {@code instance}-th instance (1: the service itself); the others on their own ports, logs and names. */
    private ServiceProcess serviceProcess(ServiceModule module, int instance, String javaBin) {
        if (instance == 1) {
            return serviceProcess(module, javaBin);
        }
        return new ServiceProcess(settings.repoRoot.resolve(module.jarPath()), () -> environment(module, instance), logsDir(),
                javaBin, settings.ports.servicePort(module, instance), module.moduleName() + "-" + instance);
    }

    /**
     * An instance's environment as it starts: the addresses of every instance running at that moment (a gateway or
     * portal restarted after {@link #addReplica} balances over the added one too).
     */
    private synchronized Map<String, String> environment(ServiceModule module, int instance) {
        Map<String, String> environment = new LinkedHashMap<>(ChildEnvironments.forModule(module, endpoints, replicas));
        if (instance > 1) {
            environment.put("SERVER_PORT", Integer.toString(settings.ports.servicePort(module, instance)));
            if (module == ServiceModule.GATEWAY) {
                environment.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(settings.ports.gatewayManagement(instance)));
            }
        }
        return environment;
    }

    /** Fails before anything starts when a jar, the Kafka libraries or the Keycloak zip is missing. */
    private void checkPrerequisites() {
        List<String> missing = new ArrayList<>();
        if (runsLocalKafka() && !Files.isDirectory(kafkaLibDir())) {
            missing.add(kafkaLibDir() + " (the Kafka broker's jars)");
        }
        if (runsLocalKeycloak()) {
            if (!Files.isRegularFile(realmFile())) {
                missing.add(realmFile() + " (the realm file)");
            }
            if (!Files.isRegularFile(keycloakExtension())) {
                missing.add(keycloakExtension() + " (the realm's Keycloak providers)");
            }
            if (!Files.isRegularFile(keycloakHome().resolve("bin/kc.sh")) && !Files.isRegularFile(keycloakDistribution())) {
                missing.add(keycloakDistribution() + " (the Keycloak distribution)");
            }
        }
        if (!settings.infraOnly) {
            Stream.concat(ServiceModule.services().stream(), Stream.of(ServiceModule.GATEWAY))
                    .map(module -> settings.repoRoot.resolve(module.jarPath()))
                    .filter(jar -> !Files.isRegularFile(jar))
                    .forEach(jar -> missing.add(jar.toString()));
        }
        if (!missing.isEmpty()) {
            throw new StackStartException("missing build output:\n    " + String.join("\n    ", missing)
                    + "\n  Build it first:  ./mvnw -B -DskipTests install   (or ./run-local.sh --build)");
        }
    }

    private void checkPortsFree() {
        Map<String, Integer> toBind = new LinkedHashMap<>(settings.ports.byName());
        if (settings.infraOnly) {
            Stream.of(PortPlan.GATEWAY, PortPlan.REGISTRATION, PortPlan.COMPETITION, PortPlan.INCUBATION,
                    PortPlan.NOTIFICATION).forEach(toBind::remove);
        } else {
            replicas.forEach((module, count) -> {
                for (int instance = 2; instance <= count; instance++) {
                    toBind.put(module.moduleName() + "-" + instance, settings.ports.servicePort(module, instance));
                    if (module == ServiceModule.GATEWAY) {
                        toBind.put(PortPlan.GATEWAY_MANAGEMENT + "-" + instance, settings.ports.gatewayManagement(instance));
                    }
                }
            });
        }
        if (!runsLocalMongo()) {
            toBind.remove(PortPlan.MONGO);
        }
        if (!runsLocalKafka()) {
            toBind.remove(PortPlan.KAFKA);
            toBind.remove(PortPlan.KAFKA_CONTROLLER);
        }
        if (!runsLocalKeycloak()) {
            toBind.remove(PortPlan.KEYCLOAK);
            toBind.remove(PortPlan.KEYCLOAK_MANAGEMENT);
        }
        List<String> busy = toBind.entrySet().stream()
                .filter(entry -> !isFree(entry.getValue()))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .toList();
        if (!busy.isEmpty()) {
            throw new StackStartException("port(s) already in use on 127.0.0.1: " + String.join(", ", busy)
                    + "\n  Is another local stack running? Stop it, or move this one with --port-offset=N.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // like the servers themselves: connections in TIME_WAIT from a previous run do not make a port busy
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(StackEndpoints.LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Wipes the data directory; the unpacked Keycloak distribution stays (minus its database). */
    private void reset() {
        out.println("  Resetting " + settings.dataDir + " (keeping the unpacked Keycloak distribution)…");
        try {
            if (!Files.exists(settings.dataDir)) {
                return;
            }
            Path keep = keycloakHome();
            try (Stream<Path> children = Files.list(settings.dataDir)) {
                for (Path child : children.toList()) {
                    if (!child.equals(keep)) {
                        KeycloakServer.deleteRecursively(child);
                    }
                }
            }
            KeycloakServer.deleteRecursively(keep.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset " + settings.dataDir, e);
        }
    }

    /** Stops, in reverse order, everything this instance started. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        recorder.shutdownNow();
        stopQuietly(gateway);
        services.parallelStream().forEach(LocalStack::stopQuietly);
        CompletableFuture<Void> kc = CompletableFuture.runAsync(() -> stopQuietly(keycloak));
        stopQuietly(kafka);
        kc.join();
        for (int i = inJvm.size() - 1; i >= 0; i--) {
            stopQuietly(inJvm.get(i));
        }
        try {
            leftovers.forget();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | UncheckedIOException shuttingDownOrGone) {
            // the JVM is already stopping (this may be the hook itself)
        }
    }

    /** One part that cannot be stopped must not keep the others running. */
    private static void stopQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Throwable e) {
            System.err.println("  could not stop " + part + ": " + e);
        }
    }

    /**
     * Loads every launcher class now: a rebuild while the stack runs replaces the jar, and a class first
     * loaded from the new jar (during Ctrl-C, say) fails and leaves children behind.
     */
    static void preloadClasses() {
        ClassLoader loader = LocalStack.class.getClassLoader();
        String prefix = LocalStack.class.getPackageName().replace('.', '/') + "/";
        try {
            var source = LocalStack.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return;
            }
            Path location = Path.of(source.getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isRegularFile(location)) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName)
                            .filter(name -> name.startsWith(prefix) && name.endsWith(".class"))
                            .forEach(names::add);
                }
            } else {
                try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                    files.filter(file -> file.toString().endsWith(".class"))
                            .forEach(file -> names.add(location.relativize(file).toString().replace('\\', '/')));
                }
            }
            for (String name : names) {
                Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
            }
        } catch (Exception | LinkageError e) {
            // best effort: without it only a rebuild during a run can hurt
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Adds what the children have spawned since to the record a next start reads after a kill -9. */
    synchronized void recordProcesses() {
        if (!closed) {
            leftovers.record(children().values());
        }
    }

    private void recordQuietly() {
        try {
            recordProcesses();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule; the records written at each part's start still hold
            if (!recordFailed) {
                recordFailed = true;
                System.err.println("  could not update " + settings.dataDir.resolve("children.pids") + ": " + e);
            }
        }
    }

    /** The child processes (with their descendants) by name, for the exit watcher and the memory report. */
    Map<String, ChildProcess> children() {
        Map<String, ChildProcess> children = new LinkedHashMap<>();
        Stream.concat(Stream.of(kafka, keycloak), Stream.concat(services.stream(), Stream.of(gateway)))
                .filter(Objects::nonNull)
                .forEach(part -> part.process().ifPresent(child -> children.put(part.name(), child)));
        return children;
    }

    private boolean runsLocalMongo() {
        return settings.externalMongoUri == null;
    }

    private boolean runsLocalKafka() {
        return settings.externalKafkaBootstrap == null;
    }

    private boolean runsLocalKeycloak() {
        return settings.externalIssuerUri == null;
    }

    boolean startsKeycloak() {
        return runsLocalKeycloak();
    }

    boolean startsMongo() {
        return runsLocalMongo();
    }

    private Path kafkaLibDir() {
        return settings.repoRoot.resolve("local-stack/target/lib");
    }

    private Path themeDir() {
        return settings.repoRoot.resolve("identity").resolve("theme").resolve(KeycloakServer.THEME_NAME);
    }

    private Path realmFile() {
        return settings.repoRoot.resolve("identity").resolve(KeycloakServer.REALM_FILE_NAME);
    }

    /** The realm's providers (the country fixed at sign-up), built by identity/keycloak-extension. */
    private Path keycloakExtension() {
        return settings.repoRoot.resolve("identity/keycloak-extension/target/sdn-keycloak-extension.jar");
    }

    private Path keycloakHome() {
        return settings.dataDir.resolve("keycloak-" + Versions.keycloak());
    }

    /** Copied next to the jar at package time; the local Maven repository is the fallback. */
    private Path keycloakDistribution() {
        String file = "keycloak-quarkus-dist-" + Versions.keycloak() + ".zip";
        Path packaged = settings.repoRoot.resolve("local-stack/target/keycloak").resolve(file);
        if (Files.isRegularFile(packaged)) {
            return packaged;
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", Versions.keycloak(), file);
    }

    private Path logsDir() {
        return settings.dataDir.resolve("logs");
    }

    /**
     * A second gateway instance beside the stack's own, on {@code port}, with the same settings: the
     * replica an operator runs behind a load balancer (both read the browser sessions from the store).
     * Its log is {@code logs/gateway-<port>.log}; the caller stops it by closing it.
     */
    public AutoCloseable startAnotherGateway(int port, Duration timeout) {
        Map<String, String> environment = new LinkedHashMap<>(ChildEnvironments.forModule(ServiceModule.GATEWAY, endpoints, replicas));
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("GATEWAY_MANAGEMENT_PORT", "0"); // any free port: its probes answer on SERVER_PORT
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServiceProcess gateway = new ServiceProcess(settings.repoRoot.resolve(ServiceModule.GATEWAY.jarPath()),
                environment, logsDir(), javaBin, port, "gateway-" + port);
        gateway.start();
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (!ready(gateway)) {
                if (Instant.now().isAfter(deadline) || gateway.process().map(child -> !child.isAlive()).orElse(true)) {
                    throw new StackStartException("the second gateway on port " + port + " was not ready within " + timeout
                            + "; see " + logsDir().resolve("gateway-" + port + ".log"));
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gateway.close();
            throw new StackStartException("interrupted while the second gateway started");
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    /**
     * One more instance of {@code module} beside those running (its second on the service's port + 1000; a gateway's
     * on its port + 10), started and ready; stopped with the stack. A running gateway or portal keeps the addresses it
     * started with: one started (or restarted) after this (a replica of the gateway, {@link #startAnotherGateway})
     * balances over every instance.
     */
    public Instance startReplica(ServiceModule module, Duration timeout) {
        Instance handle = addReplica(module);
        handle.awaitReady(timeout);
        return handle;
    }

    /**
     * Like {@link #startReplica} without waiting: its process is started, {@link Instance#awaitReady} waits. Several
     * added at once boot side by side.
     */
    public synchronized Instance addReplica(ServiceModule module) {
        int instance = replicas.getOrDefault(module, 1) + 1;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServiceProcess service = serviceProcess(module, instance, javaBin);
        replicas.put(module, instance);
        services.add(service);
        service.start();
        recordProcesses();
        return new RunningInstance(service, settings.ports.servicePort(module, instance));
    }

    /**
     * Stops the last instance {@link #addReplica} (or {@code --replicas}) added and forgets it: a gateway started later
     * no longer lists it. The first instance stays.
     */
    public synchronized void removeReplica(ServiceModule module) {
        int instance = replicas.getOrDefault(module, 1);
        if (instance < 2) {
            throw new IllegalArgumentException(module.moduleName() + " runs one instance: nothing to remove");
        }
        ServiceProcess service = process(module.moduleName() + "-" + instance)
                .orElseThrow(() -> new IllegalStateException("no instance " + module.moduleName() + "-" + instance));
        stopQuietly(service);
        services.remove(service);
        if (instance == 2) {
            replicas.remove(module);
        } else {
            replicas.put(module, instance - 1);
        }
        recordProcesses();
    }

    /** How many instances of the service run (1 unless {@code --replicas} or {@link #startReplica} asked more). */
    public int replicas(ServiceModule module) {
        return replicas.getOrDefault(module, 1);
    }

    /** The {@code instance}-th running instance of a service or the gateway (1: the first), to stop, kill and start again. */
    public Instance instance(ServiceModule module, int instance) {
        String name = instance == 1 ? module.moduleName() : module.moduleName() + "-" + instance;
        return process(name).map(service -> (Instance) new RunningInstance(service, settings.ports.servicePort(module, instance)))
                .orElseThrow(() -> new IllegalArgumentException("no instance " + name + " in this stack"));
    }

    /**
     * An instance by its name as the launcher prints it and names its log: {@code registration-service} (the first),
     * {@code registration-service-2}, {@code gateway}, {@code gateway-2}.
     */
    public Instance instance(String name) {
        for (ServiceModule module : ServiceModule.values()) {
            for (int instance = 1; instance <= LauncherOptions.MAX_REPLICAS; instance++) {
                if (name.equals(instance == 1 ? module.moduleName() : module.moduleName() + "-" + instance)) {
                    return instance(module, instance);
                }
            }
        }
        throw new IllegalArgumentException("no instance " + name + " in this stack");
    }

    private java.util.Optional<ServiceProcess> process(String name) {
        return Stream.concat(services.stream(), Stream.ofNullable(gateway)).filter(service -> service.name().equals(name)).findFirst();
    }

    /** One instance of a service, as an operator handles it during a rolling redeploy. */
    public interface Instance {

        String name();

        /** Its own address, bypassing the gateway. */
        String url();

        /** SIGTERM, as an orchestrator stops a container: the service shuts down gracefully; waits until it has exited. */
        void stop();

        /** SIGKILL: gone at once, with whatever it had in flight. */
        void kill();

        /** Starts it again (same port, same log) and waits until its readiness probe answers. */
        void start(Duration timeout);

        /** Waits until its readiness probe answers (after {@link #addReplica}); fails if it exits or the time is up. */
        void awaitReady(Duration timeout);

        /** {@link #stop()} then {@link #start}: one step of a rolling redeploy. */
        default void restart(Duration timeout) {
            stop();
            start(timeout);
        }
    }

    private final class RunningInstance implements Instance {

        private final ServiceProcess service;
        private final int port;

        RunningInstance(ServiceProcess service, int port) {
            this.service = service;
            this.port = port;
        }

        @Override
        public String name() {
            return service.name();
        }

        @Override
        public String url() {
            return "http://" + StackEndpoints.LOOPBACK + ":" + port;
        }

        @Override
        public void stop() {
            service.close();
        }

        @Override
        public void kill() {
            service.kill();
        }

        @Override
        public void start(Duration timeout) {
            service.start();
            awaitReady(timeout);
        }

        @Override
        public void awaitReady(Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            try {
                while (!ready(service)) {
                    if (Instant.now().isAfter(deadline) || service.process().map(child -> !child.isAlive()).orElse(true)) {
                        throw new StackStartException(service.name() + " was not ready within " + timeout + "; see "
                                + logsDir().resolve(service.name() + ".log"));
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while " + service.name() + " started");
            }
            recordProcesses();
        }
    }

    /** Not listening yet reads as not ready, like the start-up monitor's probes. */
    private static boolean ready(StartingPart part) {
        try {
            return part.probe();
        } catch (Exception notYet) {
            return false;
        }
    }

    // --- what callers need to reach the stack -------------------------------------------------------

    public StackEndpoints endpoints() {
        return endpoints;
    }

    public PortPlan ports() {
        return settings.ports;
    }

    public Path dataDir() {
        return settings.dataDir;
    }

    public Path logsDirectory() {
        return logsDir();
    }

    public boolean infraOnly() {
        return settings.infraOnly;
    }

    /** How long {@link #start()} took; null before it returned. */
    public Duration startupTime() {
        return startupTime;
    }

    public String gatewayUrl() {
        return endpoints.gatewayUrl();
    }

    /** The service's own address (its actuator lives there too), bypassing the gateway. */
    public String serviceUrl(ServiceModule module) {
        return endpoints.serviceUrl(module);
    }

    /** Keycloak's base URL, e.g. {@code http://localhost:8180}; for an external issuer, the part before /realms/. */
    public String keycloakUrl() {
        String issuer = endpoints.issuerUri();
        int realms = issuer.indexOf("/realms/");
        return realms < 0 ? issuer : issuer.substring(0, realms);
    }

    public String issuerUri() {
        return endpoints.issuerUri();
    }

    public String jwkSetUri() {
        return endpoints.jwkSetUri();
    }

    public String tokenEndpoint() {
        return endpoints.tokenEndpoint();
    }

    public String kafkaBootstrap() {
        return endpoints.kafkaBootstrap();
    }

    public String mongoUri() {
        return endpoints.mongoUri();
    }

    public int smtpPort() {
        return endpoints.smtpPort();
    }

    public int smscPort() {
        return settings.ports.smsc();
    }

    /** The local SMSC itself, for tests: {@code messages()}, every SMS taken (reassembled), oldest first. */
    public SmppSink smsc() {
        if (smsc == null) {
            throw new IllegalStateException("the SMPP sink is not started");
        }
        return smsc;
    }

    /** The SMTP sink itself, for tests: {@code waitForIncomingEmail}, {@code getReceivedMessages}, … */
    public GreenMail greenMail() {
        if (smtp == null) {
            throw new IllegalStateException("the SMTP sink is not started");
        }
        return smtp.greenMail();
    }

    public MimeMessage[] receivedMails() {
        return greenMail().getReceivedMessages();
    }

    String adminUser() {
        return settings.adminUser;
    }

    String adminPassword() {
        return settings.adminPassword;
    }

    private record ExternalPart(String name, Probe check) implements StartingPart {
        @Override
        public boolean probe() throws Exception {
            return check.probe();
        }
    }

    @FunctionalInterface
    private interface Probe {
        boolean probe() throws Exception;
    }

    private static final class Settings {
        Path repoRoot;
        Path dataDir;
        PortPlan ports = PortPlan.defaults();
        boolean infraOnly;
        boolean reset;
        String externalMongoUri;
        String externalKafkaBootstrap;
        String externalIssuerUri;
        String externalJwkSetUri;
        String adminUser = "admin";
        String adminPassword = "admin";
        Map<ServiceModule, Integer> replicas = Map.of();
        Set<String> smtpRefusedDomains = Set.of();
        PrintStream out = System.out;
        Duration startupTimeout = Duration.ofMinutes(10);
        Duration progressInterval = Duration.ofSeconds(5);
    }

    /** Defaults: contract ports, repository found from this jar or the working directory, data in {@code <repo>/.local-stack}. */
    public static final class Builder {

        private final Settings settings = new Settings();
        private Integer portOffset;

        private Builder() {
        }

        public Builder repoRoot(Path repoRoot) {
            settings.repoRoot = repoRoot.toAbsolutePath().normalize();
            return this;
        }

        public Builder dataDir(Path dataDir) {
            settings.dataDir = dataDir.toAbsolutePath().normalize();
            return this;
        }

        /** Every port of the plan moved by {@code offset} (applied when built, on top of {@link #ports}). */
        public Builder portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        public Builder ports(PortPlan ports) {
            settings.ports = ports;
            return this;
        }

        /** Kafka, Keycloak, the store, the SMTP sink and the SMSC only. */
        public Builder infraOnly(boolean infraOnly) {
            settings.infraOnly = infraOnly;
            return this;
        }

        /** Wipe the data directory before starting (the unpacked Keycloak distribution is kept). */
        public Builder reset(boolean reset) {
            settings.reset = reset;
            return this;
        }

        /** Use this MongoDB instead of the embedded store. */
        public Builder externalMongoUri(String uri) {
            settings.externalMongoUri = blankToNull(uri);
            return this;
        }

        /** Use this Kafka instead of starting a broker. */
        public Builder externalKafka(String bootstrapServers) {
            settings.externalKafkaBootstrap = blankToNull(bootstrapServers);
            return this;
        }

        /** Use this Keycloak realm instead of starting Keycloak; the key set defaults to the issuer's certs endpoint. */
        public Builder externalKeycloak(String issuerUri, String jwkSetUri) {
            settings.externalIssuerUri = blankToNull(issuerUri);
            settings.externalJwkSetUri = blankToNull(jwkSetUri);
            return this;
        }

        /** The bootstrap admin of Keycloak's master realm (development only). */
        public Builder keycloakAdmin(String user, String password) {
            settings.adminUser = Objects.requireNonNull(user);
            settings.adminPassword = Objects.requireNonNull(password);
            return this;
        }

        /** How many instances some services run (absent: one); the gateway balances over them. */
        public Builder replicas(Map<ServiceModule, Integer> replicas) {
            settings.replicas = Map.copyOf(replicas);
            return this;
        }

        public Builder output(PrintStream out) {
            settings.out = out;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            settings.startupTimeout = timeout;
            return this;
        }

        /** Domains whose recipients the SMTP sink refuses with a permanent 550 (none by default; {@code --smtp-refuse}). */
        public Builder smtpRefusedDomains(Set<String> domains) {
            settings.smtpRefusedDomains = Set.copyOf(domains);
            return this;
        }

        public Builder progressInterval(Duration interval) {
            settings.progressInterval = interval;
            return this;
        }

        public LocalStack build() {
            if (settings.repoRoot == null) {
                settings.repoRoot = RepoRoot.detect();
            }
            if (settings.dataDir == null) {
                settings.dataDir = settings.repoRoot.resolve(".local-stack");
            }
            if (portOffset != null) {
                settings.ports = settings.ports.offsetBy(portOffset);
            }
            return new LocalStack(settings);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
