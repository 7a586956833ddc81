package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * An organisation's owner invited someone by e-mail. notification-service e-mails {@code email} (who may
 * have no account yet) in {@code language}, with {@code acceptPath}: the one-time link, relative to the
 * portal, that the invitee opens after signing in. The token in it is single-use and expires at
 * {@code expiresAt}; registration-service keeps only its hash.
 */
public record MemberInvited(
        String invitationId,
        String organizationId,
        String organizationName,
        String invitedBy,
        String inviterName,
        String email,
        String role,
        String language,
        String acceptPath,
        Instant expiresAt) {

    public static final EventType<MemberInvited> TYPE = EventType.of(
            "sdn.registration.member-invited.v1", Topics.REGISTRATION_ORGANIZATIONS, MemberInvited.class);
}
