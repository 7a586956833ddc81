package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * What became of each uploaded line, in the batch's order, and the totals. The same batch uploaded again
 * gets the same outcomes and changes nothing.
 *
 * @param recorded  lines that are the person's check-in that day (now, or when first uploaded)
 * @param alreadyIn lines for someone already in by the same door, earlier: not counted again
 * @param conflicts lines for someone already in by another door: not counted again, shown to organizers
 * @param refused   lines whose badge does not let its bearer in that day: nothing recorded
 */
public record OfflineCheckInReport(int recorded, int alreadyIn, int conflicts, int refused, List<Line> lines) {

    public enum Outcome { RECORDED, ALREADY_IN, CONFLICT, REFUSED }

    /**
     * @param refusal     why a refused line was refused ({@link DoorCheckIn.Refusal}), {@code message} in words
     * @param checkedInAt the time and {@code door} of the check-in that counts for the person that day
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String checkInId, Outcome outcome, String refusal, String message,
                       Instant checkedInAt, String door) {
    }

    static OfflineCheckInReport of(List<Line> lines) {
        return new OfflineCheckInReport(count(lines, Outcome.RECORDED), count(lines, Outcome.ALREADY_IN),
                count(lines, Outcome.CONFLICT), count(lines, Outcome.REFUSED), lines);
    }

    private static int count(List<Line> lines, Outcome outcome) {
        return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
    }
}
