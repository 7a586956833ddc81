package ml.sdn.notification.broadcasts;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Who a message goes to: {@code EVERYONE} (every person this service can write to) or {@code COUNTRY} (one
 * delegation: ML, BF, NE), narrowed, with {@code day}, to the people holding a place for that day of the
 * week (registration's attendance, as this service keeps it). Plain rules: an organizer may choose either; a
 * coordinator only their own delegation (their token's {@code delegation}, which only Keycloak administrators
 * set), forced when they name none, refused (403) when they name another or ask for everyone; both may name a day.
 */
record Audience(Kind kind, String country, LocalDate day) {

    enum Kind { EVERYONE, COUNTRY }

    static final Set<String> COUNTRIES = Set.of("ML", "BF", "NE");

    /** The country to select people by; null: everyone. */
    String countryFilter() {
        return kind == Kind.COUNTRY ? country : null;
    }

    /** A coordinator asked for people outside their delegation: the platform answers it as any refusal, 403. */
    static final class OutsideDelegation extends AccessDeniedException {
        OutsideDelegation() {
            super("A coordinator writes to their own delegation only");
        }
    }

    /**
     * Reads the requested audience for {@code caller}: field errors go to {@code checks} (an unknown kind or
     * country, a country missing), null is returned then.
     *
     * @throws OutsideDelegation a coordinator asking for anyone outside their delegation
     */
    static Audience of(Caller caller, String kind, String country, String day, FieldChecks checks) {
        String requestedKind = blankToNull(kind);
        String requestedCountry = blankToNull(country);
        LocalDate requestedDay = null;
        if (blankToNull(day) != null) {
            try {
                requestedDay = LocalDate.parse(day.strip());
            } catch (DateTimeParseException notADay) {
                checks.reject("day", "notification.broadcasts.day-unknown", day.strip());
            }
        }
        if (!caller.hasRole("organizer")) {
            String delegation = caller.coordinatedCountry();
            if (delegation == null) {
                throw new OutsideDelegation();
            }
            boolean own = (requestedKind == null || "COUNTRY".equals(requestedKind))
                    && (requestedCountry == null || delegation.equals(requestedCountry));
            if (!own) {
                throw new OutsideDelegation();
            }
            return new Audience(Kind.COUNTRY, delegation, requestedDay);
        }
        if (requestedKind == null) {
            checks.reject("audience", "notification.broadcasts.audience-missing");
            return null;
        }
        Kind chosen;
        try {
            chosen = Kind.valueOf(requestedKind);
        } catch (IllegalArgumentException unknown) {
            checks.reject("audience", "notification.broadcasts.audience-unknown", requestedKind);
            return null;
        }
        if (chosen == Kind.EVERYONE) {
            return new Audience(Kind.EVERYONE, null, requestedDay);
        }
        if (requestedCountry == null) {
            checks.reject("country", "notification.broadcasts.country-missing");
            return null;
        }
        if (!COUNTRIES.contains(requestedCountry)) {
            checks.reject("country", "notification.broadcasts.country-unknown", requestedCountry);
            return null;
        }
        return new Audience(Kind.COUNTRY, requestedCountry, requestedDay);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
