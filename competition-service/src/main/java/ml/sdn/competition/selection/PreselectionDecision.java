package ml.sdn.competition.selection;

import ml.sdn.competition.editions.CategoryCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A category's preselection, confirmed once: the id is the category id, so the insert that records it
 * is the "once per category" rule (a second insert collides). It holds everything needed to write each
 * application's outcome later, so a confirmation cut short (the service stopped half-way) is finished
 * from it alone, by a retry or by {@link Preselections#completeUnfinished}: {@code standings} is every
 * submitted application of the category with its rank and score at decision time, {@code chosen} the
 * ids preselected, {@code rankingTop} the ranking's first {@code preselectCount} at decision time.
 * {@code completedAt} is set once every application carries its outcome.
 */
@Document(PreselectionDecision.COLLECTION)
public record PreselectionDecision(
        @Id String id,
        String editionId,
        CategoryCode categoryCode,
        int preselectCount,
        List<String> chosen,
        List<String> rankingTop,
        boolean override,
        String overrideReason,
        List<Standing> standings,
        String decidedBy,
        String decidedByName,
        Instant decidedAt,
        Instant completedAt) {

    public static final String COLLECTION = "competition_preselections";

    public PreselectionDecision {
        chosen = chosen == null ? List.of() : List.copyOf(chosen);
        rankingTop = rankingTop == null ? List.of() : List.copyOf(rankingTop);
        standings = standings == null ? List.of() : List.copyOf(standings);
    }

    /** A submitted application at decision time: its preselection rank (null: not ranked) and final score. */
    public record Standing(String applicationId, String reference, Integer rank, Double finalScore) {
    }

    public String categoryId() {
        return id;
    }

    /** Whether this application's outcome departs from the ranking: chosen outside the top, or a top one left out. */
    boolean departs(String applicationId) {
        return chosen.contains(applicationId) != rankingTop.contains(applicationId);
    }
}
