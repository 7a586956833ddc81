package ml.sdn.incubation.editions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The local copy of the editions that exist, fed by competition-service's events. Each write is one
 * upsert by edition id that sets what the event says, so a redelivered event writes the same again,
 * and an event that knows only the id never erases what the creation event said.
 */
@Service
public class KnownEditions {

    private final MongoTemplate mongo;
    private final Clock clock;

    KnownEditions(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public java.util.Optional<KnownEdition> find(String editionId) {
        return editionId == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(mongo.findById(editionId, KnownEdition.class));
    }

    public boolean exists(String editionId) {
        return editionId != null && mongo.exists(query(where("id").is(editionId)), KnownEdition.class);
    }

    /** The edition was created, with these facts. */
    public void created(String editionId, int number, int year, String startDate, String endDate, Instant createdAt) {
        requireId(editionId);
        mongo.upsert(query(where("id").is(editionId)), new Update()
                .set("number", number).set("year", year).set("startDate", startDate).set("endDate", endDate)
                .set("createdAt", createdAt).setOnInsert("firstHeardAt", Instant.now(clock)), KnownEdition.class);
    }

    /** Something happened in the edition (a preselection): it exists, whatever else is known of it yet. */
    public void heardOf(String editionId) {
        requireId(editionId);
        mongo.upsert(query(where("id").is(editionId)), new Update().setOnInsert("firstHeardAt", Instant.now(clock)),
                KnownEdition.class);
    }

    private static void requireId(String editionId) {
        if (editionId == null || editionId.isBlank()) {
            throw new IllegalArgumentException("Edition event without editionId");
        }
    }
}
