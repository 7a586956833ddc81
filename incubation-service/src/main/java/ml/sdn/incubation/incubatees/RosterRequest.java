package ml.sdn.incubation.incubatees;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The whole roster of coaches, as an organizer declares it (replaces the previous one). */
public record RosterRequest(
        @NotNull(message = "{coach.roster.size}")
        @Size(max = 200, message = "{coach.roster.size}")
        List<@NotNull(message = "{coach.roster.entry.required}") @Valid Entry> coaches) {

    /** A coach: their Keycloak user id (subject) and the name organizers and incubatees see. */
    public record Entry(
            @NotBlank(message = "{coach.id.invalid}")
            @Size(max = 64, message = "{coach.id.invalid}")
            @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{coach.id.invalid}") String id,
            @NotBlank(message = "{coach.name.required}")
            @Size(max = 120, message = "{coach.name.size}") String name) {
    }
}
