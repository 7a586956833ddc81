package ml.sdn.competition.selection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An organizer's preselection of a category. {@code applicationIds} absent: the ranking's first
 * {@code preselectCount}; given: exactly these submitted applications of the category. Any choice that
 * is not the ranking's top {@code preselectCount} (other applications, or another number of them) needs
 * {@code overrideReason}.
 */
public record PreselectionRequest(
        @Size(min = 1, max = 1000, message = "{selection.applicationIds.size}")
        List<@NotBlank(message = "{selection.applicationId.required}")
                @Size(max = 64, message = "{selection.applicationId.size}") String> applicationIds,
        @Size(max = 2000, message = "{selection.overrideReason.size}") String overrideReason) {

    static final PreselectionRequest DEFAULT = new PreselectionRequest(null, null);
}
