package ml.sdn.portal.jury;

/** The part of a category (public {@code GET /editions/{id}/categories/{categoryId}}) that the juror's page needs. */
record CategoryRules(String id, Settings settings) {

    record Settings(Boolean blindReview, Boolean revealScoresAfterOwnReview) {
    }

    boolean revealsScores() {
        return settings != null && Boolean.TRUE.equals(settings.revealScoresAfterOwnReview());
    }
}
