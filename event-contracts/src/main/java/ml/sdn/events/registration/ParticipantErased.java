package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * A person asked for erasure: registration-service has anonymised their profile, and every service
 * must now anonymise or delete its own copy of their personal data (name, e-mail, phone, gender…).
 * Ids may be kept so that counts and past results stay consistent.
 */
public record ParticipantErased(String participantId, Instant erasedAt) {

    public static final EventType<ParticipantErased> TYPE = EventType.of(
            "sdn.registration.participant-erased.v1", Topics.REGISTRATION_PARTICIPANTS, ParticipantErased.class);
}
