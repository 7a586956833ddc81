package ml.sdn.notification.inbox;

import ml.sdn.notification.catalogue.NotificationKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCursorTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");
    private static final Duration LOOKBACK = Duration.ofSeconds(15);

    @Test
    void sends_each_item_created_since_the_stream_opened_once() {
        StreamCursor cursor = new StreamCursor(T0);
        InboxItem before = item("a", T0.minusSeconds(1));
        InboxItem atOpening = item("b", T0);
        InboxItem after = item("c", T0.plusSeconds(2));

        assertThat(cursor.take(List.of(before, atOpening, after))).containsExactly(atOpening, after);
        assertThat(cursor.take(List.of(before, atOpening, after))).isEmpty();
    }

    @Test
    void an_item_that_becomes_readable_late_is_still_sent_within_the_lookback() {
        StreamCursor cursor = new StreamCursor(T0);
        InboxItem first = item("a", T0.plusSeconds(5));
        // read at T0+6s: only "a" is readable yet
        assertThat(cursor.take(List.of(first))).containsExactly(first);
        cursor.advance(T0.plusSeconds(6), LOOKBACK); // window start T0-9s: stays at T0
        assertThat(cursor.since()).isEqualTo(T0);

        // "b" was created at T0+4s by another instance but its insert shows only now, at T0+10s
        InboxItem late = item("b", T0.plusSeconds(4));
        assertThat(cursor.take(List.of(late, first))).containsExactly(late);
    }

    @Test
    void the_window_moves_forward_and_forgets_what_fell_out_of_it() {
        StreamCursor cursor = new StreamCursor(T0);
        InboxItem a = item("a", T0.plusSeconds(1));
        InboxItem b = item("b", T0.plusSeconds(20));
        cursor.take(List.of(a, b));
        assertThat(cursor.remembered()).isEqualTo(2);

        cursor.advance(T0.plusSeconds(30), LOOKBACK); // window starts at T0+15s: "a" is out, "b" is in

        assertThat(cursor.since()).isEqualTo(T0.plusSeconds(15));
        assertThat(cursor.remembered()).isEqualTo(1);
        assertThat(cursor.take(List.of(a, b))).isEmpty();
    }

    @Test
    void the_window_never_moves_backwards() {
        StreamCursor cursor = new StreamCursor(T0);

        cursor.advance(T0.plusSeconds(5), LOOKBACK); // T0-10s would be earlier than T0

        assertThat(cursor.since()).isEqualTo(T0);
    }

    @Test
    void a_resumed_stream_sends_what_came_after_the_last_item_seen_but_not_that_item() {
        InboxItem last = item("a", T0);
        InboxItem sameMillisecond = item("b", T0);
        InboxItem next = item("c", T0.plusSeconds(1));
        StreamCursor cursor = StreamCursor.after(last);

        assertThat(cursor.take(List.of(last, sameMillisecond, next))).containsExactly(sameMillisecond, next);
    }

    private static InboxItem item(String id, Instant createdAt) {
        return new InboxItem(id, "p-1", "event-" + id, NotificationKind.PROFILE_CREATED, "s", "b", createdAt, null);
    }
}
