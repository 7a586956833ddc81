package ml.sdn.registration.attendance;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field holding a badge code as a door scanned or typed it: required and 64 characters at most; whether
 * it is a badge code is the door's rule ({@link DoorCheckIn}), so that a mistyped code is one refused line, not a
 * refused batch. One annotation for the door's requests (a check-in line, a walk-in at the door), so that their
 * rules and messages cannot drift apart; each rule broken is reported with its own message.
 */
@NotBlank(message = "{attendance.badgeCode.required}")
@Size(max = 64, message = "{attendance.badgeCode.size}")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface ScannedCode {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
