package ml.sdn.competition.platform;

import java.util.List;

/** A request with one or more fields at fault: a 400 naming each ({@link FieldsRejectedAdvice}). */
public class FieldsRejectedException extends RuntimeException {

    private final transient List<FieldChecks.Failure> failures;

    FieldsRejectedException(List<FieldChecks.Failure> failures) {
        super(failures.stream().map(FieldChecks.Failure::field).toList().toString());
        this.failures = List.copyOf(failures);
    }

    public List<FieldChecks.Failure> failures() {
        return failures;
    }
}
