package ml.sdn.competition.awards;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;

import java.time.Instant;
import java.util.List;

/**
 * An edition's published results as anyone reads them, without signing in: per category its laureates
 * (place, title, organisation or holder's name, country, final score to 2 decimals) and the places not
 * awarded; the Special Prize for the best women-led initiative, or why it was not awarded. Nothing else:
 * no other finalist, no juror, no contact.
 */
public record PublicResults(
        String editionId,
        int number,
        int year,
        Instant publishedAt,
        List<PublicCategory> categories,
        PublicSpecialPrize womenLedPrize) {

    public record PublicCategory(String categoryId, CategoryCode code, Category.LocalizedText name,
                                 List<PublicLaureate> laureates, List<Place> notAwarded) {
    }

    public record PublicLaureate(Place place, String title, String name, String country, double finalScore) {
    }

    /** {@code awarded}: the laureate's category, title, name, country and score; otherwise {@code reason} and its text. */
    public record PublicSpecialPrize(boolean awarded, String categoryId, CategoryCode categoryCode, String title,
                                     String name, String country, Double finalScore,
                                     SpecialPrize.NotAwardedReason reason, String reasonText) {
    }
}
