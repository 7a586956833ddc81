package ml.sdn.registration.organizations;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Year;
import java.time.ZoneOffset;

/** A founding year from 1900 to the current year (UTC, which is Bamako's, Ouagadougou's… time; Niamey's is one hour ahead); null passes. */
@Documented
@Constraint(validatedBy = FoundingYear.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface FoundingYear {

    int EARLIEST = 1900;

    String message() default "{organization.foundingYear.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FoundingYear, Integer> {

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            // a team founded on 1 January in Niamey (UTC+1) may still be "next year" in UTC for an hour
            return value == null || (value >= EARLIEST && value <= Year.now(ZoneOffset.ofHours(1)).getValue());
        }
    }
}
