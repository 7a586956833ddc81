package ml.sdn.notification.competition;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * This service's small copy of an application, from competition-service's submitted and withdrawn events:
 * enough to find the people a category-wide or edition-wide notice concerns, and to name an application
 * in the notices whose events do not carry its title. {@code asOf} is the time of the event it was taken
 * from (newer wins). Drafts are never published, so they are not here.
 */
@Document(KnownApplications.COLLECTION)
record KnownApplication(
        @Id String id,
        String applicantId,
        String editionId,
        String categoryId,
        String categoryCode,
        String reference,
        String title,
        Status status,
        Instant asOf) {

    enum Status { SUBMITTED, WITHDRAWN }
}
