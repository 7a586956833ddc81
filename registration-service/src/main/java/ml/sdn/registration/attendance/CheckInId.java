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
 * A request field holding the id a door's device gave a check-in or a walk-in: required, letters, digits and
 * dashes, 64 at most (a UUID is best). One annotation for the door's requests (a check-in line, a walk-in at the
 * door), so that their rules and messages cannot drift apart; each rule broken is reported with its own message.
 */
@NotBlank(message = "{attendance.checkInId.required}")
@Size(max = 64, message = "{attendance.checkInId.size}")
@Pattern(regexp = "[A-Za-z0-9-]*", message = "{attendance.checkInId.invalid}")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface CheckInId {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
