package ml.sdn.competition.applications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.competition.validation.HttpsUrl;

import java.util.List;

/**
 * What an applicant writes, to create a draft (POST) or to replace its content (PUT). A draft may be
 * incomplete: only {@code categoryId} (on creation) and {@code title} are required, and submission
 * asks for the rest. {@code categoryId} and {@code organizationId} (null: a project holder alone) are
 * fixed at creation: a PUT may omit them or repeat them, not change them. A PUT replaces the whole
 * content: a field left out is emptied.
 */
public record ApplicationRequest(
        @Size(max = 64, message = "{application.id.invalid}")
        @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{application.id.invalid}") String categoryId,
        @Size(max = 64, message = "{application.id.invalid}")
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{application.id.invalid}") String organizationId,
        @NotBlank(message = "{application.title.required}")
        @Size(max = 150, message = "{application.title.size}") String title,
        @Size(max = 1000, message = "{application.summary.size}") String summary,
        @Size(max = 4000, message = "{application.problem.size}") String problem,
        @Size(max = 4000, message = "{application.solution.size}") String solution,
        @Size(max = 1000, message = "{application.targetUsers.size}") String targetUsers,
        Application.Stage stage,
        @Size(max = 200, message = "{application.challenge.size}") String challenge,
        @Size(max = 20, message = "{application.team.size}")
        List<@NotNull(message = "{application.team.member.required}") @Valid TeamMemberRequest> team,
        @Size(max = 500, message = "{application.pitchDeckUrl.size}") @HttpsUrl String pitchDeckUrl) {

    /** One person behind the project: a name and what they do in it. */
    public record TeamMemberRequest(
            @NotBlank(message = "{application.team.name.required}")
            @Size(max = 120, message = "{application.team.name.size}") String name,
            @NotBlank(message = "{application.team.role.required}")
            @Size(max = 120, message = "{application.team.role.size}") String role) {
    }
}
