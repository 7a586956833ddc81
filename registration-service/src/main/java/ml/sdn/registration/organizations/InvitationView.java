package ml.sdn.registration.organizations;

import java.time.Instant;

/** An invitation as its organisation's owner sees it; {@code status} is PENDING, ACCEPTED, REVOKED or EXPIRED. */
public record InvitationView(String id, String organizationId, String organizationName, String email, String role,
                             String memberId, String status, Instant createdAt, Instant expiresAt, Instant acceptedAt) {

    static InvitationView of(Invitation invitation, Instant now) {
        return new InvitationView(invitation.id(), invitation.organizationId(), invitation.organizationName(),
                invitation.email(), invitation.role(), invitation.memberId(),
                invitation.expiredAt(now) ? "EXPIRED" : invitation.status().name(), invitation.createdAt(),
                invitation.expiresAt(), invitation.acceptedAt());
    }
}
