package ml.sdn.competition.jury;

/** The juror's review after their declaration: CONFLICTED; they no longer see the application. */
record ConflictView(String applicationId, Round round, ReviewStatus status) {
}
