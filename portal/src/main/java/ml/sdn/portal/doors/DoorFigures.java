package ml.sdn.portal.doors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The day's figures at the doors, as registration-service answers them ({@code door-figures}). */
record DoorFigures(LocalDate day, int confirmed, int checkedIn, int notYetIn, List<Door> doors, List<Delegation> delegations,
                   List<Category> categories, List<Conflict> conflicts) {

    /** A list absent from an older service's answer: none. */
    DoorFigures {
        categories = categories == null ? List.of() : categories;
        conflicts = conflicts == null ? List.of() : conflicts;
    }

    /** @param category the attendee category's code (the page shows it in words) */
    record Category(String category, int confirmed, int checkedIn) {
    }

    record Door(String door, int checkedIn) {
    }

    /** @param country the delegation's country code (the page shows its name) */
    record Delegation(String country, int confirmed, int checkedIn) {
    }

    /**
     * Someone checked in at two doors (check-ins uploaded from offline devices): counted once, by {@code door}
     * at {@code at}; {@code others} the check-ins that were not counted.
     */
    record Conflict(String displayName, String country, String door, Instant at, List<Seen> others) {
    }

    record Seen(String door, Instant at) {
    }

    /** A day open to registration (other fields of the service's answer are ignored). */
    record Day(LocalDate day) {
    }
}
