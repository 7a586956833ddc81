package ml.sdn.registration.attendance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A check-in at a door: the code scanned from the QR code or typed (any case, dashes and spaces
 * optional), the door as the staff name it ("A", "Nord"), and the id the door's device gave this
 * check-in (optional; any text of letters, digits and dashes, a UUID is best): the same id sent again is
 * the same check-in, answered as it was.
 */
public record CheckInRequest(
        @NotBlank(message = "{attendance.badgeCode.required}")
        @Size(max = 64, message = "{attendance.badgeCode.size}")
        @Pattern(regexp = "[A-Za-z0-9 -]*", message = "{attendance.badgeCode.invalid}") String badgeCode,
        @Door String door,
        @Size(max = 64, message = "{attendance.checkInId.size}")
        @Pattern(regexp = "[A-Za-z0-9-]+", message = "{attendance.checkInId.invalid}") String checkInId) {
}
