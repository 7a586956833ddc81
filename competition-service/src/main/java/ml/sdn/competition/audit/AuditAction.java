package ml.sdn.competition.audit;

/** Everything the issue asks the trail to keep: phases, jury, scores, selection, extensions, awards. */
public enum AuditAction {
    PHASE_CHANGED,
    DEADLINE_EXTENDED,
    JURY_CHANGED,
    ASSIGNMENTS_RUN,
    JUROR_ASSIGNED,
    JUROR_REMOVED,
    CONFLICT_DECLARED,
    SCORE_SUBMITTED,
    SCORE_CHANGED,
    PRESELECTION_CONFIRMED,
    PRESELECTION_OVERRIDDEN,
    FINAL_RANKED,
    AWARD_GRANTED,
    RESULTS_PUBLISHED,
    EDITION_CHANGED,
    EDITION_ARCHIVED,
    CURRENT_EDITION_CHOSEN
}
