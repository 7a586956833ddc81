package ml.sdn.registration.attendance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order of a day's waiting list: first come, first served. Each registration takes the day's next
 * waiting sequence number (atomically, from the day document) before anything else, so the sequence
 * is the order of arrival; a freed place goes to the waiting person with the smallest sequence, and a
 * person's position is one more than the number of people still waiting with a smaller sequence.
 * A cancelled or promoted person leaves a gap in the sequence, which changes nobody's order. The programme
 * keeps the waiting lists of its sessions by the same rule.
 */
public final class WaitingList {

    /** Someone on the list: their attendance and the sequence number they took when they registered. */
    public record Entry(String attendanceId, long sequence) {
    }

    /** Smallest sequence first; sequences are unique within a day, the id only makes the order total. */
    static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::sequence).thenComparing(Entry::attendanceId);

    private final List<Entry> waiting;

    private WaitingList(List<Entry> waiting) {
        List<Entry> sorted = new ArrayList<>(waiting);
        sorted.sort(ORDER);
        this.waiting = List.copyOf(sorted);
    }

    public static WaitingList of(List<Entry> waiting) {
        return new WaitingList(waiting);
    }

    /** Who gets the next freed place. */
    public Optional<Entry> next() {
        return waiting.isEmpty() ? Optional.empty() : Optional.of(waiting.get(0));
    }

    /** 1 for the next person to be promoted. */
    public static int positionOf(long peopleAhead) {
        return Math.toIntExact(peopleAhead + 1);
    }
}
