package ml.sdn.competition.applications;

/** Where the applicant's part stands: drafted, submitted (the jury may see it), or withdrawn. */
public enum ApplicationStatus { DRAFT, SUBMITTED, WITHDRAWN }
