package ml.sdn.competition.awards;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An edition's results as published, frozen: the id is the edition id, so the insert that publishes is
 * the "once" rule, and the events it announces (each finalist's rank, each prize, the publication) wait
 * in its own {@code outbox}, written in that same insert. The public page reads only the laureates and
 * the Special Prize from here; {@code finalists} (every finalist's rank and score) is for organizers.
 */
@Document(PublishedResults.COLLECTION)
public record PublishedResults(
        @Id String id,
        int editionNumber,
        int year,
        boolean womenLedPrizeMayOverlap,
        List<CategoryResult> categories,
        SpecialPrizeResult womenLedPrize,
        String publishedBy,
        String publishedByName,
        Instant publishedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    public static final String COLLECTION = "competition_results";

    public PublishedResults {
        categories = categories == null ? List.of() : List.copyOf(categories);
        outbox = outbox == null ? List.of() : outbox;
    }

    /** One category's final: every finalist in ranking order, its prizes, and the places not awarded. */
    public record CategoryResult(String categoryId, CategoryCode code, Category.LocalizedText name,
                                 List<Finalist> finalists, List<Laureate> laureates, List<Place> notAwarded) {
    }

    /** A finalist's final-round standing (rank null: too few completed final reviews). */
    public record Finalist(String applicationId, String reference, Integer rank, Double finalScore, Double rawMean,
                           int completedReviews, boolean womenLed) {
    }

    /**
     * A prize winner as announced: {@code name} is the organisation's, or the project holder's when they
     * applied alone.
     */
    public record Laureate(Place place, String applicationId, String reference, String applicantId,
                           String organizationId, String title, String name, String country, double finalScore) {
    }

    /** Awarded ({@code laureate} and its category) or not, with {@code reason}. */
    public record SpecialPrizeResult(boolean awarded, String categoryId, CategoryCode categoryCode,
                                     Integer rankInCategory, Laureate laureate, SpecialPrize.NotAwardedReason reason) {
    }
}
