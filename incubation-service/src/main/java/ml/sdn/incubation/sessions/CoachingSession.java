package ml.sdn.incubation.sessions;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A coaching session a coach logged: when ({@code heldAt}), how long, at the centre or remote, topics,
 * notes the incubatee may read, {@code privateNotes} for coaches and organizers only, agreed actions with
 * due dates; {@code attendanceConfirmedAt} when the incubatee confirmed they attended. {@code coachId} and
 * {@code coachName} are who logged it (the incubatee's coach then, or an organizer), the name as their token
 * carried it. One session per incubatee and {@code heldAt} (a unique index): a repeated POST is refused.
 */
@Document(CoachingSession.COLLECTION)
public record CoachingSession(
        @Id String id,
        String incubateeId,
        String coachId,
        Instant heldAt,
        int durationMinutes,
        Mode mode,
        List<String> topics,
        String notes,
        String privateNotes,
        List<AgreedAction> actions,
        Instant attendanceConfirmedAt,
        Instant loggedAt,
        List<PendingEvent> outbox,
        @Version Long version,
        String coachName) {

    public static final String COLLECTION = "incubation_sessions";

    @PersistenceCreator
    public CoachingSession {
        topics = topics == null ? List.of() : topics;
        actions = actions == null ? List.of() : actions;
        outbox = outbox == null ? List.of() : outbox;
    }

    /** A session without the name of who logged it (kept since {@code coachName} was added). */
    public CoachingSession(String id, String incubateeId, String coachId, Instant heldAt, int durationMinutes, Mode mode,
                           List<String> topics, String notes, String privateNotes, List<AgreedAction> actions,
                           Instant attendanceConfirmedAt, Instant loggedAt, List<PendingEvent> outbox, Long version) {
        this(id, incubateeId, coachId, heldAt, durationMinutes, mode, topics, notes, privateNotes, actions,
                attendanceConfirmedAt, loggedAt, outbox, version, null);
    }

    public enum Mode { AT_THE_CENTRE, REMOTE }

    /** {@code dueDate}: a Bamako calendar day, {@code yyyy-MM-dd}. */
    public record AgreedAction(String description, String dueDate) {
    }
}
