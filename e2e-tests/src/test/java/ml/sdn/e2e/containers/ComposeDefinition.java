package ml.sdn.e2e.containers;

import ml.sdn.e2e.deploy.ComposeFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How docker-compose.yml runs each part (image, environment, command, health check), read from that
 * file so that the containers suite starts the images exactly as operators do. With
 * {@code -Dsdn.test.mongo-standin=true} (machines without an image registry only) the offline
 * override's differences apply too: the MongoDB-protocol STAND-IN, which is not MongoDB.
 *
 * <p>Image names come from system properties, the official images of docker-compose.yml by default:
 * {@code sdn.test.image.mongo}, {@code .kafka}, {@code .keycloak}, {@code .keycloak-db}, {@code .mail}; the platform's own
 * images are {@code sdn/<module>:<sdn.test.image.tag>} (default {@code latest}).
 */
final class ComposeDefinition {

    static final Path REPO_ROOT = Path.of(System.getProperty("sdn.repo-root", "..")).toAbsolutePath().normalize();
    private static final Path OVERRIDE = REPO_ROOT.resolve("docker/offline/docker-compose.offline.yml");
    private static final Map<String, String> IMAGE_PROPERTIES = Map.of(
            "mongo", "sdn.test.image.mongo", "kafka", "sdn.test.image.kafka",
            "keycloak", "sdn.test.image.keycloak", "keycloak-db", "sdn.test.image.keycloak-db", "mailpit", "sdn.test.image.mail");

    private final ComposeFile compose;

    private ComposeDefinition(ComposeFile compose) {
        this.compose = compose;
    }

    static ComposeDefinition load() {
        ComposeFile main = ComposeFile.read(REPO_ROOT.resolve("docker-compose.yml"));
        return new ComposeDefinition(standIn() && Files.exists(OVERRIDE) ? main.withOverride(ComposeFile.read(OVERRIDE)) : main);
    }

    static boolean standIn() {
        return Boolean.getBoolean("sdn.test.mongo-standin");
    }

    String image(String service) {
        String property = IMAGE_PROPERTIES.get(service);
        if (property != null) {
            return System.getProperty(property, compose.image(service));
        }
        // our own images, by the name compose gives them (the smsc stand-in is sdn/local-smsc), with the tag under test
        String declared = compose.image(service);
        String name = declared == null || declared.isBlank() || declared.equals("null") ? "sdn/" + service : declared.substring(0, declared.indexOf(':') < 0
                ? declared.length() : declared.indexOf(':'));
        return name + ":" + System.getProperty("sdn.test.image.tag", "latest");
    }

    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        compose.environment(service).forEach((name, value) -> environment.put(name, ComposeFile.withDefaults(value)));
        return environment;
    }

    List<String> command(String service) {
        return compose.commandWords(service);
    }

    List<String> healthcheck(String service) {
        return compose.healthcheckCommand(service);
    }

    /** The services this one waits for (compose's depends_on), in file order. */
    List<String> dependencies(String service) {
        return List.copyOf(compose.dependsOn(service).keySet());
    }

    List<String> serviceNames() {
        return List.copyOf(compose.services().keySet());
    }

    /** The services with a {@code build:} (the platform's own images), in file order. */
    List<String> builtServices() {
        return compose.services().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Map<?, ?> spec && spec.containsKey("build"))
                .map(Map.Entry::getKey).toList();
    }
}
