package ml.sdn.competition.editions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A new edition; dates are calendar days ({@code 2026-11-18}); guest countries a subset of ML, BF, NE.
 * {@code womenLedPrizeMayOverlap} (default false): whether the Special Prize for the best women-led
 * initiative may go to a finalist who already holds a top-three award.
 */
public record EditionRequest(
        @NotNull(message = "{edition.number.required}")
        @Min(value = 1, message = "{edition.number.invalid}") @Max(value = 999, message = "{edition.number.invalid}")
        Integer number,
        @NotNull(message = "{edition.year.required}")
        @Min(value = 2000, message = "{edition.year.invalid}") @Max(value = 2100, message = "{edition.year.invalid}")
        Integer year,
        @NotNull(message = "{edition.startDate.required}") LocalDate startDate,
        @NotNull(message = "{edition.endDate.required}") LocalDate endDate,
        @NotBlank(message = "{edition.venue.required}") @Size(max = 200, message = "{edition.venue.size}") String venue,
        @NotBlank(message = "{edition.theme.required}") @Size(max = 300, message = "{edition.theme.size}") String theme,
        @NotNull(message = "{edition.guestCountries.required}") @Size(max = 3, message = "{edition.guestCountries.invalid}")
        List<@NotNull(message = "{edition.guestCountries.invalid}")
             @Pattern(regexp = "ML|BF|NE", message = "{edition.guestCountries.invalid}") String> guestCountries,
        Boolean womenLedPrizeMayOverlap) {
}
