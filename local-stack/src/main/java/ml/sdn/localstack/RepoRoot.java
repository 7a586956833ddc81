package ml.sdn.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository checkout: the folder that holds identity/realm-sdn.json and local-stack/. */
final class RepoRoot {

    private RepoRoot() {
    }

    static boolean looksLikeRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("identity").resolve(KeycloakServer.REALM_FILE_NAME))
                && Files.isDirectory(dir.resolve("local-stack"));
    }

    /** Upwards from this jar's location (local-stack/target/local-stack.jar), then from the working directory. */
    static Path detect() {
        return fromCodeLocation()
                .or(() -> upwardsFrom(Path.of("").toAbsolutePath()))
                .orElseThrow(() -> new StackStartException(
                        "cannot find the repository root (a folder with identity/realm-sdn.json and local-stack/); "
                                + "run from inside the checkout or pass --repo-root=PATH"));
    }

    static Optional<Path> upwardsFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (looksLikeRepoRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> fromCodeLocation() {
        try {
            var source = RepoRoot.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : upwardsFrom(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
