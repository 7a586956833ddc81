package ml.sdn.competition.selection;

import ml.sdn.competition.editions.CategoryCode;

import java.time.Instant;
import java.util.List;

/**
 * A category's confirmed preselection as organizers read it. {@code preselected} and
 * {@code notPreselected} in ranking order (rank null: not ranked); {@code replaced}: the ranking's top
 * ones left out, {@code added}: those chosen from outside it (both empty without an override).
 * {@code complete} is false while some application has not received its outcome yet (a confirmation cut
 * short and not yet finished). Scores have 4 decimals.
 */
public record PreselectionView(
        String categoryId,
        String editionId,
        CategoryCode categoryCode,
        int preselectCount,
        boolean override,
        String overrideReason,
        List<Line> preselected,
        List<Line> notPreselected,
        List<Line> replaced,
        List<Line> added,
        Person decidedBy,
        Instant decidedAt,
        boolean complete,
        Instant completedAt) {

    public record Line(String applicationId, String reference, String title, Integer rank, Double finalScore) {
    }

    public record Person(String id, String name) {
    }
}
