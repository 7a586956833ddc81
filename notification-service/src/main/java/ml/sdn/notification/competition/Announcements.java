package ml.sdn.notification.competition;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Notices for everyone with an application in a category (a deadline extension) or in an edition (the
 * results), sent to the applicants this service knows of when the event is handled. Each recipient gets
 * it once: the notice's key is the event's id, so a redelivered event, or one handled again after a crash
 * half-way through the list, only completes it.
 *
 * <p>Topics are read independently: after a restart the results can be read before some of the
 * submissions they concern. So the announcement is kept (collection {@code competition_announcements},
 * one per event) <em>before</em> its recipients are listed, and an application learnt afterwards catches up
 * on what was announced to its edition, or to its category after it was submitted (while the new deadline
 * still runs): whichever of the two events is handled second sees the other.
 */
@Component
class Announcements {

    static final String COLLECTION = "competition_announcements";

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    /** One announcement: {@code categoryId} set for a category's, {@code editionId} for an edition's. */
    @Document(COLLECTION)
    record Announcement(@Id String eventId, NotificationKind kind, String editionId, String categoryId,
                        Map<String, Object> model, Instant madeAt, Instant until) {
    }

    private final MongoTemplate mongo;
    private final KnownApplications applications;
    private final Notifier notifier;
    private final Clock clock = Clock.systemUTC();

    Announcements(MongoTemplate mongo, KnownApplications applications, Notifier notifier) {
        this.mongo = mongo;
        this.applications = applications;
        this.notifier = notifier;
    }

    /** Tells everyone with an application in the category (submitted or withdrawn), each once. */
    void toCategory(String eventId, NotificationKind kind, String categoryId, Map<String, Object> model,
                    Instant madeAt, Instant until) {
        keep(new Announcement(eventId, kind, null, categoryId, Map.copyOf(model), madeAt, until));
        List<String> applicants = applications.applicantsInCategory(categoryId);
        applicants.forEach(applicant -> notifier.notify(new Notice(eventId, kind, applicant, model)));
        log.info("{} for category {} (event {}): {} known applicant(s)", kind, categoryId, eventId, applicants.size());
    }

    /** Tells everyone with a submitted application in the edition, each once. */
    void toEdition(String eventId, NotificationKind kind, String editionId, Map<String, Object> model, Instant madeAt) {
        keep(new Announcement(eventId, kind, editionId, null, Map.copyOf(model), madeAt, null));
        List<String> applicants = applications.submittersInEdition(editionId);
        applicants.forEach(applicant -> notifier.notify(new Notice(eventId, kind, applicant, model)));
        log.info("{} for edition {} (event {}): {} known applicant(s)", kind, editionId, eventId, applicants.size());
    }

    /**
     * A submitted application has just been learnt (or learnt again): its applicant gets what was already
     * announced to its edition, and to its category after it was submitted if the new deadline still runs.
     */
    void catchUp(KnownApplication submitted) {
        Objects.requireNonNull(submitted.editionId(), "editionId");
        Objects.requireNonNull(submitted.categoryId(), "categoryId");
        Criteria edition = where("editionId").is(submitted.editionId());
        Criteria categoryAfterSubmission = where("categoryId").is(submitted.categoryId())
                .and("madeAt").gt(submitted.asOf())
                .and("until").gt(Instant.now(clock));
        for (Announcement missed : mongo.find(query(new Criteria().orOperator(edition, categoryAfterSubmission)),
                Announcement.class)) {
            notifier.notify(new Notice(missed.eventId(), missed.kind(), submitted.applicantId(), missed.model()));
        }
    }

    private void keep(Announcement announcement) {
        try {
            mongo.insert(announcement);
        } catch (DuplicateKeyException alreadyKept) {
            // a redelivered event: the announcement is there, its recipients are completed below
        }
    }
}
