package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A coach logged a coaching session (private notes never travel). Keyed by {@code incubateeId}. */
public record SessionLogged(String sessionId, String incubateeId, String participantId, String coachId, Instant heldAt, int durationMinutes, String mode, Instant loggedAt) {

    public static final EventType<SessionLogged> TYPE = EventType.of(
            "sdn.incubation.session-logged.v1", Topics.INCUBATION_SESSIONS, SessionLogged.class);
}
