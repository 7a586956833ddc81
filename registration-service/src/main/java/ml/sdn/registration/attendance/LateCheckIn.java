package ml.sdn.registration.attendance;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a check-in taken on a door's device while offline, uploaded later, does to the person's day (plain
 * rules, no storage; {@link OfflineCheckIns} applies them with conditional writes). One check-in counts per
 * badge and day, the earliest kept: devices upload in any order, several times, and two devices may have
 * seen the same person. The same line uploaded again (its client id) is answered as it was the first time.
 * A person recorded at two different doors is a conflict, kept for organizers: a badge lent through a
 * window, or a door named twice on one shift.
 */
final class LateCheckIn {

    enum Action {
        /** Nobody recorded yet: this line is the check-in. */
        RECORD,
        /** This very line is the check-in that counts (uploaded before). */
        SAME,
        /** Recorded later than this line: this line's time and door replace it. */
        EARLIER,
        /** In already by the same door, earlier: nothing changes. */
        ALREADY_IN,
        /** In already by another door, earlier: nothing changes, the two doors are reported. */
        CONFLICT
    }

    /** The check-in that counts for the person that day; {@code at} null when they are not in. */
    record Recorded(Instant at, String door, String checkInId, Set<String> conflictIds) {
    }

    private LateCheckIn() {
    }

    static Action decide(Recorded recorded, String checkInId, Instant takenAt, String door) {
        if (recorded.at() == null) {
            return Action.RECORD;
        }
        if (Objects.equals(recorded.checkInId(), checkInId)) {
            return Action.SAME;
        }
        if (recorded.conflictIds().contains(checkInId)) {
            return Action.CONFLICT; // reported already, when it was first uploaded
        }
        if (takenAt.isBefore(recorded.at())) {
            return Action.EARLIER;
        }
        return sameDoor(recorded.door(), door) ? Action.ALREADY_IN : Action.CONFLICT;
    }

    /** Doors are named by hand ("a", "A "): the same door whatever the case and spaces. */
    static boolean sameDoor(String one, String other) {
        return one != null && other != null && one.strip().equalsIgnoreCase(other.strip());
    }

    /** A device whose clock runs ahead cannot date a check-in in the future: it counts from when it arrives. */
    static Instant takenAt(Instant onDevice, Instant now) {
        return onDevice.isAfter(now) ? now : onDevice;
    }
}
