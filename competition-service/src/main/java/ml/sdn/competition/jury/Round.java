package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Phase;

/** The two jury rounds: preselection (in the EVALUATION phase) and the final (in the FINAL phase). */
public enum Round {
    PRESELECTION(Phase.EVALUATION), FINAL(Phase.FINAL);

    private final Phase phase;

    Round(Phase phase) {
        this.phase = phase;
    }

    /** The phase in which jurors score this round. */
    public Phase phase() {
        return phase;
    }
}
