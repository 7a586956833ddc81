package ml.sdn.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service answered when it refused a call: its {@code application/problem+json} body, already in
 * the user's language (the portal sends the user's {@code Accept-Language}). {@code fieldErrors} maps a
 * field name as the service names it ({@code title}, {@code scores.impact}, {@code file}…) to its message,
 * so a form can show each message next to its field.
 */
public record ApiProblem(int status, String title, String detail, List<FieldMessage> errors) {

    public record FieldMessage(String field, String message) {
    }

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** field → message (the first one when a field has several). */
    public Map<String, String> fieldErrors() {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        return byField;
    }

    /** The sentence to show above a form: the detail, else the title. */
    public String message() {
        return detail != null && !detail.isBlank() ? detail : title;
    }
}
