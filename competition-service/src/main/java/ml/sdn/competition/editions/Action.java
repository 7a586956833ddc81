package ml.sdn.competition.editions;

import java.util.EnumSet;
import java.util.Set;

/** What people do in a category, and the phases in which the timeline lets them do it. */
public enum Action {
    DRAFT_APPLICATION(Phase.SUBMISSION),
    SUBMIT_APPLICATION(Phase.SUBMISSION),
    WITHDRAW_APPLICATION(Phase.SUBMISSION),
    ASSIGN_JURORS(Phase.EVALUATION),
    DECLARE_CONFLICT(Phase.EVALUATION),
    SCORE_REVIEW(Phase.EVALUATION),
    CONFIRM_PRESELECTION(Phase.PRESELECTION),
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
