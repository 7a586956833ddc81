package ml.sdn.notification.incubation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incubation's codes as the templates look them up in the bundles ({@code incubation.mode.<code>}). A code
 * this service does not know (a newer producer) is left out of the notice rather than failing it or being
 * shown raw; an at-risk flag's reasons become flags the templates write in words.
 */
final class IncubationWords {

    /** {@code IncubateeAtRisk.reasons}. */
    static final String NO_RECENT_SESSION = "NO_RECENT_SESSION";
    static final String OVERDUE_MILESTONES = "OVERDUE_MILESTONES";
    static final Set<String> RISK_REASONS = Set.of(NO_RECENT_SESSION, OVERDUE_MILESTONES);

    private static final Set<String> MODES = Set.of("AT_THE_CENTRE", "REMOTE");

    private IncubationWords() {
    }

    /**
     * The at-risk flag's reasons as the templates use them: {@code noRecentSession} (with {@code lastSessionAt},
     * an ISO instant, when there was a session), {@code overdueMilestones} (with {@code overdueCount} and
     * {@code oneOverdue} when the count is known, i.e. above 0), and {@code otherReason} when a reason is a
     * code this service does not know, or when no reason it knows is given (the flag is told all the same).
     * A modifiable map, for the caller to add the project.
     */
    static Map<String, Object> riskReasons(List<String> reasons, int overdueMilestones, Instant lastSessionAt) {
        List<String> given = reasons == null ? List.of() : reasons;
        Map<String, Object> model = new HashMap<>();
        boolean noRecentSession = given.contains(NO_RECENT_SESSION);
        model.put("noRecentSession", noRecentSession);
        if (noRecentSession && lastSessionAt != null) {
            model.put("lastSessionAt", lastSessionAt.toString());
        }
        boolean overdue = given.contains(OVERDUE_MILESTONES);
        model.put("overdueMilestones", overdue);
        if (overdue && overdueMilestones > 0) {
            model.put("overdueCount", overdueMilestones);
            model.put("oneOverdue", overdueMilestones == 1);
        }
        boolean unknownReason = given.stream().anyMatch(reason -> !RISK_REASONS.contains(reason));
        model.put("otherReason", unknownReason || !noRecentSession && !overdue);
        return model;
    }

    /** AT_THE_CENTRE or REMOTE; null for anything else. */
    static String mode(String code) {
        return code != null && MODES.contains(code) ? code : null;
    }
}
