package ml.sdn.competition.awards;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;

import java.time.Instant;
import java.util.List;

/**
 * What publishing now would announce, for organizers: per category the final ranking of its finalists
 * and its three prizes, the Special Prize, and whether publication is possible ({@code blockers} says
 * why not). {@code publishedAt} is set once the results are published (they are then frozen: the
 * public page shows the published ones, whatever this preview computes later).
 */
public record ResultsPreview(
        String editionId,
        int number,
        boolean womenLedPrizeMayOverlap,
        boolean publishable,
        List<Blocker> blockers,
        Instant publishedAt,
        List<CategoryPreview> categories,
        SpecialPrizePreview womenLedPrize,
        Instant computedAt) {

    /** Why publication is refused: NO_CATEGORY, PHASE (not FINAL or CLOSED), NO_PRESELECTION or NO_RANKED_FINALIST. */
    public record Blocker(String categoryId, CategoryCode categoryCode, String reason, String message) {
    }

    /** {@code pendingFinalReviews}: final-round reviews assigned to finalists and not submitted yet. */
    public record CategoryPreview(String categoryId, CategoryCode code, Category.LocalizedText name, Phase currentPhase,
                                  int finalists, int rankedFinalists, long pendingFinalReviews,
                                  List<FinalistLine> ranking, List<LaureateLine> awards, List<Place> notAwarded) {
    }

    /** A finalist in its category's final ranking (rank null: too few completed final reviews). */
    public record FinalistLine(Integer rank, String applicationId, String reference, String title, String name,
                               String country, boolean womenLed, Double finalScore, Double rawMean,
                               int completedReviews, Application.IncubationStatus incubation) {
    }

    public record LaureateLine(Place place, String applicationId, String reference, String title, String name,
                               String country, double finalScore) {
    }

    /** Awarded ({@code laureate}, {@code place} null) or not, with {@code reason} and its text. */
    public record SpecialPrizePreview(boolean awarded, String categoryId, CategoryCode categoryCode,
                                      Integer rankInCategory, LaureateLine laureate,
                                      SpecialPrize.NotAwardedReason reason, String reasonText) {
    }
}
