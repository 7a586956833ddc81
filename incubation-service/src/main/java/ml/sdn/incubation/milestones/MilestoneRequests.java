package ml.sdn.incubation.milestones;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The bodies of the milestone endpoints. */
final class MilestoneRequests {

    private MilestoneRequests() {
    }

    /** A milestone a coach adds for one incubatee; {@code dueDate} a Bamako day, today or later. */
    record CustomMilestone(
            @NotBlank(message = "{coaching.milestone.title.required}")
            @Size(max = 150, message = "{coaching.milestone.title.size}") String title,
            @Size(max = 2000, message = "{coaching.milestone.description.size}") String description,
            @NotNull(message = "{coaching.milestone.dueDate.required}") LocalDate dueDate) {
    }

    /** The incubatee's submission: a link to the evidence (https) and an optional comment. */
    record Submission(
            @NotBlank(message = "{coaching.milestone.evidenceUrl.required}")
            @Size(max = 500, message = "{coaching.milestone.evidenceUrl.size}") @HttpsUrl String evidenceUrl,
            @Size(max = 2000, message = "{coaching.milestone.comment.size}") String comment) {
    }

    /** The coach's optional word on validating. */
    record Validation(@Size(max = 2000, message = "{coaching.milestone.comment.size}") String comment) {
    }

    /** Why the coach sends the submission back: required, the incubatee reads it. */
    record SendBack(
            @NotBlank(message = "{coaching.milestone.feedback.required}")
            @Size(max = 2000, message = "{coaching.milestone.feedback.size}") String feedback) {
    }
}
