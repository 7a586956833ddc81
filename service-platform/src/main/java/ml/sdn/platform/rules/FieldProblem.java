package ml.sdn.platform.rules;

/** One entry of a problem's {@code errors} property: which field is wrong and why, in the caller's language. */
public record FieldProblem(String field, String message) {
}
