package ml.sdn.registration.attendance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The code scanned from the QR code, or typed (any case, dashes and spaces optional). */
public record CheckInRequest(
        @NotBlank(message = "{attendance.badgeCode.required}")
        @Size(max = 64, message = "{attendance.badgeCode.size}")
        @Pattern(regexp = "[A-Za-z0-9 -]*", message = "{attendance.badgeCode.invalid}") String badgeCode) {
}
