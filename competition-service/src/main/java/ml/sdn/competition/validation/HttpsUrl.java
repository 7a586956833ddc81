package ml.sdn.competition.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute {@code https} link with a host and no user name or password in it (null passes: the link
 * is optional). Jurors and visitors open it, so nothing else ({@code http}, {@code javascript:}, {@code data:})
 * is kept. Used by applications (the pitch deck) and editions (the venue's map link): a package of its own,
 * so that neither feature depends on the other for it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpsUrl.Validator.class)
public @interface HttpsUrl {

    String message() default "{application.pitchDeckUrl.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HttpsUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        static boolean valid(String value) {
            if (value.isBlank() || !value.equals(value.strip())) {
                return false;
            }
            try {
                URI uri = new URI(value);
                return uri.isAbsolute() && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                        && uri.getHost() != null && !uri.getHost().isBlank() && uri.getRawUserInfo() == null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
