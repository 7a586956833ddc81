package ml.sdn.competition.awards;

/** The three prizes of each category, in rank order. */
public enum Place {
    FIRST, SECOND, THIRD
}
