package ml.sdn.competition.jury;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The whole jury of a category, by the usernames its members sign in with (1 to 100, each once). */
record RosterRequest(
        @NotNull(message = "{jury.roster.usernames.required}")
        @Size(min = 1, max = 100, message = "{jury.roster.usernames.size}")
        List<@NotBlank(message = "{jury.roster.username.required}")
             @Size(max = 100, message = "{jury.roster.username.size}") String> usernames) {
}
