package ml.sdn.registration.participants;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An organizer moves a person to another delegation: the country, and why (both required). */
public record DelegationRequest(
        @Schema(description = "The new delegation: ML, BF or NE", example = "BF")
        @NotBlank(message = "{participant.delegation.country.required}")
        @Pattern(regexp = "ML|BF|NE", message = "{participant.delegation.country.invalid}") String country,
        @Schema(description = "Why the person moves; kept in the audit and sent with the event", example = "Lives in Ouagadougou since 2025")
        @NotBlank(message = "{participant.delegation.reason.required}")
        @Size(max = 500, message = "{participant.delegation.reason.size}") String reason) {
}
