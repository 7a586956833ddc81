package ml.sdn.platform.rules;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.SmartValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every field at fault in one answer. A request is checked by bean validation and then by the rules it
 * cannot judge alone (several fields together, stored data); checked one after the other, a form would
 * learn of its errors one try at a time (names first, weights next). Here both kinds are collected, each
 * rule running only on fields that passed validation, and {@link #throwIfAny()} answers one 400 naming them
 * all, in the shape of the platform's validation problem ({@code errors: [{field, message}]}), through
 * the platform's {@code ProblemDetailsAdvice}. {@link #detail} replaces the problem's generic detail where the form has a
 * better one ("the application is incomplete").
 */
public final class FieldChecks {

    /** One field at fault: a message already written (bean validation), or a bundle key and its arguments. */
    public record Failure(String field, String message, String messageKey, Object[] arguments) {
    }

    private final List<Failure> failures = new ArrayList<>();
    private String detailKey = "sdn.problem.validation";

    /** Bean validation's errors of {@code request}, with the field names Spring MVC gives a {@code @Valid} body. */
    public static FieldChecks validated(SmartValidator validator, Object request) {
        FieldChecks checks = new FieldChecks();
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "request");
        validator.validate(request, errors);
        for (FieldError error : errors.getFieldErrors()) {
            checks.failures.add(new Failure(error.getField(), error.getDefaultMessage(), null, null));
        }
        for (ObjectError error : errors.getGlobalErrors()) {
            checks.failures.add(new Failure(error.getObjectName(), error.getDefaultMessage(), null, null));
        }
        return checks;
    }

    /** The same, with the application's Jakarta validator (what a service is given). */
    public static FieldChecks validated(jakarta.validation.Validator validator, Object request) {
        SmartValidator adapter = new org.springframework.validation.beanvalidation.SpringValidatorAdapter(validator);
        return validated(adapter, request);
    }

    /** Nothing checked yet: for rules that need no bean validation (a juror's score sheet). */
    public static FieldChecks none() {
        return new FieldChecks();
    }

    /** The problem's detail, a bundle key (the platform's "invalid request" unless set). */
    public FieldChecks detail(String messageKey) {
        this.detailKey = messageKey;
        return this;
    }

    public FieldChecks reject(String field, String messageKey, Object... arguments) {
        failures.add(new Failure(field, null, messageKey, arguments));
        return this;
    }

    /** No failure on {@code field} nor on any field inside it ({@code criteria[0].weight} is inside {@code criteria}). */
    public boolean ok(String field) {
        return failures.stream().map(Failure::field).noneMatch(failed -> failed.equals(field)
                || failed.startsWith(field + ".") || failed.startsWith(field + "["));
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public void throwIfAny() {
        if (!failures.isEmpty()) {
            throw new FieldsRejectedException(detailKey, failures);
        }
    }
}
