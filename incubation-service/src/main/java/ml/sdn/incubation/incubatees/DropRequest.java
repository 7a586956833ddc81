package ml.sdn.incubation.incubatees;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an incubatee leaves the incubation (required: the competition and the incubatee read it). */
public record DropRequest(
        @NotBlank(message = "{incubatee.reason.required}")
        @Size(max = 500, message = "{incubatee.reason.size}") String reason) {
}
