package ml.sdn.notification.broadcasts;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Who a message goes to, from the copies this service keeps of the other services' events:
 * <ul>
 *   <li>{@code EVERYONE}, or {@code COUNTRY} (one delegation: ML, BF, NE);</li>
 *   <li>{@code APPLICANTS}: the people with an application in {@code category}, or in {@code edition}, optionally
 *       of one {@code status} (SUBMITTED, WITHDRAWN, PRESELECTED, NOT_PRESELECTED);</li>
 *   <li>{@code CHECKED_IN}: the people checked in at the door on {@code day} (required);</li>
 *   <li>{@code JURORS}: the jurors with applications to review in {@code category} (required);</li>
 *   <li>{@code INCUBATEES}, {@code COACHES}: the incubatees of the cohort of {@code edition} (every cohort known
 *       when none), their coaches.</li>
 * </ul>
 * Every kind but {@code EVERYONE} may be narrowed to one {@code country}; every kind but {@code CHECKED_IN} to the
 * people holding a place for {@code day}. An organizer may choose any; a coordinator any kind but {@code EVERYONE},
 * always within their own delegation (their token's {@code delegation}, which only Keycloak administrators set):
 * forced when they name no country, refused (403) when they name another or ask for everyone.
 */
record Audience(Kind kind, String country, LocalDate day, String category, String status, String edition) {

    enum Kind { EVERYONE, COUNTRY, APPLICANTS, CHECKED_IN, JURORS, INCUBATEES, COACHES }

    static final Set<String> COUNTRIES = Set.of("ML", "BF", "NE");
    static final Set<String> STATUSES = Set.of("SUBMITTED", "WITHDRAWN", "PRESELECTED", "NOT_PRESELECTED");

    Audience(Kind kind, String country, LocalDate day) {
        this(kind, country, day, null, null, null);
    }

    /** What the sender asked for, as typed. */
    record Choice(String kind, String country, String day, String category, String status, String edition) {

        static Choice of(String kind, String country, String day) {
            return new Choice(kind, country, day, null, null, null);
        }
    }

    /** The country to select people by; null: everyone. */
    String countryFilter() {
        return kind == Kind.EVERYONE ? null : country;
    }

    /** The day whose places narrow the audience (for {@code CHECKED_IN} the day is the check-in's own). */
    LocalDate placeDay() {
        return kind == Kind.CHECKED_IN ? null : day;
    }

    /** The field an empty audience is said on: the narrowest one the sender chose. */
    String narrowestField() {
        if (day != null) {
            return "day";
        }
        if (status != null) {
            return "status";
        }
        if (category != null) {
            return "category";
        }
        return switch (kind) {
            case EVERYONE -> "audience";
            case COUNTRY -> "country";
            default -> country != null ? "country" : "audience";
        };
    }

    /** A coordinator asked for people outside their delegation: the platform answers it as any refusal, 403. */
    static final class OutsideDelegation extends AccessDeniedException {
        OutsideDelegation() {
            super("A coordinator writes to their own delegation only");
        }
    }

    static Audience of(Caller caller, String kind, String country, String day, FieldChecks checks) {
        return of(caller, Choice.of(kind, country, day), checks);
    }

    /**
     * Reads the requested audience for {@code caller}: field errors go to {@code checks} (an unknown kind, country
     * or status, a country, day or category missing, a day that is not a date), null is returned then.
     *
     * @throws OutsideDelegation a coordinator asking for anyone outside their delegation
     */
    static Audience of(Caller caller, Choice choice, FieldChecks checks) {
        String requestedKind = blankToNull(choice.kind());
        String requestedCountry = blankToNull(choice.country());
        String category = blankToNull(choice.category());
        String status = blankToNull(choice.status());
        String edition = blankToNull(choice.edition());
        LocalDate requestedDay = null;
        if (blankToNull(choice.day()) != null) {
            try {
                requestedDay = LocalDate.parse(choice.day().strip());
            } catch (DateTimeParseException notADay) {
                checks.reject("day", "notification.broadcasts.day-unknown", choice.day().strip());
            }
        }
        boolean organizer = caller.hasRole("organizer");
        if (!organizer) {
            String delegation = caller.coordinatedCountry();
            if (delegation == null || "EVERYONE".equals(requestedKind)
                    || (requestedCountry != null && !delegation.equals(requestedCountry))) {
                throw new OutsideDelegation();
            }
            requestedCountry = delegation;
            if (requestedKind == null) {
                requestedKind = Kind.COUNTRY.name();
            }
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
        boolean complete = true;
        if (chosen == Kind.EVERYONE) {
            requestedCountry = null;
        } else if (requestedCountry == null && chosen == Kind.COUNTRY) {
            checks.reject("country", "notification.broadcasts.country-missing");
            complete = false;
        } else if (organizer && requestedCountry != null && !COUNTRIES.contains(requestedCountry)) {
            // a coordinator's country is their token's delegation, not typed
            checks.reject("country", "notification.broadcasts.country-unknown", requestedCountry);
            complete = false;
        }
        if (chosen == Kind.APPLICANTS) {
            if (category == null && edition == null) {
                checks.reject("category", "notification.broadcasts.category-missing");
                complete = false;
            }
            if (status != null && !STATUSES.contains(status)) {
                checks.reject("status", "notification.broadcasts.status-unknown", status);
                complete = false;
            }
        } else {
            status = null;
        }
        if (chosen == Kind.JURORS && category == null) {
            checks.reject("category", "notification.broadcasts.category-missing");
            complete = false;
        }
        if (chosen != Kind.APPLICANTS && chosen != Kind.JURORS) {
            category = null;
        }
        if (chosen != Kind.APPLICANTS && chosen != Kind.INCUBATEES && chosen != Kind.COACHES) {
            edition = null;
        }
        if (chosen == Kind.CHECKED_IN && requestedDay == null && blankToNull(choice.day()) == null) {
            checks.reject("day", "notification.broadcasts.day-missing");
            complete = false;
        }
        return complete ? new Audience(chosen, requestedCountry, requestedDay, category, status, edition) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
