package ml.sdn.e2e.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spring-style {@code ${NAME:default}} placeholders found in a configuration value, defaults
 * parsed recursively so that {@code ${A:${B}/x}} needs B only when A is not set.
 */
record Placeholders(List<Placeholder> all) {

    /** Environment variables are upper case; {@code ${spring.application.name}} is a property. */
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    record Placeholder(String name, Optional<String> defaultValue, Placeholders nested) {

        boolean isEnvironmentVariable() {
            return ENVIRONMENT_NAME.matcher(name).matches();
        }
    }

    static Placeholders in(String text) {
        List<Placeholder> found = new ArrayList<>();
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                break;
            }
            String body = text.substring(start + 2, end);
            int colon = body.indexOf(':');
            if (colon < 0) {
                found.add(new Placeholder(body.trim(), Optional.empty(), new Placeholders(List.of())));
            }
            else {
                String defaultValue = body.substring(colon + 1);
                found.add(new Placeholder(body.substring(0, colon).trim(), Optional.of(defaultValue),
                        in(defaultValue)));
            }
            start = text.indexOf("${", end + 1);
        }
        return new Placeholders(found);
    }

    /** Every environment variable named anywhere, defaults included. */
    Set<String> referencedVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Placeholder placeholder : all) {
            if (placeholder.isEnvironmentVariable()) {
                names.add(placeholder.name());
            }
            names.addAll(placeholder.nested().referencedVariables());
        }
        return names;
    }

    /** The variables that must be set for this value to resolve, given the ones that are. */
    Set<String> missingVariables(Collection<String> set) {
        Set<String> missing = new LinkedHashSet<>();
        for (Placeholder placeholder : all) {
            if (placeholder.isEnvironmentVariable() && set.contains(placeholder.name())) {
                continue;
            }
            if (placeholder.defaultValue().isPresent()) {
                missing.addAll(placeholder.nested().missingVariables(set));
            }
            else if (placeholder.isEnvironmentVariable()) {
                missing.add(placeholder.name());
            }
        }
        return missing;
    }

    /** The value with every placeholder replaced by its default (the app's view with nothing set). */
    static String withDefaults(String text) {
        StringBuilder resolved = new StringBuilder();
        int from = 0;
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                break;
            }
            resolved.append(text, from, start);
            String body = text.substring(start + 2, end);
            int colon = body.indexOf(':');
            if (colon >= 0) {
                resolved.append(withDefaults(body.substring(colon + 1)));
            }
            from = end + 1;
            start = text.indexOf("${", from);
        }
        return resolved.append(text.substring(from)).toString();
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            }
            else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
