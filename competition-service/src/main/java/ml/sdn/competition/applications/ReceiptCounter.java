package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.platform.outbox.LostRace;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The receipt sequence of each edition and category: one counter document per pair, incremented
 * atomically ({@code findAndModify $inc}, upserted the first time), so two submissions never share a number.
 */
@Component
class ReceiptCounter {

    static final String COLLECTION = "competition_receipt_counters";

    private final MongoTemplate mongo;

    ReceiptCounter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long next(String editionId, CategoryCode category) {
        String id = editionId + ":" + category.name();
        // two first upserts at once: one inserts, the other hits the _id and simply runs again
        Document counter = LostRace.retry(3, () -> mongo.findAndModify(query(where("_id").is(id)),
                new Update().inc("sequence", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION));
        return ((Number) counter.get("sequence")).longValue();
    }
}
