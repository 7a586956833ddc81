package ml.sdn.competition.audit;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.web.FieldRejectedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The append-only trail: features call {@link #record} right after the change it describes is saved.
 * Nothing here updates or deletes an entry, and no endpoint can.
 */
@Service
public class AuditTrail {

    /** The last page a reader may ask for (as the applications list). */
    static final int MAX_PAGE = 100_000;

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditTrail(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a person did ({@code caller} null for the service's scheduled work). */
    public AuditEntry record(Caller caller, AuditAction action, String editionId, String categoryId, String subjectId,
                             String reason, Map<String, String> details) {
        return mongo.insert(new AuditEntry(null, clock.instant(), caller == null ? null : caller.id(),
                caller == null ? null : caller.name(), action, editionId, categoryId, subjectId, reason, details));
    }

    AuditPage read(String editionId, String categoryId, String subjectId, AuditAction action, int page, int size) {
        // the store skips page × size entries: a bound keeps that an int whatever the size
        if (page < 0 || page > MAX_PAGE) {
            throw new FieldRejectedException("page", "audit.page.invalid", MAX_PAGE);
        }
        if (size < 1 || size > 200) {
            throw new FieldRejectedException("size", "audit.size.invalid");
        }
        Criteria criteria = new Criteria();
        if (editionId != null) {
            criteria = criteria.and("editionId").is(editionId);
        }
        if (categoryId != null) {
            criteria = criteria.and("categoryId").is(categoryId);
        }
        if (subjectId != null) {
            criteria = criteria.and("subjectId").is(subjectId);
        }
        if (action != null) {
            criteria = criteria.and("action").is(action);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AuditEntry.class);
        List<AuditEntry> entries = mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at", "id"))
                .skip((long) page * size).limit(size), AuditEntry.class);
        return new AuditPage(entries, page, size, total, (int) ((total + size - 1) / size));
    }

    record AuditPage(List<AuditEntry> content, int page, int size, long totalElements, int totalPages) {
    }
}
