package ml.sdn.registration.attendance;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field holding a door as the staff name it ("A", "Nord"): required, letters, digits, spaces and dashes,
 * 20 at most. One annotation for the door's requests (a check-in line, a walk-in at the door), so that their rules
 * and messages cannot drift apart; each rule broken is reported with its own message.
 */
@NotBlank(message = "{attendance.door.required}")
@Size(max = 20, message = "{attendance.door.size}")
@Pattern(regexp = "[\\p{L}\\p{N} -]*", message = "{attendance.door.invalid}")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface Door {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
