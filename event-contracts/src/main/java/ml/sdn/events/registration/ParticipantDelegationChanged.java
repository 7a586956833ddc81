package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * An organizer moved a person to another delegation. The delegation ({@code country}: ML, BF or NE) is the
 * one of the person's first registration and only organizers change it, with a {@code reason}; every
 * service keeping a copy of the person's country takes {@code country} as of {@code changedAt} (an older
 * copy only: a redelivered event changes nothing). {@code changedBy} is the organizer's Keycloak subject.
 */
public record ParticipantDelegationChanged(
        String participantId,
        String previousCountry,
        String country,
        String reason,
        String changedBy,
        Instant changedAt) {

    public static final EventType<ParticipantDelegationChanged> TYPE = EventType.of(
            "sdn.registration.participant-delegation-changed.v1", Topics.REGISTRATION_PARTICIPANTS,
            ParticipantDelegationChanged.class);
}
