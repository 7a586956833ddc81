package ml.sdn.notification.incubation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * This service's small copy of an incubatee, from incubation-service's enrolment and coach-assignment
 * events: who the participant is (graduation and drop do not say), the project's title and organisation
 * (to name it in notices whose events do not carry them) and the current coach. {@code asOf} is the time of
 * the event it was taken from (newer wins). Once its participant is erased only {@code id}, {@code asOf}
 * and {@code erasedAt} remain: an outcome read later is not sent, and an older event cannot bring the copy
 * back.
 */
@Document(KnownIncubatees.COLLECTION)
record KnownIncubatee(
        @Id String id,
        String participantId,
        String applicationId,
        String editionId,
        String title,
        String organizationName,
        String coachId,
        Instant asOf,
        Instant erasedAt) {

    boolean erased() {
        return erasedAt != null;
    }
}
