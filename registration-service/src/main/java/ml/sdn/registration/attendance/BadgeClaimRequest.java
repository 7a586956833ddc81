package ml.sdn.registration.attendance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A badge registered without an account, claimed by the signed-in person: its code (as printed, in any case, with
 * or without dashes) and the phone or e-mail given when it was registered, as proof.
 */
record BadgeClaimRequest(
        @NotBlank(message = "{attendance.claim.badgeCode.required}")
        @Size(max = 64, message = "{attendance.badgeCode.size}") String badgeCode,
        @NotBlank(message = "{attendance.claim.contact.required}")
        @Size(max = 254, message = "{attendance.claim.contact.size}") String contact) {
}
