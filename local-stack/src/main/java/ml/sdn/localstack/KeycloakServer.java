package ml.sdn.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real Keycloak distribution in dev mode (H2 file store inside its own data directory), unpacked
 * from the zip once, with the realm's providers jar (sdn-keycloak-extension) in its providers folder, and
 * started with the realm file imported. Keycloak imports a realm only when it
 * does not exist yet: a changed realm file needs {@code --reset}.
 */
final class KeycloakServer implements StartingPart, AutoCloseable {

    static final String NAME = "keycloak";
    static final String REALM_FILE_NAME = "realm-sdn.json";
    /** The realm's login theme, {@code identity/theme/sdn}. */
    static final String THEME_NAME = "sdn";

    private final Path distributionZip;
    private final Path home;
    private final Path realmFile;
    private final Path extensionJar;
    private final Path themeDir;
    private final Path logsDir;
    private final PortPlan ports;
    private final String adminUser;
    private final String adminPassword;
    private final KeycloakBuildCache buildCache;
    private final PrintStream out;
    /** The cache key of this start's build, when the build is Keycloak's own and is kept once it has started. */
    private String buildToKeep;
    private ChildProcess child;

    KeycloakServer(Path distributionZip, Path home, Path realmFile, Path extensionJar, Path themeDir, Path logsDir, PortPlan ports,
            String adminUser, String adminPassword, KeycloakBuildCache buildCache, PrintStream out) {
        this.buildCache = buildCache;
        this.out = out;
        this.distributionZip = distributionZip;
        this.home = home;
        this.realmFile = realmFile;
        this.extensionJar = extensionJar;
        this.themeDir = themeDir;
        this.logsDir = logsDir;
        this.ports = ports;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The options Keycloak's build depends on (start-dev builds for the dev profile), part of the build cache's key. */
    static final List<String> BUILD_OPTIONS = List.of("start-dev", "--health-enabled=true");

    static List<String> arguments(PortPlan ports) {
        return List.of(BUILD_OPTIONS.get(0),
                "--http-host=" + StackEndpoints.LOOPBACK,
                "--http-port=" + ports.keycloak(),
                // fixed, or the issuer follows whatever host a caller used and issuer checks fail
                "--hostname=http://localhost:" + ports.keycloak(),
                "--http-management-port=" + ports.keycloakManagement(),
                BUILD_OPTIONS.get(1),
                "--import-realm",
                // start-dev turns theme caching off and serves every theme file with no-cache: a phone would
                // download the style sheet at every sign-in. Its URL carries Keycloak's resource version, so
                // caching it a year is safe (what `start` does, with 30 days). Restart to see theme edits.
                "--spi-theme--cache-themes=true",
                "--spi-theme--static-max-age=" + THEME_STATIC_MAX_AGE_SECONDS);
    }

    /** One year: theme resources are served under a versioned path. */
    static final int THEME_STATIC_MAX_AGE_SECONDS = 31_536_000;

    /** Copies the theme into Keycloak's {@code themes/} at every start, so that an edited theme is what runs. */
    static void installTheme(Path themeDir, Path home) throws IOException {
        Path target = home.resolve("themes").resolve(THEME_NAME);
        deleteRecursively(target);
        try (var walk = Files.walk(themeDir)) {
            for (Path source : walk.toList()) {
                Path copy = target.resolve(themeDir.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static Map<String, String> environment(String javaHome, String adminUser, String adminPassword) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // development only: the bootstrap admin of the master realm
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return env;
    }

    /**
     * Where Keycloak sends its e-mails (address verification, forgotten password): the launcher's SMTP sink.
     * The realm file reads these two variables ({@code smtpServer} in identity/realm-sdn.json).
     */
    static Map<String, String> mailEnvironment(PortPlan ports) {
        return Map.of("SDN_SMTP_HOST", StackEndpoints.LOOPBACK, "SDN_SMTP_PORT", Integer.toString(ports.smtp()));
    }

    void start() {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            out.println("  Unpacking Keycloak from " + distributionZip.getFileName() + " (first start only)…");
            unpack(distributionZip, home);
        }
        prepareBuild();
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            String realm = Files.readString(realmFile, StandardCharsets.UTF_8);
            Files.writeString(importDir.resolve(REALM_FILE_NAME), RealmFile.adaptToGatewayPort(realm, ports.gateway()),
                    StandardCharsets.UTF_8);
            installTheme(themeDir, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new java.util.ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toAbsolutePath().toString());
        command.addAll(arguments(ports));
        Map<String, String> env = new LinkedHashMap<>(environment(System.getProperty("java.home"), adminUser, adminPassword));
        env.putAll(mailEnvironment(ports));
        child = ChildProcess.start(NAME, command, env, home, logsDir.resolve("keycloak.log"));
    }

    /**
     * Makes Keycloak start built: the home's own build when it matches, else the cached one, else Keycloak
     * rebuilds itself at start and its build is kept once it is up.
     */
    private void prepareBuild() {
        String key = KeycloakBuildCache.key(Versions.keycloak(), distributionZip, extensionJar, BUILD_OPTIONS);
        if (KeycloakBuildCache.isBuiltFor(home, key)) {
            return;
        }
        String jarName = extensionJar.getFileName().toString();
        if (buildCache.restore(key, home, jarName)) {
            out.println("  Keycloak's build for " + jarName + " comes from " + buildCache.root());
            return;
        }
        if (installProvider(extensionJar, home)) {
            out.println("  Keycloak extension " + jarName + " is new: Keycloak rebuilds itself once (about a minute)…");
        }
        buildToKeep = key;
    }

    @Override
    public boolean probe() throws Exception {
        String base = "http://" + StackEndpoints.LOOPBACK + ":";
        // ready, and the realm import has finished
        boolean ready = HttpProbe.isOk(base + ports.keycloakManagement() + "/health/ready")
                && HttpProbe.isOk(base + ports.keycloak() + "/realms/" + StackEndpoints.REALM + "/.well-known/openid-configuration");
        if (ready && buildToKeep != null) {
            // up, so its build is complete
            buildCache.store(buildToKeep, home, extensionJar.getFileName().toString()).ifPresent(out::println);
            buildToKeep = null;
        }
        return ready;
    }

    @Override
    public Optional<ChildProcess> process() {
        return Optional.ofNullable(child);
    }

    @Override
    public void close() {
        if (child != null) {
            child.stop(Duration.ofSeconds(20));
        }
    }

    /**
     * Puts the realm's providers jar into Keycloak's {@code providers/} folder. start-dev rebuilds Keycloak
     * whenever a provider jar's timestamp differs from the last build, so the jar is copied (with a new
     * timestamp) only when its content changed. Returns whether it was copied.
     */
    static boolean installProvider(Path jar, Path home) {
        Path installed = home.resolve("providers").resolve(jar.getFileName());
        try {
            if (Files.isRegularFile(installed) && Arrays.equals(sha256(installed), sha256(jar))) {
                return false;
            }
            Files.createDirectories(installed.getParent());
            Files.copy(jar, installed, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new StackStartException("could not put " + jar + " into " + installed.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Unpacks the distribution's single top-level folder into {@code home}, through a temporary folder so
     * that an interrupted unpack is never mistaken for a complete one. Zip entries carry no Unix modes:
     * the scripts are made executable again.
     */
    static void unpack(Path zip, Path home) {
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        try {
            deleteRecursively(staging);
            Files.createDirectories(staging);
            try (ZipFile zipFile = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = zipFile.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path target = staging.resolve(stripTopFolder(entry.getName())).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("zip entry outside the target folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zipFile.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        if (target.getFileName().toString().endsWith(".sh")) {
                            target.toFile().setExecutable(true, false);
                        }
                    }
                }
            }
            deleteRecursively(home);
            Files.move(staging, home);
        } catch (IOException e) {
            throw new StackStartException("could not unpack " + zip + " into " + home + ": " + e.getMessage(), e);
        }
    }

    private static String stripTopFolder(String entryName) {
        int slash = entryName.indexOf('/');
        return slash < 0 ? entryName : entryName.substring(slash + 1);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
