package ml.sdn.competition.selection;

import ml.sdn.competition.applications.Application;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What incubation-service reports about a preselected application (graduated, or dropped with a
 * reason), written into the application's {@code incubation} field: one conditional update that only
 * applies when the outcome held is older than the event, so a redelivered or late event changes nothing
 * and the latest outcome wins. A dropped application is no longer a finalist.
 */
@Service
class IncubationOutcomes {

    private final MongoTemplate mongo;

    IncubationOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether the application's outcome was written (false: unknown application, or a newer outcome held) */
    boolean record(String applicationId, Application.IncubationStatus status, String reason, Instant at) {
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("Incubation event without applicationId");
        }
        Criteria olderOrNone = new Criteria().orOperator(where("incubation").is(null), where("incubation.at").lt(at));
        return mongo.updateFirst(query(where("id").is(applicationId)).addCriteria(olderOrNone),
                new Update().set("incubation", new Application.IncubationOutcome(status, reason, at)).inc("version", 1),
                Application.class).getModifiedCount() > 0;
    }
}
