package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Phase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which round each phase assigns, scores and takes conflicts for. */
class RoundTest {

    @Test
    void preselection_is_assigned_scored_and_questioned_in_evaluation_only() {
        assertThat(Round.assignedIn(Phase.EVALUATION)).contains(Round.PRESELECTION);
        assertThat(Round.scoredIn(Phase.EVALUATION)).contains(Round.PRESELECTION);
        assertThat(Round.conflictsDeclaredIn(Phase.EVALUATION)).contains(Round.PRESELECTION);
        assertThat(Round.assignedIn(Phase.SUBMISSION)).isEmpty();
        assertThat(Round.assignedIn(Phase.PRESELECTION)).isEmpty();
        assertThat(Round.scoredIn(Phase.PRESELECTION)).isEmpty();
    }

    @Test
    void the_final_is_assigned_from_incubation_on_and_scored_in_the_final_phase_only() {
        assertThat(Round.assignedIn(Phase.INCUBATION)).contains(Round.FINAL);
        assertThat(Round.assignedIn(Phase.FINAL)).contains(Round.FINAL);
        assertThat(Round.conflictsDeclaredIn(Phase.INCUBATION)).contains(Round.FINAL);
        assertThat(Round.scoredIn(Phase.INCUBATION)).isEmpty();
        assertThat(Round.scoredIn(Phase.FINAL)).contains(Round.FINAL);
        assertThat(Round.assignedIn(Phase.CLOSED)).isEmpty();
    }
}
