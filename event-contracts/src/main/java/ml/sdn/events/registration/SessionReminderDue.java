package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.util.List;

/**
 * The day before a session with places (from 16:00 Bamako time), the people holding a place at it are to be
 * reminded; published once per session and start time (a session moved to another day is reminded again for
 * its new day). Names them ({@code participantIds}), as SessionMoved does, so consumers need no copy of the
 * agendas. Keyed by {@code sessionId}. Carries both titles, the times (instants, written in Bamako time by
 * consumers) and the room.
 */
public record SessionReminderDue(String sessionId, String titleFr, String titleEn, Instant startsAt, Instant endsAt,
                                 String room, List<String> participantIds, Instant dueAt) {

    public static final EventType<SessionReminderDue> TYPE = EventType.of(
            "sdn.registration.session-reminder-due.v1", Topics.REGISTRATION_PROGRAMME, SessionReminderDue.class);
}
