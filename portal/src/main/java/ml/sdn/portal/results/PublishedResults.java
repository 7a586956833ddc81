package ml.sdn.portal.results;

import ml.sdn.portal.home.PublicEdition;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An edition's published results as competition-service gives them to everyone (no token): per category
 * its laureates (first, second, third) and the places not awarded; the Special Prize for the best women-led
 * initiative, or why it was not awarded ({@code reasonText}, already in the reader's language).
 */
public record PublishedResults(String editionId, int number, int year, Instant publishedAt, List<CategoryResults> categories,
                               SpecialPrize womenLedPrize) {

    /** When they were published, on Bamako's wall clock (null if not said). */
    public LocalDateTime publishedInBamako() {
        return publishedAt == null ? null : LocalDateTime.ofInstant(publishedAt, ZoneId.of("Africa/Bamako"));
    }

    public record CategoryResults(String categoryId, String code, PublicEdition.Text name, List<Laureate> laureates,
                                  List<String> notAwarded) {
    }

    public record Laureate(String place, String title, String name, String country, double finalScore) {
    }

    public record SpecialPrize(boolean awarded, String categoryId, String categoryCode, String title, String name,
                               String country, Double finalScore, String reason, String reasonText) {
    }
}
