package ml.sdn.incubation.sessions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A session as its coach and organizers read it, private notes included. {@code heldAt} is Bamako wall-clock
 * time; {@code coachId}/{@code coachName} who logged it; {@code attendanceConfirmedAt} null until the
 * incubatee confirms.
 */
public record SessionView(String id, String incubateeId, String coachId, String coachName, LocalDateTime heldAt,
                          int durationMinutes, CoachingSession.Mode mode, List<String> topics, String notes,
                          String privateNotes, List<CoachingSession.AgreedAction> actions, Instant attendanceConfirmedAt,
                          Instant loggedAt) {

    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    static SessionView of(CoachingSession session) {
        return new SessionView(session.id(), session.incubateeId(), session.coachId(), session.coachName(),
                LocalDateTime.ofInstant(session.heldAt(), BAMAKO), session.durationMinutes(), session.mode(), session.topics(),
                session.notes(), session.privateNotes(), session.actions(), session.attendanceConfirmedAt(), session.loggedAt());
    }

    /**
     * The same session as the incubatee reads it: a different type without the private notes, so that they
     * cannot reach the incubatee by a forgotten null.
     */
    public record ForIncubatee(String id, String incubateeId, String coachId, String coachName, LocalDateTime heldAt,
                               int durationMinutes, CoachingSession.Mode mode, List<String> topics, String notes,
                               List<CoachingSession.AgreedAction> actions, Instant attendanceConfirmedAt, Instant loggedAt) {

        static ForIncubatee of(CoachingSession session) {
            return new ForIncubatee(session.id(), session.incubateeId(), session.coachId(), session.coachName(),
                    LocalDateTime.ofInstant(session.heldAt(), BAMAKO), session.durationMinutes(), session.mode(),
                    session.topics(), session.notes(), session.actions(), session.attendanceConfirmedAt(), session.loggedAt());
        }
    }

    /** A page of sessions, most recent first: {@link SessionView}s, or {@link ForIncubatee}s for the incubatee. */
    public record Page(List<?> content, int page, int size, long totalElements, int totalPages) {

        static Page of(List<?> content, int page, int size, long total) {
            return new Page(content, page, size, total, (int) ((total + size - 1) / size));
        }
    }
}
