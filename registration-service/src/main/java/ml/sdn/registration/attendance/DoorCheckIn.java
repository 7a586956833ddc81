package ml.sdn.registration.attendance;

import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.Refusal;

import java.util.Map;
import java.util.Objects;

/**
 * The door's rules, without storage: whom a badge lets in on a day, and what a scan of someone already
 * in says. Who is checked in is decided by the store (the first write wins, see {@link Attendances#checkIn});
 * this class says what the caller is told.
 * <ul>
 * <li>A code that cannot be a badge code, a code no badge has, a badge whose holder is not registered that
 *     day, or whose registration was cancelled (or is only on the waiting list): refused, nothing recorded.</li>
 * <li>The check-in that counted, sent again with its own id (a retried request, an offline batch uploaded
 *     twice): answered as that check-in, {@link Outcome#FIRST}.</li>
 * <li>Any other scan of someone already in that day: {@link Outcome#ALREADY_IN}, with the first
 *     check-in's time and door; never counted twice.</li>
 * </ul>
 */
final class DoorCheckIn {

    /** Why a badge does not let its bearer in; each names the request field at fault. */
    enum Reason {
        /** Not shaped as a badge code (wrong length or letters). */
        MALFORMED_CODE("badgeCode", "attendance.check-in.malformed-badge"),
        /** No badge has this code: mistyped, forged, or its holder's data was erased. */
        UNKNOWN_BADGE("badgeCode", "attendance.check-in.unknown-badge"),
        /** A real badge, but its holder is not registered for this day. */
        OTHER_DAY("badgeCode", "attendance.check-in.other-day"),
        /** Registered for this day, but only on the waiting list: no place. */
        WAITING("badgeCode", "attendance.check-in.waiting"),
        /** The registration for this day was cancelled. */
        CANCELLED("badgeCode", "attendance.check-in.cancelled");

        private final String field;
        private final String messageKey;

        Reason(String field, String messageKey) {
            this.field = field;
            this.messageKey = messageKey;
        }

        String field() {
            return field;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /**
     * The badge does not let its bearer in; nothing was recorded. A rule's refusal like any other (the platform makes
     * it a problem naming {@code badgeCode}): not a badge code at all is an invalid field (400); a badge that cannot
     * be used is a well-formed request that cannot be served (422). The reason travels as the problem's
     * {@code refusal}, for a door's program to tell orange from red without reading words.
     */
    static final class Refused extends FieldRejectedException {

        private final Reason reason;

        Refused(Reason reason) {
            super(reason == Reason.MALFORMED_CODE ? Refusal.INVALID : Refusal.UNUSABLE, reason.field(), reason.messageKey());
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("refusal", reason.name());
        }
    }

    enum Outcome {
        /** This check-in is the one that counted (now, or earlier under the same check-in id). */
        FIRST,
        /** Someone already in that day: reported with the first check-in's time and door, not counted. */
        ALREADY_IN
    }

    private DoorCheckIn() {
    }

    /** The canonical badge code of what was scanned or typed. */
    static String code(String typed) {
        return BadgeCode.normalize(typed).orElseThrow(() -> new Refused(Reason.MALFORMED_CODE));
    }

    /**
     * Whether the bearer of a known or unknown badge may come in on the day.
     *
     * @param badgeKnown   whether a badge with the code exists
     * @param statusThatDay the holder's registration for the day, null when they have none
     * @throws Refused unless the holder holds a confirmed place that day
     */
    static void admit(boolean badgeKnown, AttendanceStatus statusThatDay) {
        if (!badgeKnown) {
            throw new Refused(Reason.UNKNOWN_BADGE);
        }
        if (statusThatDay == null) {
            throw new Refused(Reason.OTHER_DAY);
        }
        switch (statusThatDay) {
            case CONFIRMED -> {
            }
            case WAITING -> throw new Refused(Reason.WAITING);
            case CANCELLED -> throw new Refused(Reason.CANCELLED);
        }
    }

    /**
     * What a check-in that did not write (the attendee was in already) tells the door.
     *
     * @param recordedCheckInId the id of the check-in that counted (null for one recorded without an id)
     * @param checkInId         the id of this check-in
     */
    static Outcome outcomeOfRepeat(String recordedCheckInId, String checkInId) {
        return recordedCheckInId != null && Objects.equals(recordedCheckInId, checkInId) ? Outcome.FIRST : Outcome.ALREADY_IN;
    }
}
