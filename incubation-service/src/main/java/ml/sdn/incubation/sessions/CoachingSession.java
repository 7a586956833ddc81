package ml.sdn.incubation.sessions;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A coaching session a coach logged: when ({@code heldAt}), how long, at the centre or remote, topics,
 * notes the incubatee may read, {@code privateNotes} for coaches and organizers only, agreed actions with
 * due dates; {@code attendanceConfirmedAt} when the incubatee confirmed they attended.
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
        @Version Long version) {

    public static final String COLLECTION = "incubation_sessions";

    public CoachingSession {
        topics = topics == null ? List.of() : topics;
        actions = actions == null ? List.of() : actions;
        outbox = outbox == null ? List.of() : outbox;
    }

    public enum Mode { AT_THE_CENTRE, REMOTE }

    /** {@code dueDate}: a Bamako calendar day, {@code yyyy-MM-dd}. */
    public record AgreedAction(String description, String dueDate) {
    }
}
