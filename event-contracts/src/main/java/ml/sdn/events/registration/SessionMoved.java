package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.util.List;

/**
 * An organizer changed the time or the room of a session of the week's programme. Keyed by {@code sessionId}.
 * Carries the people to tell ({@code participantIds}: those holding a place or waiting for one when it moved),
 * so that consumers need no copy of the agendas, and both titles, so each person reads it in their language.
 * Times are instants (consumers write them in Bamako time); {@code previous*} is what people had been told.
 */
public record SessionMoved(String sessionId, String titleFr, String titleEn,
                           Instant previousStartsAt, Instant previousEndsAt, String previousRoom,
                           Instant startsAt, Instant endsAt, String room,
                           List<String> participantIds, Instant movedAt) {

    public static final EventType<SessionMoved> TYPE = EventType.of(
            "sdn.registration.session-moved.v1", Topics.REGISTRATION_PROGRAMME, SessionMoved.class);
}
