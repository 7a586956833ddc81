package ml.sdn.incubation.incubatees;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The coach to assign, by Keycloak user id; they must be on the coach roster. {@code coachName} is
 * optional and only checked for size: the roster's name is the one kept (one name per coach everywhere).
 */
public record AssignCoachRequest(
        @NotBlank(message = "{coach.id.invalid}")
        @Size(max = 64, message = "{coach.id.invalid}")
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{coach.id.invalid}") String coachId,
        @Size(max = 120, message = "{coach.name.size}") String coachName) {
}
