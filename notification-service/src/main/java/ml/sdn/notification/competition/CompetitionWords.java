package ml.sdn.notification.competition;

import java.util.Set;

/**
 * The competition's codes as the templates look them up in the bundles ({@code competition.category.<code>},
 * {@code competition.round.<code>}, {@code competition.prize.<code>}). A code this service does not know
 * (a newer producer) reads as {@code other} — a generic word — rather than failing the notice.
 */
final class CompetitionWords {

    static final String OTHER = "other";

    private static final Set<String> CATEGORIES = Set.of("START_UP_CHALLENGE", "PROJECT_CONTEST");
    private static final Set<String> ROUNDS = Set.of("PRESELECTION", "FINAL");
    private static final Set<String> PRIZES = Set.of("FIRST", "SECOND", "THIRD", "WOMEN_LED_SPECIAL_PRIZE");

    private CompetitionWords() {
    }

    static String category(String code) {
        return known(CATEGORIES, code);
    }

    static String round(String code) {
        return known(ROUNDS, code);
    }

    static String prize(String code) {
        return known(PRIZES, code);
    }

    private static String known(Set<String> codes, String code) {
        return code != null && codes.contains(code) ? code : OTHER;
    }
}
