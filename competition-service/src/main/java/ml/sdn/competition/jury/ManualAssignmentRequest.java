package ml.sdn.competition.jury;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An organizer gives one application to one roster juror, with the reason (audited). {@code round} defaults from the phase. */
record ManualAssignmentRequest(
        @NotBlank(message = "{jury.manual.applicationId.required}") @Size(max = 64, message = "{jury.manual.applicationId.size}")
        String applicationId,
        @NotBlank(message = "{jury.manual.username.required}") @Size(max = 100, message = "{jury.roster.username.size}")
        String username,
        Round round,
        @NotBlank(message = "{jury.reason.required}") @Size(max = 500, message = "{jury.reason.size}")
        String reason) {
}
