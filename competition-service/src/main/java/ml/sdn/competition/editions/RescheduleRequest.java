package ml.sdn.competition.editions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * New phase starts for a category, as at creation (Bamako wall-clock times, every phase once, in order),
 * with the organizer's reason for the audit trail. A start that has passed is given back unchanged.
 */
public record RescheduleRequest(
        @NotEmpty(message = "{category.phases.required}") @Size(max = 12, message = "{category.phases.size}")
        List<CategoryRequest.@NotNull(message = "{category.phases.required}") @Valid PhaseRequest> phases,
        @NotBlank(message = "{category.reschedule.reason.required}")
        @Size(max = 500, message = "{category.reschedule.reason.size}") String reason) {
}
