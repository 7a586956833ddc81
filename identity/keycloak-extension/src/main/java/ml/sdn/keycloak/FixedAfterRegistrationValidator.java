package ml.sdn.keycloak;

import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * User-profile validator {@value #ID}: the attribute it guards keeps the value it was given at sign-up.
 * Keycloak 26.5's declarative user profile applies an attribute's permissions to every context alike, so
 * {@code edit: [admin]} would also take the field off the registration form (keycloak/keycloak#32134):
 * the realm leaves the attribute editable by the user and names this validator instead. It refuses a change
 * of an already stored value in every context a person acts in themselves (update-profile, the account
 * console and its REST API, a broker's review-profile page); at registration there is no stored value yet,
 * and administrators (the admin API, {@link UserProfileContext#USER_API}) may still change it.
 * A value never stored (a user created before the attribute existed) may be given once.
 */
public final class FixedAfterRegistrationValidator implements SimpleValidator {

    public static final String ID = "sdn-fixed-after-registration";
    /** In theme-resources/messages: every theme (login pages, account console) can say it in French and English. */
    public static final String MESSAGE = "sdnFixedAfterRegistration";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (!(context instanceof UserProfileAttributeValidationContext profileContext)) {
            return context; // not a user-profile check: nothing stored to compare with
        }
        AttributeContext attribute = profileContext.getAttributeContext();
        UserModel user = attribute.getUser();
        if (user == null || changeAllowedIn(attribute.getContext())) {
            return context;
        }
        Set<String> stored = nonBlank(user.getAttributeStream(inputHint));
        if (stored.isEmpty()) {
            return context;
        }
        if (!stored.equals(nonBlank(values(input)))) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE));
        }
        return context;
    }

    static boolean changeAllowedIn(UserProfileContext context) {
        return context == UserProfileContext.REGISTRATION || context.isAdminContext();
    }

    private static Stream<?> values(Object input) {
        if (input instanceof Collection<?> values) {
            return values.stream();
        }
        return Stream.ofNullable(input);
    }

    private static Set<String> nonBlank(Stream<?> values) {
        return values.filter(Objects::nonNull).map(String::valueOf).map(String::strip).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }
}
