package ml.sdn.portal.participant.notifications;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTest {

    @Test
    void paging_counts_from_the_newest_and_stops_at_the_last_page() {
        Inbox first = new Inbox(List.of(), 0, 10, 25, 3);
        Inbox last = new Inbox(List.of(), 2, 10, 25, 3);

        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(first.pages()).isEqualTo(3);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(new Inbox(List.of(), 0, 10, 0, 0).pages()).isEqualTo(1);
        assertThat(new Inbox(List.of(), 0, 10, 10, 0).hasNext()).isFalse();
    }
}
