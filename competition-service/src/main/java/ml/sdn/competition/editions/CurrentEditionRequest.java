package ml.sdn.competition.editions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The edition to make the current one (by its id, as the edition list gives it). */
public record CurrentEditionRequest(
        @NotBlank(message = "{edition.current.editionId.required}") @Size(max = 64, message = "{edition.current.unknown}")
        String editionId) {
}
