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

/** Exactly one member of the team leads it; reported on the field {@code members}. */
@Documented
@Constraint(validatedBy = OneLead.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface OneLead {

    String message() default "{organization.members.one-lead}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that lists a team. */
    interface Team {
        /** How many of the listed members lead, or -1 when the list is not there to count (another error says so). */
        long leads();
    }

    class Validator implements ConstraintValidator<OneLead, Team> {

        @Override
        public boolean isValid(Team team, ConstraintValidatorContext context) {
            long leads = team == null ? -1 : team.leads();
            if (leads < 0 || leads == 1) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("members").addConstraintViolation();
            return false;
        }
    }
}
