package ml.sdn.events.notification;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.util.List;

/**
 * An organizer (or a coordinator, for their own delegation) sent a message to a group: notification-service
 * publishes it and delivers it itself, once per person and channel, so that a send interrupted by a restart
 * is completed from the topic. {@code recipientIds} are the people of the audience when it was sent (Keycloak
 * subjects), fixed then so that a redelivery reaches the same people; {@code country} the audience's country
 * (ML, BF, NE; null: everyone); {@code sms}: by SMS too, to those with a phone number. Each person reads the
 * subject and text of their language.
 */
public record BroadcastRequested(
        String broadcastId,
        String sentBy,
        String country,
        String subjectFr,
        String bodyFr,
        String subjectEn,
        String bodyEn,
        boolean sms,
        List<String> recipientIds,
        Instant requestedAt) {

    public static final EventType<BroadcastRequested> TYPE = EventType.of(
            "sdn.notification.broadcast-requested.v1", Topics.NOTIFICATION_BROADCASTS, BroadcastRequested.class);
}
