package ml.sdn.competition.feedback;

import ml.sdn.competition.editions.Category;

import java.util.List;

/**
 * What the jury's preselection reviews tell an applicant, as the category allows: each review anonymously
 * ({@code number} 1, 2, … in the order they were submitted), its comments per criterion, and the scores only
 * when {@code scoresShown}. Never the jurors' names or ids.
 */
public record ApplicantFeedback(String applicationId, boolean scoresShown, List<Review> reviews) {

    public record Review(int number, List<Comment> comments) {
    }

    /** {@code score} is null unless the category shares scores; {@code comment} null when the juror wrote none. */
    public record Comment(String criterion, Category.LocalizedText label, Double score, String comment) {
    }
}
