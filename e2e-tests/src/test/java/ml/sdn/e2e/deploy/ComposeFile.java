package ml.sdn.e2e.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as parsed YAML (anchors and merge keys resolved), with typed accessors. Also read
 * by the containers suite ({@code ml.sdn.e2e.containers}), which runs the images the way compose does.
 */
public record ComposeFile(Map<String, Object> root) {

    private static final Pattern INTERPOLATION = Pattern
        .compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    @SuppressWarnings("unchecked")
    public static ComposeFile read(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            return new ComposeFile((Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
        catch (IOException ex) {
            throw new AssertionError("cannot read " + path, ex);
        }
    }

    /**
     * This file with an override file applied as docker-compose applies {@code -f a.yml -f b.yml} to the
     * keys the override uses: mappings (environment, healthcheck) merged key by key, anything else replaced.
     */
    public ComposeFile withOverride(ComposeFile override) {
        return new ComposeFile(merged(root, override.root()));
    }

    private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        override.forEach((key, value) -> result.merge(key, value, (old, replacement) ->
                old instanceof Map<?, ?> && replacement instanceof Map<?, ?>
                        ? merged(map(old, key), map(replacement, key)) : replacement));
        return result;
    }

    public Map<String, Object> services() {
        return map(root.get("services"), "services");
    }

    public Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service '" + name + "'; it has " + services().keySet());
        }
        return map(service, name);
    }

    /** The environment as written (list form {@code KEY=value} or map form), values not interpolated. */
    public Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        }
        else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                variables.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return variables;
    }

    /** An environment value as compose passes it when the host sets none of the variables. */
    public String environmentValue(String service, String variable) {
        String value = environment(service).get(variable);
        if (value == null) {
            throw new AssertionError("compose service '" + service + "' does not set " + variable);
        }
        return withDefaults(value);
    }

    public List<String> ports(String service) {
        Object ports = service(service).get("ports");
        return ports == null ? List.of() : ((List<?>) ports).stream().map(String::valueOf).toList();
    }

    List<String> volumes(String service) {
        Object volumes = service(service).get("volumes");
        return volumes == null ? List.of() : ((List<?>) volumes).stream().map(String::valueOf).toList();
    }

    /** The health check test as one command line. */
    String healthcheck(String service) {
        Object healthcheck = service(service).get("healthcheck");
        if (healthcheck == null) {
            throw new AssertionError("compose service '" + service + "' has no healthcheck");
        }
        Object test = map(healthcheck, service + ".healthcheck").get("test");
        return test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                : String.valueOf(test);
    }

    /** The health check test as the engine runs it: {@code CMD-SHELL x} → {@code sh -c x}, {@code $$} → {@code $}. */
    public List<String> healthcheckCommand(String service) {
        Object test = map(service(service).get("healthcheck"), service + ".healthcheck").get("test");
        List<String> words = test instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of("CMD-SHELL", String.valueOf(test));
        List<String> command = words.get(0).equals("CMD-SHELL") ? List.of("sh", "-c", words.get(1)) : words.subList(1, words.size());
        return command.stream().map(word -> word.replace("$$", "$")).toList();
    }

    /** The image name with compose's defaults ({@code ${MONGO_IMAGE:-mongo:8.0}} → {@code mongo:8.0}). */
    public String image(String service) {
        return withDefaults(String.valueOf(service(service).get("image")));
    }

    public List<String> commandWords(String service) {
        Object command = service(service).get("command");
        return command instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** depends_on as service → condition; the short list form means {@code service_started}. */
    public Map<String, String> dependsOn(String service) {
        Object dependsOn = service(service).get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> list) {
            list.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
        }
        else if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((name, spec) -> conditions.put(String.valueOf(name),
                    spec instanceof Map<?, ?> s && s.get("condition") != null ? String.valueOf(s.get("condition"))
                            : "service_started"));
        }
        return conditions;
    }

    String command(String service) {
        Object command = service(service).get("command");
        return command instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                : String.valueOf(command);
    }

    /** Compose interpolation with an empty host environment: {@code ${X:-d}} → d, {@code $$} → $. */
    public static String withDefaults(String value) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String operator = matcher.group(2);
            String replacement = operator != null && operator.endsWith("-") ? matcher.group(3) : "";
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString().replace("$$", "$");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("'" + what + "' in docker-compose.yml is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }
}
