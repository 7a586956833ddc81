package ml.sdn.notification.preferences;

import ml.sdn.notification.catalogue.NotificationKind;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule for a person's e-mail and SMS choices, read from a request ({@code {"PROFILE_CREATED": false, …}}):
 * every key must be a kind of the catalogue, written as the catalogue writes it (for SMS, a kind sent by SMS,
 * {@link NotificationKind#bySms()}); every value true or false; and a kind the person must receive
 * ({@link NotificationKind#emailRequired()}, {@link NotificationKind#smsRequired()}) cannot be set to false
 * (setting it to true changes nothing and is accepted, so a client may send back what it read).
 */
final class EmailChoices {

    /** Longer keys are cut when named in an error: they are no kind anyway, and the answer stays short. */
    static final int MAX_NAMED_KEY = 60;

    private static final Set<String> KINDS = Arrays.stream(NotificationKind.values())
            .filter(NotificationKind::forPeople).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    enum Problem { UNKNOWN_KIND, REQUIRED_KIND, NO_VALUE, NOT_BY_SMS }

    enum Channel { EMAIL, SMS }

    /** The first key that cannot be taken, in the request's order, and why. */
    record Rejection(String key, Problem problem) {
    }

    /** Either {@code changes} (kind → e-mail on, only the kinds a person may switch) or a {@code rejection}. */
    record Reading(Map<NotificationKind, Boolean> changes, Rejection rejection) {

        boolean rejected() {
            return rejection != null;
        }
    }

    private EmailChoices() {
    }

    static Reading read(Map<String, Boolean> requested) {
        return read(requested, Channel.EMAIL);
    }

    static Reading read(Map<String, Boolean> requested, Channel channel) {
        Map<NotificationKind, Boolean> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> choice : requested.entrySet()) {
            String key = choice.getKey();
            if (key == null || !KINDS.contains(key)) {
                return rejected(key, Problem.UNKNOWN_KIND);
            }
            NotificationKind kind = NotificationKind.valueOf(key);
            if (channel == Channel.SMS && !kind.bySms()) {
                return rejected(key, Problem.NOT_BY_SMS);
            }
            Boolean on = choice.getValue();
            if (on == null) {
                return rejected(key, Problem.NO_VALUE);
            }
            if (channel == Channel.SMS ? kind.smsRequired() : kind.emailRequired()) {
                if (!on) {
                    return rejected(key, Problem.REQUIRED_KIND);
                }
                continue;
            }
            changes.put(kind, on);
        }
        return new Reading(Collections.unmodifiableMap(changes), null);
    }

    private static Reading rejected(String key, Problem problem) {
        String named = key == null ? "" : key.length() > MAX_NAMED_KEY ? key.substring(0, MAX_NAMED_KEY) + "…" : key;
        return new Reading(Map.of(), new Rejection(named, problem));
    }

    /**
     * Whether e-mail is on for {@code kind}, given the stored choices (kind name → on): a required kind
     * always; otherwise on unless stored as off. A stored name that is no longer a kind is ignored.
     */
    static boolean emailOn(NotificationKind kind, Map<String, Boolean> stored) {
        return kind.emailRequired() || stored == null || !Boolean.FALSE.equals(stored.get(kind.name()));
    }

    /** The same for SMS: never for a kind not sent by SMS; always for a required one; else on unless stored off. */
    static boolean smsOn(NotificationKind kind, Map<String, Boolean> stored) {
        return kind.bySms() && (kind.smsRequired() || stored == null || !Boolean.FALSE.equals(stored.get(kind.name())));
    }
}
