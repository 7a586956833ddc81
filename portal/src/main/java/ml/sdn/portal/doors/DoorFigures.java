package ml.sdn.portal.doors;

import java.time.LocalDate;
import java.util.List;

/** The day's figures at the doors, as registration-service answers them ({@code door-figures}). */
record DoorFigures(LocalDate day, int confirmed, int checkedIn, int notYetIn, List<Door> doors, List<Delegation> delegations) {

    record Door(String door, int checkedIn) {
    }

    /** @param country the delegation's country code (the page shows its name) */
    record Delegation(String country, int confirmed, int checkedIn) {
    }

    /** A day open to registration (other fields of the service's answer are ignored). */
    record Day(LocalDate day) {
    }
}
