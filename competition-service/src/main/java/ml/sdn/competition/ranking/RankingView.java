package ml.sdn.competition.ranking;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.jury.Round;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round's ranking of a category as organizers read it, every score explained: per line the rank (null
 * when not ranked, with why), the final score, raw and normalised means, per-criterion averages and each
 * review's raw and normalised total. Jurors appear as numbered pseudonyms ({@code jurorNumber}, "Juré 3"),
 * the same number on every line of one response. {@code jurors} and {@code category} give the means and
 * spreads the normalisation used; {@code scoring} and {@code tieBreaks} state the rules in words.
 * {@code provisional}: the round's scoring phase is not over, scores may still change. Scores have 4
 * decimals (the order itself is decided at 10<sup>-6</sup>, see {@code tieBreaks}).
 */
public record RankingView(
        String categoryId,
        String editionId,
        CategoryCode categoryCode,
        Round round,
        Phase currentPhase,
        boolean provisional,
        Instant roundEndsAt,
        int preselectCount,
        boolean normalisePerJuror,
        int minimumCompletedReviews,
        List<Category.Criterion> criteria,
        Spread category,
        List<JurorLine> jurors,
        List<String> scoring,
        List<String> tieBreaks,
        List<Line> lines,
        Instant computedAt) {

    /** One application. {@code notRankedReason} (TOO_FEW_COMPLETED_REVIEWS) and its text only when {@code rank} is null. */
    public record Line(Integer rank, String notRankedReason, String notRankedText, String applicationId,
                       String reference, String title, Double finalScore, Double rawMean, Double normalisedMean,
                       Map<String, Double> criterionAverages, int completedReviews, List<ReviewLine> reviews,
                       Application.SelectionStatus selection, Application.IncubationStatus incubation) {
    }

    /** One completed review: who (pseudonym), its weighted total and that total after normalisation. */
    public record ReviewLine(int jurorNumber, String juror, double rawTotal, double normalisedTotal) {
    }

    /** One juror's completed reviews of the round: how many, their mean and (population) spread. */
    public record JurorLine(int jurorNumber, String juror, int completedReviews, double meanRawTotal,
                            double spreadRawTotal) {
    }

    /** The round's completed reviews together: μ and σ of the normalisation (null without any review). */
    public record Spread(int completedReviews, Double meanRawTotal, Double spreadRawTotal) {
    }
}
