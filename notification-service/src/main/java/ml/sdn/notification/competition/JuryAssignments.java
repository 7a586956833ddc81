package ml.sdn.notification.competition;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Which juror reviews which application of which category, as competition's jury events told it (collection
 * {@code known_jury_assignments}, one document per application, juror and round): what a message to "the jurors
 * of a category" reaches. An assignment counts until it is taken away. Events of one assignment may arrive again
 * or out of order: each write applies only if it is newer than what is kept.
 */
@Component
public class JuryAssignments {

    @Document(KnownAssignment.COLLECTION)
    record KnownAssignment(@Id String id, String jurorId, String categoryId, String categoryCode, boolean assigned, Instant at) {
        static final String COLLECTION = "known_jury_assignments";
    }

    private final MongoTemplate mongo;

    JuryAssignments(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(KnownAssignment.class).createIndex(new Index().on("categoryId", Sort.Direction.ASC).named("by_category"));
    }

    /** The jurors with at least one application of {@code categoryId} to review, each once. */
    public List<String> jurorsOf(String categoryId) {
        return mongo.findDistinct(query(where("categoryId").is(categoryId).and("assigned").is(true)), "jurorId",
                KnownAssignment.class, String.class).stream().filter(Objects::nonNull).sorted().toList();
    }

    /** The code of a category jurors were given applications of, to name it in words; null if none. */
    public String categoryCode(String categoryId) {
        var withCode = query(where("categoryId").is(categoryId).and("categoryCode").ne(null));
        KnownAssignment one = mongo.findOne(withCode, KnownAssignment.class);
        return one == null ? null : one.categoryCode();
    }

    void record(String applicationId, String jurorId, String round, String categoryId, String categoryCode, boolean assigned,
                Instant at) {
        if (applicationId == null || jurorId == null || categoryId == null) {
            return;
        }
        Instant when = at == null ? Instant.EPOCH : at;
        String id = applicationId + ":" + jurorId + ":" + round;
        Criteria olderOrAbsent = where("_id").is(id).orOperator(where("at").lt(when), where("at").is(null));
        Update update = new Update().set("jurorId", jurorId).set("categoryId", categoryId).set("assigned", assigned).set("at", when);
        if (categoryCode != null && !categoryCode.isBlank()) {
            update.set("categoryCode", categoryCode);
        }
        try {
            mongo.upsert(query(olderOrAbsent), update, KnownAssignment.class);
        } catch (DuplicateKeyException newerKept) {
            // a newer event of this assignment is kept: the upsert found no older copy and tried to insert; nothing to do
        }
    }

    /** An erased person is forgotten here too. */
    public void forget(String jurorId) {
        mongo.remove(query(where("jurorId").is(jurorId)), KnownAssignment.class);
    }
}
