package ml.sdn.registration.organizations;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An owner's invitation to join their organisation, sent to an e-mail address. Only the SHA-256 hash of
 * its one-time token is kept ({@code tokenHash}); the token itself travels once, in the
 * {@code MemberInvited} event waiting in {@code outbox} until the relay has published it. {@code memberId}
 * optionally names the declared member the invitee is (their entry becomes theirs when they accept).
 * The store deletes the document at {@code purgeAt} (TTL index), some time after it expired.
 */
@Document(Invitation.COLLECTION)
record Invitation(
        @Id String id,
        String organizationId,
        String organizationName,
        String email,
        String emailKey,
        String role,
        Gender gender,
        String memberId,
        String inviteeId,
        String tokenHash,
        Status status,
        String invitedBy,
        Instant createdAt,
        Instant expiresAt,
        Instant purgeAt,
        String acceptedBy,
        Instant acceptedAt,
        List<PendingEvent> outbox) {

    static final String COLLECTION = "invitations";

    enum Status {
        PENDING,
        ACCEPTED,
        REVOKED
    }

    boolean expiredAt(Instant now) {
        return status == Status.PENDING && !expiresAt.isAfter(now);
    }
}
