package ml.sdn.competition.editions;

import java.util.EnumSet;
import java.util.Set;

/**
 * What people do in a category, and the phases in which the timeline lets them do it. The final jury
 * round is assigned (and a conflict declared on it) from the INCUBATION phase on, so that finalists'
 * jurors know their applications before the FINAL phase opens; preselection jurors are assigned only
 * once submission is over (applicants may still submit or withdraw during SUBMISSION).
 */
public enum Action {
    DRAFT_APPLICATION(Phase.SUBMISSION),
    SUBMIT_APPLICATION(Phase.SUBMISSION),
    WITHDRAW_APPLICATION(Phase.SUBMISSION),
    ASSIGN_JURORS(Phase.EVALUATION),
    DECLARE_CONFLICT(Phase.EVALUATION),
    SCORE_REVIEW(Phase.EVALUATION),
    CONFIRM_PRESELECTION(Phase.PRESELECTION),
    ASSIGN_FINAL_JURORS(Phase.INCUBATION, Phase.FINAL),
    DECLARE_FINAL_CONFLICT(Phase.INCUBATION, Phase.FINAL),
    SCORE_FINALIST(Phase.FINAL),
    PUBLISH_RESULTS(Phase.FINAL, Phase.CLOSED);

    private final Set<Phase> phases;

    Action(Phase first, Phase... others) {
        this.phases = EnumSet.of(first, others);
    }

    public Set<Phase> phases() {
        return EnumSet.copyOf(phases);
    }

    boolean allowedIn(Phase phase) {
        return phases.contains(phase);
    }
}
