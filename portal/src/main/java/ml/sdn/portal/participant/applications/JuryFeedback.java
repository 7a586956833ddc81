package ml.sdn.portal.participant.applications;

import ml.sdn.portal.home.PublicEdition;

import java.util.List;

/** The jury's comments on one's application, as competition-service shares them (numbered reviews, no names). */
record JuryFeedback(boolean scoresShown, List<Review> reviews) {

    JuryFeedback {
        reviews = reviews == null ? List.of() : reviews;
    }

    record Review(int number, List<Comment> comments) {
    }

    record Comment(String criterion, PublicEdition.Text label, Double score, String comment) {
    }
}
