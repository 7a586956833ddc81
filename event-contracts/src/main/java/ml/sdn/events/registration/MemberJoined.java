package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A participant accepted an invitation and is now a member of the organisation. */
public record MemberJoined(String organizationId, String organizationName, String participantId, String role,
                           Instant joinedAt) {

    public static final EventType<MemberJoined> TYPE = EventType.of(
            "sdn.registration.member-joined.v1", Topics.REGISTRATION_ORGANIZATIONS, MemberJoined.class);
}
