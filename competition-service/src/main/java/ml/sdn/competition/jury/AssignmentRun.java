package ml.sdn.competition.jury;

import java.util.List;
import java.util.Map;

/**
 * What an automatic assignment did, for the organizer who ran it (no applicant names: applications by id
 * and receipt reference).
 *
 * @param kept       active reviews that were already there and stay
 * @param added      reviews created by this run
 * @param withdrawn  reviews that could no longer stand and were ended: pending ones (juror off the roster,
 *                   conflict, application no longer in the round), and scored ones whose juror turns out to
 *                   review their own application or organisation's (they stop counting)
 * @param notKept    other scored reviews the rules no longer count on (juror off the roster, application no
 *                   longer in the round), left as they are for the organizer to decide
 * @param loads      every available roster juror's number of reviews in this round after the run
 * @param spread     highest minus lowest load
 * @param shortfalls applications with fewer than k jurors, and why
 */
record AssignmentRun(String categoryId, Round round, int jurorsPerApplication, int applications, int jurors,
                     int kept, int added, List<ReviewRef> withdrawn, List<ReviewRef> notKept, List<JurorLoad> loads,
                     int spread, boolean balanced, boolean complete, List<ShortfallView> shortfalls) {

    record ReviewRef(String reviewId, String applicationId, String username, String reason) {
    }

    record JurorLoad(String jurorId, String username, String displayName, int load, int added) {
    }

    /**
     * {@code reason}: ROSTER_TOO_SMALL (fewer available jurors than k) or EXCLUDED_JURORS (enough jurors,
     * but too many may not review it); {@code excludedJurors} counts roster jurors by why they may not:
     * OWN_APPLICATION, OWN_ORGANISATION, DECLARED_CONFLICT, REMOVED (an organizer took this application from
     * them in this round).
     */
    record ShortfallView(String applicationId, String reference, int required, int assigned, int missing, String reason,
                         Map<String, Integer> excludedJurors) {
    }
}
