package ml.sdn.competition.editions;

/**
 * The dated phases of a category, in the order they follow one another. Each starts at its own date
 * and ends when the next one starts; CLOSED never ends.
 */
public enum Phase {
    SUBMISSION, EVALUATION, PRESELECTION, INCUBATION, FINAL, CLOSED
}
