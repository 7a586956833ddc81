package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;

import ml.sdn.platform.rules.FieldProblem;

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
 * @param walkIns   what became of each person registered at the door, in the batch's order
 */
public record OfflineCheckInReport(int recorded, int alreadyIn, int conflicts, int refused, List<Line> lines,
                                   WalkIns walkIns) {

    public enum Outcome { RECORDED, ALREADY_IN, CONFLICT, REFUSED }

    /**
     * @param refusal     why a refused line was refused ({@link DoorCheckIn.Reason}), {@code message} in words
     * @param checkedInAt the time and {@code door} of the check-in that counts for the person that day
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String checkInId, Outcome outcome, String refusal, String message,
                       Instant checkedInAt, String door) {
    }

    /**
     * REGISTERED: the person now holds the code the door wrote (an upload repeated says it again);
     * ALREADY_REGISTERED: they had a badge already, {@code badgeCode} is theirs (their paper badge must be
     * corrected); CONFLICT: the code was given to another person first, nobody registered; REFUSED: the code was
     * not set aside for this staff member and day, or the details are at fault ({@code errors}), nobody registered.
     */
    public enum WalkInOutcome { REGISTERED, ALREADY_REGISTERED, CONFLICT, REFUSED }

    /**
     * @param badgeCode   the code that counts for the person; {@code checkedInAt} and {@code door} their check-in
     * @param errors      the details at fault, by field, in words
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record WalkInLine(String clientId, WalkInOutcome outcome, String name, String badgeCode, String message,
                             List<FieldProblem> errors, Instant checkedInAt, String door) {
    }

    /** The walk-ins' totals, and each one's line. */
    public record WalkIns(int registered, int alreadyRegistered, int conflicts, int refused, List<WalkInLine> lines) {

        static WalkIns of(List<WalkInLine> lines) {
            return new WalkIns(count(lines, WalkInOutcome.REGISTERED), count(lines, WalkInOutcome.ALREADY_REGISTERED),
                    count(lines, WalkInOutcome.CONFLICT), count(lines, WalkInOutcome.REFUSED), lines);
        }

        private static int count(List<WalkInLine> lines, WalkInOutcome outcome) {
            return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
        }
    }

    static OfflineCheckInReport of(List<Line> lines, List<WalkInLine> walkIns) {
        return new OfflineCheckInReport(count(lines, Outcome.RECORDED), count(lines, Outcome.ALREADY_IN),
                count(lines, Outcome.CONFLICT), count(lines, Outcome.REFUSED), lines, WalkIns.of(walkIns));
    }

    private static int count(List<Line> lines, Outcome outcome) {
        return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
    }
}
