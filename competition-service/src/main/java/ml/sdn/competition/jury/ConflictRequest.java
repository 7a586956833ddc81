package ml.sdn.competition.jury;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A juror's declaration of a conflict of interest; the reason is shown to organizers only. */
record ConflictRequest(
        @NotBlank(message = "{jury.conflict.reason.required}") @Size(max = 1000, message = "{jury.conflict.reason.size}")
        String reason) {
}
