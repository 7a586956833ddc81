package ml.sdn.incubation.incubatees;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A candidate preselected before the organizers created their edition's cohort, kept (one per
 * application: the id is the application id) until the cohort exists, then enrolled and removed.
 */
@Document(PendingEnrolment.COLLECTION)
record PendingEnrolment(@Id String id, String editionId, Candidate candidate, Instant receivedAt) {

    static final String COLLECTION = "incubation_pending_enrolments";
}
