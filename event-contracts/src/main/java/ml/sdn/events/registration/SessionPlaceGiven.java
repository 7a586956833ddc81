package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * A place at a session of the week's programme went to someone who was waiting for it (a place freed, or the
 * capacity raised), later and without them: they must be told, and come or give it up. Not published for a
 * place taken at once when adding the session (the person sees it on screen). Keyed by {@code sessionId}.
 * Carries both titles, the times (instants, written in Bamako time by consumers) and the room.
 */
public record SessionPlaceGiven(String sessionId, String participantId, String titleFr, String titleEn,
                                Instant startsAt, Instant endsAt, String room, Instant givenAt) {

    public static final EventType<SessionPlaceGiven> TYPE = EventType.of(
            "sdn.registration.session-place-given.v1", Topics.REGISTRATION_PROGRAMME, SessionPlaceGiven.class);
}
