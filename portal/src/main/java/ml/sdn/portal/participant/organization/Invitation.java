package ml.sdn.portal.participant.organization;

import ml.sdn.portal.participant.BamakoTime;

import java.time.Instant;
import java.time.LocalDateTime;

/** An invitation as the organisation's owner sees it (PENDING, ACCEPTED, REVOKED or EXPIRED). */
record Invitation(String id, String organizationId, String email, String role, String status, Instant createdAt,
                  Instant expiresAt, Instant acceptedAt) {

    public LocalDateTime expiresLocal() {
        return BamakoTime.of(expiresAt);
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
