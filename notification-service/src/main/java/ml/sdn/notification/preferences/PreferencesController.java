package ml.sdn.notification.preferences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The caller's own e-mail and SMS choices; there is no way to name someone else's. GET answers every kind
 * for e-mail and every kind sent by SMS for SMS; PUT sets the kinds it lists (in {@code email}, {@code sms}
 * or both) and leaves the others as they were, then answers like GET.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/me/preferences")
class PreferencesController {

    private final EmailPreferences preferences;
    private final Recipients recipients;

    PreferencesController(EmailPreferences preferences, Recipients recipients) {
        this.preferences = preferences;
        this.recipients = recipients;
    }

    /**
     * {@code email}: kind → e-mail on, in catalogue order; {@code required}: the kinds whose e-mail cannot be
     * switched off; {@code sms}: kind sent by SMS → SMS on; {@code smsRequired}: those whose SMS cannot be;
     * {@code smsTo}: the number SMS go to as this service knows it, masked ({@code +227 … 56}), null when none.
     */
    record PreferencesView(Map<NotificationKind, Boolean> email, List<NotificationKind> required,
                           Map<NotificationKind, Boolean> sms, List<NotificationKind> smsRequired, String smsTo) {

        static PreferencesView of(Map<NotificationKind, Boolean> email, Map<NotificationKind, Boolean> sms, String phone) {
            return new PreferencesView(email,
                    Arrays.stream(NotificationKind.values()).filter(NotificationKind::forPeople).filter(NotificationKind::emailRequired).toList(), sms,
                    Arrays.stream(NotificationKind.values()).filter(NotificationKind::smsRequired).toList(), masked(phone));
        }
    }

    /** Enough for the person to recognise their number, no more: the calling code and the last two digits. */
    static String masked(String phone) {
        if (phone == null || phone.length() < 8 || !phone.startsWith("+")) {
            return null;
        }
        return phone.substring(0, 4) + " … " + phone.substring(phone.length() - 2);
    }

    /** Either map may be left out; one of them must be there. */
    record PreferencesRequest(@Size(max = 100) Map<String, Boolean> email, @Size(max = 100) Map<String, Boolean> sms) {

        /** Named {@code email} in the 400: the field a client that sends neither most likely forgot. */
        @AssertTrue(message = "{notification.preferences.nothing}")
        boolean isEmail() {
            return email != null || sms != null;
        }
    }

    @GetMapping
    PreferencesView mine(Caller caller) {
        return view(caller);
    }

    @PutMapping
    PreferencesView change(Caller caller, @Valid @RequestBody PreferencesRequest request) {
        EmailChoices.Reading email = checked("email", request.email(), EmailChoices.Channel.EMAIL);
        EmailChoices.Reading sms = checked("sms", request.sms(), EmailChoices.Channel.SMS);
        if (!email.changes().isEmpty() || !sms.changes().isEmpty()) {
            preferences.change(caller.id(), email.changes(), sms.changes());
        }
        return view(caller);
    }

    private static EmailChoices.Reading checked(String field, Map<String, Boolean> requested, EmailChoices.Channel channel) {
        EmailChoices.Reading reading = EmailChoices.read(requested == null ? Map.of() : requested, channel);
        if (reading.rejected()) {
            EmailChoices.Rejection rejection = reading.rejection();
            throw new FieldRejectedException(field + "." + rejection.key(), switch (rejection.problem()) {
                case UNKNOWN_KIND -> "notification.preferences.kind-unknown";
                case REQUIRED_KIND -> channel == EmailChoices.Channel.SMS
                        ? "notification.preferences.kind-required-sms" : "notification.preferences.kind-required";
                case NO_VALUE -> "notification.preferences.value-missing";
                case NOT_BY_SMS -> "notification.preferences.kind-not-by-sms";
            }, rejection.key());
        }
        return reading;
    }

    private PreferencesView view(Caller caller) {
        String phone = recipients.find(caller.id()).filter(Recipient::hasPhone).map(Recipient::phone).orElse(null);
        return PreferencesView.of(preferences.of(caller.id()), preferences.smsOf(caller.id()), phone);
    }
}
