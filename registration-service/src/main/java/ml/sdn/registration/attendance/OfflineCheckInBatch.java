package ml.sdn.registration.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Check-ins a door's device took while offline, uploaded when the network is back (in any order, possibly
 * twice, possibly overlapping another device's). Each line carries the id the device gave it, the code
 * scanned or typed, the day, the door and the time on the device. The badge code is only checked for
 * length here: a mistyped code is one refused line, not a refused batch. {@code walkIns}: people the door
 * registered meanwhile, each with a code set aside for the device ({@link WalkInCodes}); a batch may hold only
 * walk-ins ({@code checkIns} empty), not nothing at all.
 */
public record OfflineCheckInBatch(
        @NotNull(message = "{attendance.offline.checkIns.required}")
        @Size(max = MAX_LINES, message = "{attendance.offline.checkIns.size}")
        List<@NotNull(message = "{attendance.offline.line.required}") @Valid Line> checkIns,
        @Size(max = MAX_WALK_INS, message = "{attendance.offline.walkIns.size}")
        List<@NotNull(message = "{attendance.offline.line.required}") @Valid DoorWalkIn> walkIns) {

    static final int MAX_LINES = 500;
    static final int MAX_WALK_INS = 50;

    public OfflineCheckInBatch {
        walkIns = walkIns == null ? List.of() : walkIns;
    }

    boolean empty() {
        return (checkIns == null || checkIns.isEmpty()) && walkIns.isEmpty();
    }

    public record Line(
            @CheckInId String checkInId,
            @ScannedCode String badgeCode,
            @NotNull(message = "{attendance.offline.day.required}") LocalDate day,
            @Door String door,
            @NotNull(message = "{attendance.offline.takenAt.required}") Instant takenAt) {
    }

    /**
     * A person registered at the door while offline, and let in at once: the id the device gave them, the code it
     * wrote on their paper badge, the day, door and time, and the details typed (checked like any walk-in's, line
     * by line: a fault refuses this line only, the device cannot correct it any more).
     */
    public record DoorWalkIn(
            @CheckInId String clientId,
            @ScannedCode String badgeCode,
            @NotNull(message = "{attendance.offline.day.required}") LocalDate day,
            @Door String door,
            @NotNull(message = "{attendance.offline.takenAt.required}") Instant takenAt,
            @Size(max = 200, message = "{attendance.offline.field.size}") String name,
            @Size(max = 40, message = "{attendance.offline.field.size}") String category,
            @Size(max = 60, message = "{attendance.offline.field.size}") String country,
            @Size(max = 200, message = "{attendance.offline.field.size}") String organization,
            @Size(max = 40, message = "{attendance.offline.field.size}") String phone,
            @Size(max = 300, message = "{attendance.offline.field.size}") String email) {

        /** As a plain check-in of the same device: the walk-in is let in under the walk-in's own id. */
        Line checkIn(String code) {
            return new Line(clientId, code, day, door, takenAt);
        }
    }
}
