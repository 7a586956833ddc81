package ml.sdn.competition.editions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A category as people read it: phase bounds both as Bamako wall-clock times and as instants;
 * {@code currentPhase} is the phase open when the response was made (null before submission opens).
 */
public record CategoryView(String id, String editionId, CategoryCode code, List<String> organizationTypes,
                           Category.LocalizedText name, List<String> challenges, List<Category.Criterion> criteria,
                           Scale scale, int preselectCount, String timeZone, List<PhaseView> phases, Phase currentPhase,
                           CategorySettings settings) {

    public record Scale(int min, int max) {
    }

    /** {@code end}/{@code endsAt} null for CLOSED. */
    public record PhaseView(Phase phase, LocalDateTime start, LocalDateTime end, Instant startsAt, Instant endsAt) {
    }

    static CategoryView of(Category category, Instant now) {
        Timeline timeline = category.timeline();
        List<PhaseView> phases = timeline.windows().stream().map(window -> new PhaseView(window.phase(),
                local(window.start()), window.end() == null ? null : local(window.end()), window.start(), window.end()))
                .toList();
        return new CategoryView(category.id(), category.editionId(), category.code(), category.organizationTypes(),
                category.name(), category.challenges(), category.criteria(),
                new Scale(category.scaleMin(), category.scaleMax()), category.preselectCount(), category.timeZone(),
                phases, timeline.phaseAt(now).orElse(null), category.settings());
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Timeline.BAMAKO);
    }
}
