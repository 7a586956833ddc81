package ml.sdn.competition.jury;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The record that a juror was reminded of their pending reviews of a category's round: inserted once,
 * its id {@code <round>:<categoryId>:<jurorId>} making any second reminder a duplicate key. The
 * {@code ReviewReminder} event waits in {@code outbox} until the relay has published it.
 */
@Document(ReviewReminderSent.COLLECTION)
record ReviewReminderSent(
        @Id String id,
        String editionId,
        String categoryId,
        String jurorId,
        Round round,
        int pendingReviews,
        Instant endsAt,
        Instant remindedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    static final String COLLECTION = "competition_review_reminders";

    static String idOf(Round round, String categoryId, String jurorId) {
        return round + ":" + categoryId + ":" + jurorId;
    }
}
