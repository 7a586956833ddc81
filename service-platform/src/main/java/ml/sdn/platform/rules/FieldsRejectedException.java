package ml.sdn.platform.rules;


import java.util.List;

/**
 * A request with one or more fields at fault ({@link FieldChecks}): the platform's {@code ProblemDetailsAdvice} answers 400
 * with the detail {@code messageKey} and {@code errors: [{field, message}]} naming each.
 */
public class FieldsRejectedException extends RuleException {

    private final transient List<FieldChecks.Failure> failures;

    FieldsRejectedException(String detailKey, List<FieldChecks.Failure> failures) {
        super(Refusal.INVALID, detailKey, null);
        this.failures = List.copyOf(failures);
    }

    public List<FieldChecks.Failure> failures() {
        return failures;
    }

    @Override
    public String getMessage() {
        return failures.stream().map(FieldChecks.Failure::field).toList().toString();
    }
}
