package ml.sdn.competition.jury;

/**
 * Who or what ended a review, beside the free-text {@code endReason}: it decides whether the automatic
 * assignment may give the pair back. Only a conflict the juror declared and a removal an organizer made
 * are for good; what the service itself ended (rebalancing, roster changes, the rules) may come back
 * when the reason is gone.
 */
public enum EndKind {
    /** The juror declared a conflict of interest (status CONFLICTED). */
    CONFLICT,
    /** An organizer took the review away. */
    ORGANIZER,
    /** The juror was taken off the category's jury, or their profile is gone. */
    ROSTER,
    /** Moved to another juror to even loads after a conflict of interest. */
    REBALANCED,
    /** The assignment rules no longer allow it: own application or organisation, or the application left the round. */
    RULE
}
