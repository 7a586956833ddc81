package ml.sdn.competition.awards;

/**
 * Edition settings for the awards. {@code womenLedPrizeMayOverlap}: when true, the Special Prize for
 * the best women-led initiative may go to a finalist who already holds a 1st, 2nd or 3rd prize; by
 * default (false) it goes to the best women-led finalist without one.
 */
public record AwardSettings(boolean womenLedPrizeMayOverlap) {

    public static final AwardSettings DEFAULT = new AwardSettings(false);
}
