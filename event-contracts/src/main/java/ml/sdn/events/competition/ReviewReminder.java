package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A juror still has reviews to submit and the round ends soon; sent once per juror, category and round. Keyed by {@code categoryId}. */
public record ReviewReminder(String categoryId, String editionId, String categoryCode, String jurorId, String round, int pendingReviews, Instant endsAt, Instant remindedAt) {

    public static final EventType<ReviewReminder> TYPE = EventType.of(
            "sdn.competition.review-reminder.v1", Topics.COMPETITION_JURY, ReviewReminder.class);
}
