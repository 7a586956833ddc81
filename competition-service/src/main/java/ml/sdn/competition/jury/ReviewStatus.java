package ml.sdn.competition.jury;

/**
 * ASSIGNED (to do), SUBMITTED (scored), or ended: CONFLICTED (declared by the juror) or REMOVED (by an
 * organizer or by the service: {@link JuryReview#endKind()} says which).
 */
public enum ReviewStatus { ASSIGNED, SUBMITTED, CONFLICTED, REMOVED }
