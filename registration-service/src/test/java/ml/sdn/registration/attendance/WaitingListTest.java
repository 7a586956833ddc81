package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingListTest {

    private static WaitingList.Entry e(String id, long sequence) {
        return new WaitingList.Entry(id, sequence);
    }

    /** Gives {@code places} freed places one by one, as the promotions do, and returns who got them. */
    private static List<String> promote(List<WaitingList.Entry> waiting, int places) {
        List<WaitingList.Entry> left = new ArrayList<>(waiting);
        List<String> promoted = new ArrayList<>();
        for (int i = 0; i < places; i++) {
            WaitingList.of(left).next().ifPresent(next -> {
                promoted.add(next.attendanceId());
                left.remove(next);
            });
        }
        return promoted;
    }

    @Test
    void the_next_place_goes_to_the_smallest_sequence_whatever_the_order_the_list_was_read_in() {
        WaitingList list = WaitingList.of(List.of(e("c", 9), e("a", 4), e("b", 7)));

        assertThat(list.next()).contains(e("a", 4));
    }

    @Test
    void two_freed_places_go_to_the_first_two_waiting_in_order() {
        assertThat(promote(List.of(e("c", 9), e("a", 4), e("b", 7)), 2)).containsExactly("a", "b");
    }

    @Test
    void more_places_than_people_promotes_everyone_and_no_place_promotes_nobody() {
        assertThat(promote(List.of(e("b", 7), e("a", 4)), 5)).containsExactly("a", "b");
        assertThat(promote(List.of(e("b", 7), e("a", 4)), 0)).isEmpty();
    }

    @Test
    void gaps_left_by_cancellations_and_promotions_change_nobodys_order() {
        // 1, 2, 3 were confirmed, 5 and 8 cancelled: 4, 6, 7 wait in that order
        assertThat(promote(List.of(e("g", 7), e("d", 4), e("f", 6)), 3)).containsExactly("d", "f", "g");
    }

    @Test
    void an_empty_list_has_nobody_next() {
        assertThat(WaitingList.of(List.of()).next()).isEmpty();
    }

    @Test
    void position_is_one_more_than_the_people_waiting_ahead() {
        assertThat(WaitingList.positionOf(0)).isEqualTo(1);
        assertThat(WaitingList.positionOf(3)).isEqualTo(4);
    }
}
