package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Phase;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two jury rounds: preselection (scored in the EVALUATION phase) and the final (scored in the FINAL
 * phase), each with the actions that gate its assignment, its conflict declarations and its scoring:
 * <ul>
 *   <li>PRESELECTION: assigned, conflicts declared and scored in EVALUATION;</li>
 *   <li>FINAL: assigned and conflicts declared from INCUBATION on (finalists are known once the
 *       preselection is confirmed), scored in FINAL.</li>
 * </ul>
 */
public enum Round {
    PRESELECTION(Phase.EVALUATION, Action.ASSIGN_JURORS, Action.DECLARE_CONFLICT, Action.SCORE_REVIEW),
    FINAL(Phase.FINAL, Action.ASSIGN_FINAL_JURORS, Action.DECLARE_FINAL_CONFLICT, Action.SCORE_FINALIST);

    private final Phase phase;
    private final Action assignment;
    private final Action conflict;
    private final Action scoring;

    Round(Phase phase, Action assignment, Action conflict, Action scoring) {
        this.phase = phase;
        this.assignment = assignment;
        this.conflict = conflict;
        this.scoring = scoring;
    }

    /** The phase in which jurors score this round. */
    public Phase phase() {
        return phase;
    }

    /** What allows organizers to assign (automatically or by hand) and remove jurors of this round. */
    public Action assignment() {
        return assignment;
    }

    /** What allows a juror of this round to declare a conflict of interest. */
    public Action conflict() {
        return conflict;
    }

    /** What allows a juror of this round to submit or change scores. */
    public Action scoring() {
        return scoring;
    }

    /** The round whose jurors organizers assign in {@code phase} (EVALUATION: PRESELECTION; INCUBATION, FINAL: FINAL). */
    public static Optional<Round> assignedIn(Phase phase) {
        return Arrays.stream(values()).filter(round -> round.assignment.phases().contains(phase)).findFirst();
    }

    /** The round whose jurors may declare a conflict in {@code phase}. */
    public static Optional<Round> conflictsDeclaredIn(Phase phase) {
        return Arrays.stream(values()).filter(round -> round.conflict.phases().contains(phase)).findFirst();
    }

    /** The round scored in {@code phase}. */
    public static Optional<Round> scoredIn(Phase phase) {
        return Arrays.stream(values()).filter(round -> round.scoring.phases().contains(phase)).findFirst();
    }
}
