package ml.sdn.competition.editions;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Which edition is the current one, as an organizer chose it: one document ({@link #ID}), so that choosing
 * is one write and two editions can never both be current. Absent until the first choice: then there is no
 * current edition (never "the highest number": a test edition must not take the home page over).
 */
@Document(CurrentEdition.COLLECTION)
public record CurrentEdition(@Id String id, String editionId, String chosenBy, Instant chosenAt) {

    public static final String COLLECTION = "competition_current_edition";
    static final String ID = "current";
}
