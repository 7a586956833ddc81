package ml.sdn.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keycloak's built server, kept between stacks. Before its first start with a providers jar, Keycloak
 * "augments" itself (Quarkus' build step, half a minute of both cores, more on a loaded machine), and a new
 * stack directory (every clean clone, every e2e run from a clean {@code target/}) paid it again although
 * nothing it depends on had changed. The build's output is small ({@code lib/quarkus/}, 3 MB) and depends
 * only on the distribution, the providers jar and the build options; it is kept here under a key made of
 * those three and put back into a new Keycloak home before it starts, with the jar's timestamp that the
 * build recorded, so that Keycloak finds itself built and starts at once.
 *
 * <p>The cache lives outside the repository, as Maven's local repository does ({@code ~/.cache/sdn-platform/keycloak},
 * or {@code $XDG_CACHE_HOME}, or the {@code sdn.keycloak.build-cache} property); deleting it only costs
 * one rebuild. An entry is written whole under a temporary name and renamed, so a stack never reads half an
 * entry, and two stacks storing the same key at once both end with the same content.
 */
final class KeycloakBuildCache {

    /** What Keycloak's build writes (besides the provider jar, whose timestamp the build records). */
    static final String BUILD_OUTPUT = "lib/quarkus";
    /** Written into a home whose build came from (or went into) the cache under that key. */
    static final String MARKER = "sdn-build-key";

    private final Path root;

    KeycloakBuildCache(Path root) {
        this.root = root;
    }

    static KeycloakBuildCache inUserCache() {
        String configured = System.getProperty("sdn.keycloak.build-cache");
        if (configured != null && !configured.isBlank()) {
            return new KeycloakBuildCache(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cacheHome = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new KeycloakBuildCache(cacheHome.resolve("sdn-platform").resolve("keycloak"));
    }

    Path root() {
        return root;
    }

    /**
     * The key of a build: Keycloak's version and distribution size (a release never changes), the providers
     * jar's content (the extension's jar is reproducible: its entries carry a fixed time), the build options.
     */
    static String key(String keycloakVersion, Path distributionZip, Path providerJar, List<String> buildOptions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((keycloakVersion + "\n" + Files.size(distributionZip) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(providerJar));
            digest.update(String.join("\n", buildOptions).getBytes(StandardCharsets.UTF_8));
            return keycloakVersion + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether that home's build is the one of that key (it was restored from it or stored into it). */
    static boolean isBuiltFor(Path home, String key) {
        Path marker = home.resolve(BUILD_OUTPUT).resolve(MARKER);
        try {
            return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Puts the cached build of that key into the home (the build output and the providers jar, with their
     * timestamps); false when the cache has none.
     */
    boolean restore(String key, Path home, String providerJarName) {
        Path entry = root.resolve(key);
        if (!Files.isDirectory(entry)) {
            return false;
        }
        try {
            Path output = home.resolve(BUILD_OUTPUT);
            KeycloakServer.deleteRecursively(output);
            copyTree(entry.resolve(BUILD_OUTPUT), output);
            Files.createDirectories(home.resolve("providers"));
            Files.copy(entry.resolve("providers").resolve(providerJarName), home.resolve("providers").resolve(providerJarName),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.writeString(output.resolve(MARKER), key, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new StackStartException("could not put Keycloak's cached build " + entry + " into " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the build of a home that has started (so the build is complete) under that key. A failure to
     * write the cache costs the next stack a rebuild, nothing else: it is reported, not thrown.
     */
    Optional<String> store(String key, Path home, String providerJarName) {
        Path entry = root.resolve(key);
        Path staging = root.resolve(key + ".writing-" + ProcessHandle.current().pid());
        try {
            if (!Files.isDirectory(entry)) {
                KeycloakServer.deleteRecursively(staging);
                copyTree(home.resolve(BUILD_OUTPUT), staging.resolve(BUILD_OUTPUT));
                Files.deleteIfExists(staging.resolve(BUILD_OUTPUT).resolve(MARKER));
                Files.createDirectories(staging.resolve("providers"));
                Files.copy(home.resolve("providers").resolve(providerJarName), staging.resolve("providers").resolve(providerJarName),
                        StandardCopyOption.COPY_ATTRIBUTES);
                try {
                    Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // another stack stored the same key meanwhile: same content
                    KeycloakServer.deleteRecursively(staging);
                } catch (IOException e) {
                    if (!Files.isDirectory(entry)) {
                        throw e;
                    }
                    KeycloakServer.deleteRecursively(staging);
                }
            }
            Files.writeString(home.resolve(BUILD_OUTPUT).resolve(MARKER), key, StandardCharsets.UTF_8);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not keep Keycloak's build in " + entry + " (" + e.getMessage() + "): the next new stack rebuilds it");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
