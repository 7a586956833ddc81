package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Category;
import ml.sdn.events.competition.JurorAssigned;
import ml.sdn.events.competition.JurorUnassigned;
import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The writes that start and end reviews, each one atomic document operation carrying its event in the
 * review's outbox: a new review is an insert (its id {@code <round>:<applicationId>:<jurorId>} makes a
 * second one a duplicate key), an ending is a conditional update on the status it expects.
 */
@Component
class ReviewWrites {

    /** Why a review ended, as JurorUnassigned says it. */
    static final String UNASSIGNED_CONFLICT = "CONFLICT";
    static final String UNASSIGNED_REMOVED = "REMOVED";

    /** Reviews the service ended itself: the automatic assignment may give the pair back once the reason is gone. */
    static final Set<EndKind> RENEWABLE = EnumSet.of(EndKind.ROSTER, EndKind.REBALANCED, EndKind.RULE);

    private final MongoTemplate mongo;

    ReviewWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new ASSIGNED review with its JurorAssigned event (not saved). {@code assignedBy} null: the service itself. */
    static JuryReview assigned(Category category, Round round, String applicationId, String jurorId, boolean manual,
                               String assignedBy, Instant now) {
        JurorAssigned event = new JurorAssigned(applicationId, category.editionId(), category.id(), category.code().name(),
                jurorId, round.name(), manual, now);
        return new JuryReview(JuryReview.idOf(round, applicationId, jurorId), category.editionId(), category.id(),
                applicationId, jurorId, round, ReviewStatus.ASSIGNED, Map.of(), manual, assignedBy, now, null, now, null, null,
                null, List.of(PendingEvent.of(JurorAssigned.TYPE, applicationId, event)), null);
    }

    /**
     * Saves new automatic reviews one by one. A pair that has a review already is skipped (the same
     * assignment made by a run that came first, a declared conflict, a removal by an organizer), unless
     * the service itself ended that review ({@link #RENEWABLE}): then it is given back to its juror as this
     * new assignment. Returns those saved.
     */
    List<JuryReview> insertAll(List<JuryReview> reviews) {
        List<JuryReview> inserted = new ArrayList<>();
        for (JuryReview review : reviews) {
            try {
                inserted.add(mongo.insert(review));
            } catch (DuplicateKeyException exists) {
                JuryReview renewed = renew(review);
                if (renewed != null) {
                    inserted.add(renewed);
                }
            }
        }
        return inserted;
    }

    /** The ended review of {@code fresh}'s pair made {@code fresh} (scores cleared), if the service had ended it; else null. */
    private JuryReview renew(JuryReview fresh) {
        Update update = new Update().set("status", ReviewStatus.ASSIGNED).set("scores", Map.of()).set("manual", fresh.manual())
                .set("assignedAt", fresh.assignedAt()).set("updatedAt", fresh.updatedAt())
                .unset("submittedAt").unset("endReason").unset("endKind").unset("revealedAt").inc("version", 1);
        update = fresh.assignedBy() == null ? update.unset("assignedBy") : update.set("assignedBy", fresh.assignedBy());
        for (PendingEvent event : fresh.outbox()) {
            update = update.push("outbox", event);
        }
        return mongo.findAndModify(query(where("id").is(fresh.id()).and("status").is(ReviewStatus.REMOVED)
                        .and("endKind").in(RENEWABLE)), update, FindAndModifyOptions.options().returnNew(true),
                JuryReview.class);
    }

    /**
     * Ends a review (CONFLICTED or REMOVED) if it is still in one of {@code from}, with its JurorUnassigned
     * event, recording why ({@code endReason}) and who or what ended it ({@code kind}); {@code automaticOnly}
     * also requires it not to be a manual assignment. Returns the review as it was before, or null when it
     * was not in such a state (ended or scored meanwhile).
     */
    JuryReview end(JuryReview review, ReviewStatus to, String endReason, EndKind kind, String unassignedReason,
                   Collection<ReviewStatus> from, boolean automaticOnly, Instant now) {
        Criteria criteria = where("id").is(review.id()).and("status").in(from);
        if (automaticOnly) {
            criteria = criteria.and("manual").is(false);
        }
        JurorUnassigned event = new JurorUnassigned(review.applicationId(), review.editionId(), review.categoryId(),
                review.jurorId(), review.round().name(), unassignedReason, now);
        return mongo.findAndModify(query(criteria), new Update().set("status", to).set("endReason", endReason)
                        .set("endKind", kind).set("updatedAt", now).push("outbox", PendingEvent.of(JurorUnassigned.TYPE, review.applicationId(), event))
                        .inc("version", 1),
                FindAndModifyOptions.options().returnNew(false), JuryReview.class);
    }

    /**
     * Gives a REMOVED review back to its juror as a new manual assignment (scores cleared), with a
     * JurorAssigned event. Returns the review after, or null if it was not REMOVED any more.
     */
    JuryReview reactivate(JuryReview review, Category category, String assignedBy, Instant now) {
        JurorAssigned event = new JurorAssigned(review.applicationId(), category.editionId(), category.id(),
                category.code().name(), review.jurorId(), review.round().name(), true, now);
        return mongo.findAndModify(query(where("id").is(review.id()).and("status").is(ReviewStatus.REMOVED)),
                new Update().set("status", ReviewStatus.ASSIGNED).set("scores", Map.of()).set("manual", true)
                        .set("assignedBy", assignedBy).set("assignedAt", now).set("updatedAt", now)
                        .unset("submittedAt").unset("endReason").unset("endKind").unset("revealedAt")
                        .push("outbox", PendingEvent.of(JurorAssigned.TYPE, review.applicationId(), event))
                        .inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), JuryReview.class);
    }
}
