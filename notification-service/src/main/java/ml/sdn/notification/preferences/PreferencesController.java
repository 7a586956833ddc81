package ml.sdn.notification.preferences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.web.FieldRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The caller's own e-mail choices; there is no way to name someone else's. GET answers every kind;
 * PUT sets the kinds it lists and leaves the others as they were, then answers like GET.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/me/preferences")
class PreferencesController {

    private final EmailPreferences preferences;

    PreferencesController(EmailPreferences preferences) {
        this.preferences = preferences;
    }

    /** {@code email}: kind → e-mail on, in catalogue order; {@code required}: the kinds that cannot be switched off. */
    record PreferencesView(Map<NotificationKind, Boolean> email, List<NotificationKind> required) {

        static PreferencesView of(Map<NotificationKind, Boolean> email) {
            return new PreferencesView(email,
                    Arrays.stream(NotificationKind.values()).filter(NotificationKind::emailRequired).toList());
        }
    }

    record PreferencesRequest(@NotNull @Size(max = 100) Map<String, Boolean> email) {
    }

    @GetMapping
    PreferencesView mine(Caller caller) {
        return PreferencesView.of(preferences.of(caller.id()));
    }

    @PutMapping
    PreferencesView change(Caller caller, @Valid @RequestBody PreferencesRequest request) {
        EmailChoices.Reading reading = EmailChoices.read(request.email());
        if (reading.rejected()) {
            EmailChoices.Rejection rejection = reading.rejection();
            throw new FieldRejectedException("email." + rejection.key(), switch (rejection.problem()) {
                case UNKNOWN_KIND -> "notification.preferences.kind-unknown";
                case REQUIRED_KIND -> "notification.preferences.kind-required";
                case NO_VALUE -> "notification.preferences.value-missing";
            }, rejection.key());
        }
        if (!reading.changes().isEmpty()) {
            preferences.change(caller.id(), reading.changes());
        }
        return PreferencesView.of(preferences.of(caller.id()));
    }
}
