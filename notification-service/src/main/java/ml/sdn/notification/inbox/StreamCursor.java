package ml.sdn.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which inbox items one stream has still to send. Items are written by whichever instance handled the
 * event, with that instance's clock, and an insert may become readable a little after its
 * {@code createdAt}: so the stream does not remember "the last time it looked" but reads a window
 * reaching {@code lookback} into the past, and remembers which items of that window it already sent.
 * Memory stays bounded by the items of one window. Not thread-safe: one poller uses it.
 */
final class StreamCursor {

    private Instant since;
    private final Map<String, Instant> sent = new HashMap<>();

    /** A stream that sends what is created from {@code since} on. */
    StreamCursor(Instant since) {
        this.since = since;
    }

    /** A stream resumed after {@code last} (Last-Event-ID): from its creation on, without it. */
    static StreamCursor after(InboxItem last) {
        StreamCursor cursor = new StreamCursor(last.createdAt());
        cursor.sent.put(last.id(), last.createdAt());
        return cursor;
    }

    /** The earliest {@code createdAt} still to look at. */
    Instant since() {
        return since;
    }

    /**
     * Of {@code candidates} (this person's items created from some time on, oldest first), those not sent
     * yet and not older than the window; they count as sent from now on.
     */
    List<InboxItem> take(List<InboxItem> candidates) {
        List<InboxItem> fresh = new ArrayList<>();
        for (InboxItem item : candidates) {
            if (item.createdAt() == null || item.createdAt().isBefore(since) || sent.containsKey(item.id())) {
                continue;
            }
            sent.put(item.id(), item.createdAt());
            fresh.add(item);
        }
        return fresh;
    }

    /**
     * Moves the window to start {@code lookback} before {@code now} (never backwards) and forgets the
     * items older than its start. {@code now} must be taken before the read whose items were taken.
     */
    void advance(Instant now, Duration lookback) {
        Instant start = now.minus(lookback);
        if (start.isAfter(since)) {
            since = start;
        }
        sent.values().removeIf(createdAt -> createdAt.isBefore(since));
    }

    /** How many sent items are remembered (for tests: the memory bound). */
    int remembered() {
        return sent.size();
    }
}
