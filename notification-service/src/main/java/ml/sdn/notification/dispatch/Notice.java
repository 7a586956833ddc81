package ml.sdn.notification.dispatch;

import ml.sdn.notification.catalogue.NotificationKind;

import java.util.Map;
import java.util.Objects;

/**
 * "Tell this recipient this kind of thing, because of this event": what an event listener asks of the
 * {@link Notifier}. {@code model} holds the values the kind's templates use (see the kind's javadoc),
 * already chosen by the listener: never the raw event.
 */
public record Notice(String eventId, NotificationKind kind, String recipientId, Map<String, ?> model) {

    public Notice {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipientId, "recipientId");
        model = Map.copyOf(model);
    }
}
