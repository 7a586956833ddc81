package ml.sdn.incubation.sessions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A session as the coach logs it. {@code heldAt} is Bamako wall-clock time ({@code 2026-11-20T10:00}), not in
 * the future and not before the cohort's start; {@code notes} are read by the incubatee, {@code privateNotes}
 * only by coaches and organizers; each agreed action is due on a Bamako day on or after the session's.
 */
public record SessionRequest(
        @NotNull(message = "{coaching.session.heldAt.required}") LocalDateTime heldAt,
        @NotNull(message = "{coaching.session.durationMinutes.range}")
        @Min(value = 5, message = "{coaching.session.durationMinutes.range}")
        @Max(value = 600, message = "{coaching.session.durationMinutes.range}") Integer durationMinutes,
        @NotNull(message = "{coaching.session.mode.required}") CoachingSession.Mode mode,
        @NotNull(message = "{coaching.session.topics.size}")
        @Size(min = 1, max = 10, message = "{coaching.session.topics.size}")
        List<@NotBlank(message = "{coaching.session.topic.required}")
        @Size(max = 100, message = "{coaching.session.topic.size}") String> topics,
        @Size(max = 4000, message = "{coaching.session.notes.size}") String notes,
        @Size(max = 4000, message = "{coaching.session.privateNotes.size}") String privateNotes,
        @Size(max = 20, message = "{coaching.session.actions.size}")
        List<@NotNull(message = "{coaching.session.action.required}") @Valid ActionRequest> actions) {

    /** Something the incubatee agreed to do, by a Bamako day. */
    public record ActionRequest(
            @NotBlank(message = "{coaching.session.action.description.required}")
            @Size(max = 300, message = "{coaching.session.action.description.size}") String description,
            @NotNull(message = "{coaching.session.action.dueDate.required}") LocalDate dueDate) {
    }
}
