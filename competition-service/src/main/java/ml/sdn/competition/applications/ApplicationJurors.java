package ml.sdn.competition.applications;

/**
 * What applications need of the jury to decide who may read an application, declared here and answered by
 * the jury feature (which comes after applications: it reviews them).
 */
public interface ApplicationJurors {

    /** Whether the juror holds an active (assigned or submitted, not conflicted or removed) review of the application, in any round. */
    boolean isActiveJuror(String applicationId, String jurorId);
}
