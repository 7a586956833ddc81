package ml.sdn.incubation.cohorts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An organizer's new cohort: the edition it belongs to, its name, its dates (Bamako calendar days,
 * {@code yyyy-MM-dd}), its capacity and the milestone template every incubatee starts with.
 */
public record CohortRequest(
        @NotBlank(message = "{cohort.editionId.required}")
        @Size(max = 64, message = "{cohort.editionId.invalid}")
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{cohort.editionId.invalid}") String editionId,
        @NotBlank(message = "{cohort.name.required}")
        @Size(max = 120, message = "{cohort.name.size}") String name,
        @NotNull(message = "{cohort.startDate.required}") LocalDate startDate,
        @NotNull(message = "{cohort.endDate.required}") LocalDate endDate,
        @NotNull(message = "{cohort.capacity.range}")
        @Min(value = 1, message = "{cohort.capacity.range}")
        @Max(value = 1000, message = "{cohort.capacity.range}") Integer capacity,
        @NotNull(message = "{cohort.milestones.size}")
        @Size(min = 1, max = 30, message = "{cohort.milestones.size}")
        List<@NotNull(message = "{cohort.milestone.required}") @Valid MilestoneRequest> milestones) {

    /** One milestone of the template, due {@code dueOffsetDays} after the cohort's start. */
    public record MilestoneRequest(
            @NotBlank(message = "{cohort.milestone.code.invalid}")
            @Pattern(regexp = "[a-z0-9-]{1,40}", message = "{cohort.milestone.code.invalid}") String code,
            @NotBlank(message = "{cohort.milestone.title.required}")
            @Size(max = 150, message = "{cohort.milestone.title.size}") String title,
            @Size(max = 1000, message = "{cohort.milestone.description.size}") String description,
            @NotNull(message = "{cohort.milestone.dueOffsetDays.range}")
            @Min(value = 0, message = "{cohort.milestone.dueOffsetDays.range}")
            @Max(value = 730, message = "{cohort.milestone.dueOffsetDays.range}") Integer dueOffsetDays) {
    }
}
