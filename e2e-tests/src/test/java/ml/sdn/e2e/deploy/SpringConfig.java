package ml.sdn.e2e.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a service reads when it starts in a container with no profile: the documents of its
 * {@code application.yml} that are not bound to a profile, and, when it depends on
 * {@code service-platform}, the platform's shared configuration files. Keys are flattened to
 * Spring's dotted form ({@code server.port}, {@code list[0]}).
 */
final class SpringConfig {

    private final String module;
    private final List<Map<String, String>> documents;

    private SpringConfig(String module, List<Map<String, String>> documents) {
        this.module = module;
        this.documents = documents;
    }

    /** Fails with a message naming the missing file: compose cannot be checked without it. */
    static SpringConfig of(Path root, String module) {
        Path applicationYml = root.resolve(module).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(applicationYml)) {
            throw new AssertionError(root.relativize(applicationYml)
                    + " does not exist (yet): docker-compose.yml cannot be checked against the configuration of "
                    + module);
        }
        List<Map<String, String>> documents = new ArrayList<>();
        // Shared files first: the service's own application.yml overrides them.
        if (dependsOnServicePlatform(root, module)) {
            documents.addAll(sharedPlatformDocuments(root));
        }
        documents.addAll(yamlDocuments(applicationYml));
        return new SpringConfig(module, documents);
    }

    String module() {
        return module;
    }

    /** Every environment variable named as {@code ${VAR…}}, defaults included. */
    Set<String> referencedVariables() {
        Set<String> names = new LinkedHashSet<>();
        forEachText(text -> names.addAll(Placeholders.in(text).referencedVariables()));
        return names;
    }

    /** The variables without a default that must be set for the configuration to resolve. */
    Set<String> missingVariables(Collection<String> set) {
        Set<String> missing = new LinkedHashSet<>();
        forEachText(text -> missing.addAll(Placeholders.in(text).missingVariables(set)));
        return missing;
    }

    /** The raw value of a property, the last document that sets it winning, as Spring does. */
    Optional<String> property(String key) {
        String value = null;
        for (Map<String, String> document : documents) {
            if (document.containsKey(key)) {
                value = document.get(key);
            }
        }
        return Optional.ofNullable(value);
    }

    /** The value a property takes when no environment variable is set. */
    Optional<String> propertyWithDefaults(String key) {
        return property(key).map(Placeholders::withDefaults);
    }

    /** {@code server.port} with its defaults resolved; Boot's own default is 8080. */
    int serverPort() {
        return Integer.parseInt(propertyWithDefaults("server.port").orElse("8080").trim());
    }

    private void forEachText(java.util.function.Consumer<String> action) {
        for (Map<String, String> document : documents) {
            document.forEach((key, value) -> {
                action.accept(key);
                if (value != null) {
                    action.accept(value);
                }
            });
        }
    }

    private static boolean dependsOnServicePlatform(Path root, String module) {
        try {
            return Files.readString(root.resolve(module).resolve("pom.xml"))
                .contains("<artifactId>service-platform</artifactId>");
        }
        catch (IOException ex) {
            throw new AssertionError("cannot read the pom of " + module, ex);
        }
    }

    private static List<Map<String, String>> sharedPlatformDocuments(Path root) {
        Path resources = root.resolve("service-platform/src/main/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        List<Map<String, String>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                    documents.addAll(yamlDocuments(file));
                }
                else if (name.endsWith(".properties")) {
                    documents.add(propertiesDocument(file));
                }
            }
        }
        catch (IOException ex) {
            throw new AssertionError("cannot read " + resources, ex);
        }
        return documents;
    }

    private static List<Map<String, String>> yamlDocuments(Path file) {
        List<Map<String, String>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                // Compose starts the services without a profile: profile-bound documents do not apply.
                if (!flat.containsKey("spring.config.activate.on-profile")) {
                    documents.add(flat);
                }
            }
        }
        catch (IOException ex) {
            throw new AssertionError("cannot read " + file, ex);
        }
        return documents;
    }

    private static Map<String, String> propertiesDocument(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        catch (IOException ex) {
            throw new AssertionError("cannot read " + file, ex);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> flat.put(name, properties.getProperty(name)));
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    into));
        }
        else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        }
        else if (!prefix.isEmpty()) {
            into.put(prefix, node == null ? null : String.valueOf(node));
        }
    }
}
