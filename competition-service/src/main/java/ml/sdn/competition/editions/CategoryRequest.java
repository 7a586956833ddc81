package ml.sdn.competition.editions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A new category. Phase starts are wall-clock times in Africa/Bamako ({@code 2026-03-01T08:00}); every
 * phase once, each after the previous one; none at all (absent or empty) takes the usual calendar from the
 * edition's dates ({@link EditionRules#defaultPhases}). Criteria weights are whole percents summing to 100.
 */
public record CategoryRequest(
        @NotNull(message = "{category.code.required}") CategoryCode code,
        @NotNull(message = "{category.name.required}") @Valid Text name,
        @Size(max = 20, message = "{category.challenges.size}")
        List<@NotBlank(message = "{category.challenge.required}") @Size(max = 200, message = "{category.challenge.size}") String> challenges,
        @NotEmpty(message = "{category.criteria.required}") @Size(max = 20, message = "{category.criteria.size}")
        List<@NotNull(message = "{category.criteria.required}") @Valid CriterionRequest> criteria,
        @NotNull(message = "{category.preselectCount.required}")
        @Min(value = 1, message = "{category.preselectCount.invalid}") @Max(value = 1000, message = "{category.preselectCount.invalid}")
        Integer preselectCount,
        @Size(max = 12, message = "{category.phases.size}")
        List<@NotNull(message = "{category.phases.required}") @Valid PhaseRequest> phases,
        @Valid CategorySettings settings) {

    public record Text(
            @NotBlank(message = "{category.text.required}") @Size(max = 120, message = "{category.text.size}") String fr,
            @NotBlank(message = "{category.text.required}") @Size(max = 120, message = "{category.text.size}") String en) {
    }

    public record CriterionRequest(
            @NotBlank(message = "{category.criterion.code.required}")
            @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "{category.criterion.code.invalid}") String code,
            @NotNull(message = "{category.text.required}") @Valid Text label,
            @NotNull(message = "{category.criterion.weight.required}")
            @Min(value = 1, message = "{category.criterion.weight.invalid}") @Max(value = 100, message = "{category.criterion.weight.invalid}")
            Integer weight) {
    }

    public record PhaseRequest(
            @NotNull(message = "{category.phase.required}") Phase phase,
            @NotNull(message = "{category.phase.start.required}") LocalDateTime start) {
    }
}
