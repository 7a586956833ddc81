package ml.sdn.competition.editions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How a category's jury works, set by the organizer with the category (every field optional; the
 * defaults are {@link #DEFAULT}). {@code jurorsPerApplication} is k of the automatic assignment;
 * {@code blindReview} hides applicants' names, organisation and contacts from jurors;
 * {@code revealScoresAfterOwnReview} lets a juror see the other jurors' scores of an application once
 * their own review of it is submitted (never before); {@code normalisePerJuror} ranks on z-score
 * normalised totals; {@code minimumCompletedReviews} is what an application needs to be ranked;
 * {@code shareCommentsWithApplicants} shows each applicant the jurors' comments on their application once the
 * preselection is confirmed (never who wrote them), and {@code shareScoresWithApplicants} the scores with them.
 */
public record CategorySettings(
        @Min(value = 1, message = "{category.settings.jurorsPerApplication.invalid}")
        @Max(value = 10, message = "{category.settings.jurorsPerApplication.invalid}") Integer jurorsPerApplication,
        Boolean blindReview,
        Boolean revealScoresAfterOwnReview,
        Boolean normalisePerJuror,
        @Min(value = 1, message = "{category.settings.minimumCompletedReviews.invalid}")
        @Max(value = 10, message = "{category.settings.minimumCompletedReviews.invalid}") Integer minimumCompletedReviews,
        Boolean shareCommentsWithApplicants,
        Boolean shareScoresWithApplicants) {

    public static final CategorySettings DEFAULT = new CategorySettings(3, true, false, true, 2);

    /** The jury's settings alone: nothing is shared with applicants. */
    public CategorySettings(Integer jurorsPerApplication, Boolean blindReview, Boolean revealScoresAfterOwnReview,
                            Boolean normalisePerJuror, Integer minimumCompletedReviews) {
        this(jurorsPerApplication, blindReview, revealScoresAfterOwnReview, normalisePerJuror, minimumCompletedReviews, null, null);
    }

    /** Every missing field takes its default, so stored settings are always complete. */
    public CategorySettings {
        jurorsPerApplication = jurorsPerApplication == null ? 3 : jurorsPerApplication;
        blindReview = blindReview == null ? Boolean.TRUE : blindReview;
        revealScoresAfterOwnReview = revealScoresAfterOwnReview == null ? Boolean.FALSE : revealScoresAfterOwnReview;
        normalisePerJuror = normalisePerJuror == null ? Boolean.TRUE : normalisePerJuror;
        minimumCompletedReviews = minimumCompletedReviews == null ? 2 : minimumCompletedReviews;
        shareCommentsWithApplicants = shareCommentsWithApplicants == null ? Boolean.FALSE : shareCommentsWithApplicants;
        shareScoresWithApplicants = shareScoresWithApplicants == null ? Boolean.FALSE : shareScoresWithApplicants;
    }

    public static CategorySettings orDefault(CategorySettings settings) {
        return settings == null ? DEFAULT : settings;
    }
}
