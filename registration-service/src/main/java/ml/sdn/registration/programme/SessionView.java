package ml.sdn.registration.programme;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A session as the public and the organizers read it. Times are Bamako times ({@code startsAt},
 * {@code endsAt}); {@code day} is the day it takes place. {@code capacity} absent: open to all (then the
 * counts are 0 and {@code placesLeft} absent).
 */
record SessionView(String id, String titleFr, String titleEn, SessionKind kind, String room, LocalDate day,
                   LocalDateTime startsAt, LocalDateTime endsAt, List<Speaker> speakers, Integer capacity,
                   int confirmed, long waiting, Integer placesLeft) {

    static SessionView of(ProgrammeSession session, long waiting, EventDays days) {
        LocalDateTime start = days.local(session.startsAt());
        Integer left = session.capacity() == null ? null : Math.max(0, session.capacity() - session.confirmed());
        return new SessionView(session.id(), session.titleFr(), session.titleEn(), session.kind(), session.room(),
                start.toLocalDate(), start, days.local(session.endsAt()), session.speakersOrEmpty(), session.capacity(),
                session.confirmed(), waiting, left);
    }
}
