package ml.sdn.competition.awards;

/**
 * The Special Prize for the best women-led initiative: either awarded ({@code applicationId},
 * its {@code categoryId}, its {@code rankInCategory} and {@code finalScore}; {@code reason} null) or
 * not awarded, with the {@code reason} (every other field null).
 */
public record SpecialPrize(String applicationId, String categoryId, Integer rankInCategory, Double finalScore,
                           NotAwardedReason reason) {

    public enum NotAwardedReason {
        /** No finalist of any category is women-led. */
        NO_WOMEN_LED_FINALIST,
        /** Women-led finalists exist, but none has enough completed reviews to be ranked. */
        NO_RANKED_WOMEN_LED_FINALIST,
        /** Every ranked women-led finalist already holds a 1st, 2nd or 3rd prize, and overlap is not allowed. */
        EVERY_WOMEN_LED_FINALIST_HOLDS_A_TOP_THREE_PRIZE
    }

    public static SpecialPrize awarded(String applicationId, String categoryId, int rankInCategory, double finalScore) {
        return new SpecialPrize(applicationId, categoryId, rankInCategory, finalScore, null);
    }

    public static SpecialPrize notAwarded(NotAwardedReason reason) {
        return new SpecialPrize(null, null, null, null, reason);
    }

    public boolean isAwarded() {
        return reason == null;
    }
}
