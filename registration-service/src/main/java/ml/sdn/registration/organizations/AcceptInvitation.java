package ml.sdn.registration.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The one-time token from the invitation link ({@code /invitations/accept?token=…}). */
public record AcceptInvitation(
        @NotBlank(message = "{invitation.token.required}")
        @Pattern(regexp = InvitationToken.FORMAT, message = "{invitation.token.invalid}") String token) {
}
