package ml.sdn.notification.competition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@code known_applications} collection: idempotent, newer-wins upserts from competition events;
 * who has an application in a category or an edition. Drafts are unknown here (competition-service
 * publishes nothing for them).
 */
@Component
public class KnownApplications {

    static final String COLLECTION = "known_applications";

    private static final Logger log = LoggerFactory.getLogger(KnownApplications.class);

    private final MongoTemplate mongo;

    KnownApplications(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(KnownApplication.class);
        indexes.createIndex(new Index().on("categoryId", Sort.Direction.ASC).named("by_category"));
        indexes.createIndex(new Index().on("editionId", Sort.Direction.ASC).named("by_edition"));
        indexes.createIndex(new Index().on("applicantId", Sort.Direction.ASC).named("by_applicant"));
    }

    /**
     * Stores what this event says of the application unless the copy already held is as new or newer.
     * A value the event does not carry (a withdrawal has no title) keeps what the copy holds.
     *
     * @return whether the copy was written
     */
    boolean record(KnownApplication application) {
        Objects.requireNonNull(application.id(), "application id");
        Objects.requireNonNull(application.asOf(), "application asOf");
        Update update = new Update()
                .set("applicantId", application.applicantId())
                .set("editionId", application.editionId())
                .set("categoryId", application.categoryId())
                .set("status", application.status())
                .set("asOf", application.asOf());
        setIfKnown(update, "categoryCode", application.categoryCode());
        setIfKnown(update, "reference", application.reference());
        setIfKnown(update, "title", application.title());
        try {
            // updates an older copy, inserts a missing one; a copy as new or newer makes the insert collide on _id
            mongo.upsert(query(where("id").is(application.id()).and("asOf").lt(application.asOf())), update,
                    KnownApplication.class);
            return true;
        } catch (DuplicateKeyException newerOrSameAlreadyThere) {
            log.debug("Application {} already known as of {} or newer; kept", application.id(), application.asOf());
            return false;
        }
    }

    Optional<KnownApplication> find(String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, KnownApplication.class));
    }

    /** The people with an application in this category, submitted or withdrawn, each once. */
    List<String> applicantsInCategory(String categoryId) {
        return applicants(query(where("categoryId").is(categoryId)));
    }

    /** The people with a submitted application in this edition, each once. */
    List<String> submittersInEdition(String editionId) {
        return applicants(query(where("editionId").is(editionId).and("status").is(KnownApplication.Status.SUBMITTED)));
    }

    /**
     * The preselection decided for the application at {@code decidedAt} (PRESELECTED or NOT_PRESELECTED), kept
     * beside its status unless a newer decision is held. The submission, earlier on the same partition, made the
     * copy; without one there is nothing to mark (a copy is never made from a decision alone).
     */
    void decide(String applicationId, String decision, java.time.Instant decidedAt) {
        if (applicationId == null || decision == null || decidedAt == null) {
            return;
        }
        mongo.updateFirst(query(where("id").is(applicationId).orOperator(where("decidedAt").lt(decidedAt),
                        where("decidedAt").is(null))),
                new Update().set("decision", decision).set("decidedAt", decidedAt), KnownApplication.class);
    }

    /**
     * The people with an application in {@code categoryId} (when given) of {@code editionId} (when given), each
     * once; {@code status} narrows them: SUBMITTED or WITHDRAWN (the application's status), PRESELECTED or
     * NOT_PRESELECTED (the decision on a submitted one). A message to "a category's applicants" reads it.
     */
    public List<String> applicants(String editionId, String categoryId, String status) {
        var criteria = new org.springframework.data.mongodb.core.query.Criteria();
        if (editionId != null) {
            criteria = criteria.and("editionId").is(editionId);
        }
        if (categoryId != null) {
            criteria = criteria.and("categoryId").is(categoryId);
        }
        if ("SUBMITTED".equals(status) || "WITHDRAWN".equals(status)) {
            criteria = criteria.and("status").is(status);
        } else if (status != null) {
            criteria = criteria.and("status").is(KnownApplication.Status.SUBMITTED).and("decision").is(status);
        }
        return applicants(query(criteria));
    }

    /** The code (STARTUP, …) of a category this service has seen an application of, to name it in words; null if none. */
    public String categoryCode(String categoryId) {
        Query withCode = query(where("categoryId").is(categoryId).and("categoryCode").ne(null));
        withCode.fields().include("categoryCode");
        KnownApplication one = mongo.findOne(withCode, KnownApplication.class);
        return one == null ? null : one.categoryCode();
    }

    /** A person was erased: what this service knew of their applications goes. @return how many copies went */
    public long erase(String applicantId) {
        return mongo.remove(query(where("applicantId").is(applicantId)), KnownApplication.class).getDeletedCount();
    }

    private List<String> applicants(Query query) {
        return mongo.findDistinct(query, "applicantId", KnownApplication.class, String.class).stream()
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }

    private static void setIfKnown(Update update, String field, String value) {
        if (value != null && !value.isBlank()) {
            update.set(field, value);
        }
    }
}
