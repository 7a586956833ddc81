package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who the owner invites: an e-mail address (the invitee must sign in with it to accept), the role they will
 * have, optionally their gender (used only if their own profile states none) and the declared member they are.
 */
public record InvitationRequest(
        @NotBlank(message = "{invitation.email.required}")
        @Size(max = 254, message = "{invitation.email.invalid}")
        // a domain with a dot: an address the invitee can really receive mail at
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{invitation.email.invalid}") String email,
        @NotBlank(message = "{organization.member.role.required}")
        @Size(max = 60, message = "{organization.member.role.size}") String role,
        @OneOf(value = Gender.class, message = "{organization.member.gender.invalid}")
        @Schema(allowableValues = {"FEMALE", "MALE", "NOT_STATED"}) String gender,
        @Size(max = 64, message = "{invitation.member.unknown}")
        @Schema(description = "the memberId of a declared member (without an account) that the invitee is") String memberId) {
}
