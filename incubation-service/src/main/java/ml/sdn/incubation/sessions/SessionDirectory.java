package ml.sdn.incubation.sessions;

import ml.sdn.incubation.incubatees.IncubateeSessions;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What other features need of sessions: how many each incubatee had and when the last one was held. */
@Service
public class SessionDirectory implements IncubateeSessions {

    private final MongoTemplate mongo;

    SessionDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Summary> summaryOf(Collection<String> incubateeIds) {
        Map<String, Summary> summaries = new HashMap<>();
        for (CoachingSession session : mongo.find(Query.query(Criteria.where("incubateeId").in(incubateeIds)),
                CoachingSession.class)) {
            summaries.merge(session.incubateeId(), new Summary(1, session.heldAt()), Summary::plus);
        }
        for (String id : incubateeIds) {
            summaries.putIfAbsent(id, Summary.NONE);
        }
        return summaries;
    }

    /** When the incubatee's most recent session was held; null when none was. */
    public Instant lastHeldAt(String incubateeId) {
        Query latest = Query.query(Criteria.where("incubateeId").is(incubateeId))
                .with(Sort.by(Sort.Direction.DESC, "heldAt")).limit(1);
        latest.fields().include("heldAt");
        // read raw: a projected document cannot become a CoachingSession (its int fields would be null)
        Document session = mongo.findOne(latest, Document.class, CoachingSession.COLLECTION);
        return session == null || session.getDate("heldAt") == null ? null : session.getDate("heldAt").toInstant();
    }

    /** Erasure: the coach's name leaves the sessions they logged (their id stays); returns the sessions changed. */
    public long forgetNameOf(String personId) {
        return mongo.updateMulti(Query.query(Criteria.where("coachId").is(personId).and("coachName").ne(null)),
                new Update().set("coachName", null), CoachingSession.class).getModifiedCount();
    }
}
