package ml.sdn.competition.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;

/**
 * A deadline extension: for one applicant (their id, the Keycloak subject) or, {@code applicantId}
 * null, the whole category; {@code until} is a Bamako wall-clock time ({@code 2026-04-03T18:00}).
 */
public record ExtensionRequest(
        @Size(max = 64, message = "{extension.applicantId.invalid}")
        @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{extension.applicantId.invalid}") String applicantId,
        @NotNull(message = "{extension.until.required}") LocalDateTime until,
        @NotBlank(message = "{extension.reason.required}")
        @Size(max = 500, message = "{extension.reason.size}") String reason) {
}
