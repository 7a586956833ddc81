package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An organizer's extension of a category's submission deadline, for everyone ({@code applicantId} null)
 * or for one applicant, until {@code until} (excluded), with the reason. Only ever inserted; the
 * {@code DeadlineExtended} event waits in {@code outbox} (keyed by the category id) and leaves in the
 * same write.
 */
@Document(DeadlineExtension.COLLECTION)
public record DeadlineExtension(
        @Id String id,
        String editionId,
        String categoryId,
        CategoryCode categoryCode,
        String applicantId,
        Instant until,
        String reason,
        String extendedBy,
        String extendedByName,
        Instant extendedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    public static final String COLLECTION = "competition_deadline_extensions";

    public DeadlineExtension {
        outbox = outbox == null ? List.of() : outbox;
    }

    SubmissionWindow.Extension toWindow() {
        return new SubmissionWindow.Extension(applicantId, until);
    }
}
