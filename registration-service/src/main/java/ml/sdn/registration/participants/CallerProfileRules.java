package ml.sdn.registration.participants;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

import java.util.function.Supplier;

/**
 * The checks of a profile request that depend on who sends it, run with the bean-validation ones so
 * that one 400 names every wrong field: the phone must be of the plan of the caller's delegation, and a
 * {@code country} in the body must be that delegation. The delegation is the registered profile's (the
 * token's only before the first registration): see {@link Participants#delegationOf(Caller)}. Messages
 * are resolved here, in the request's language, because the platform's problem handler shows each
 * error's default message.
 */
final class CallerProfileRules implements Validator {

    private final Supplier<String> delegation;
    private final MessageSource messages;

    /** @param delegation the caller's delegation, read when a request is validated (null: none of the AES) */
    CallerProfileRules(Supplier<String> delegation, MessageSource messages) {
        this.delegation = delegation;
        this.messages = messages;
    }

    @Override
    public boolean supports(Class<?> type) {
        return ProfileRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ProfileRequest request = (ProfileRequest) target;
        String country = delegation.get();
        if (country == null || !DirectoryScope.AES_COUNTRIES.contains(country)) {
            return; // refused as a whole (403) by Participants: the account has no AES country
        }
        if (request.country() != null && !request.country().strip().equalsIgnoreCase(country)
                && !errors.hasFieldErrors("country")) {
            reject(errors, "country", request.country(), text("participant.country.mismatch", country));
        }
        if (request.hasPhone() && !errors.hasFieldErrors("phone") && PhoneNumbers.toE164(request.phone(), country).isEmpty()) {
            reject(errors, "phone", request.phone(), text("participant.phone.invalid", PhoneNumbers.CALLING_CODES.get(country)));
        }
    }

    /** Added as a ready field error: a record has no JavaBeans getters for {@code rejectValue} to read. */
    private static void reject(Errors errors, String field, Object value, String message) {
        if (errors instanceof BindingResult result) {
            result.addError(new FieldError(result.getObjectName(), field, value, false, null, null, message));
        } else {
            errors.reject("participant." + field + ".invalid", message);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
