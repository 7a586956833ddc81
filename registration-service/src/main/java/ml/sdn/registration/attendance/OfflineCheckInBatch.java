package ml.sdn.registration.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Check-ins a door's device took while offline, uploaded when the network is back (in any order, possibly
 * twice, possibly overlapping another device's). Each line carries the id the device gave it, the code
 * scanned or typed, the day, the door and the time on the device. The badge code is only checked for
 * length here: a mistyped code is one refused line, not a refused batch.
 */
public record OfflineCheckInBatch(
        @NotNull(message = "{attendance.offline.checkIns.required}")
        @Size(min = 1, max = MAX_LINES, message = "{attendance.offline.checkIns.size}")
        List<@NotNull(message = "{attendance.offline.line.required}") @Valid Line> checkIns) {

    static final int MAX_LINES = 500;

    public record Line(
            @NotBlank(message = "{attendance.checkInId.required}")
            @Size(max = 64, message = "{attendance.checkInId.size}")
            @Pattern(regexp = "[A-Za-z0-9-]*", message = "{attendance.checkInId.invalid}") String checkInId,
            @NotBlank(message = "{attendance.badgeCode.required}")
            @Size(max = 64, message = "{attendance.badgeCode.size}") String badgeCode,
            @NotNull(message = "{attendance.offline.day.required}") LocalDate day,
            @NotBlank(message = "{attendance.door.required}")
            @Size(max = 20, message = "{attendance.door.size}")
            @Pattern(regexp = "[\\p{L}\\p{N} -]*", message = "{attendance.door.invalid}") String door,
            @NotNull(message = "{attendance.offline.takenAt.required}") Instant takenAt) {
    }
}
