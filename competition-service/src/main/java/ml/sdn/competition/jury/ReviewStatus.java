package ml.sdn.competition.jury;

/** ASSIGNED (to do), SUBMITTED (scored), or ended: CONFLICTED (declared by the juror) or REMOVED (by an organizer). */
public enum ReviewStatus { ASSIGNED, SUBMITTED, CONFLICTED, REMOVED }
