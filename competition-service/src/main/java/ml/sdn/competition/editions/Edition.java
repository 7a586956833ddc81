package ml.sdn.competition.editions;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One edition of the Semaine du Numérique. {@code number} is unique (index). Dates are the week's
 * calendar days in Bamako, stored as ISO {@code yyyy-MM-dd} text so that no JVM time zone can shift
 * them and text order is date order. {@code guestCountries} is a subset of ML, BF, NE. Its creation is
 * announced ({@code EditionCreated}, waiting in {@code outbox} until the relay has published it), so
 * that the other services know which editions exist without asking. {@code archived} (absent: false) once an
 * organizer archived it; {@code home} (absent: nothing yet) what the public home page tells beyond the dates.
 * Which edition is the current one is not a field here but {@link CurrentEdition}.
 */
@Document(Edition.COLLECTION)
public record Edition(
        @Id String id,
        int number,
        int year,
        String startDate,
        String endDate,
        String venue,
        String theme,
        List<String> guestCountries,
        boolean womenLedPrizeMayOverlap,
        Boolean archived,
        HomeContent home,
        String createdBy,
        Instant createdAt,
        @Version Long version,
        List<PendingEvent> outbox) {

    public static final String COLLECTION = "competition_editions";

    /** Archived editions are kept for their history (results, audit) but can no longer be the current one. */
    public boolean isArchived() {
        return Boolean.TRUE.equals(archived);
    }

    /** How exports name the edition: its number and year, {@code 3 (2026)}. */
    public String label() {
        return number + " (" + year + ")";
    }
}
