package ml.sdn.competition.audit;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldRejectedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
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
        return mongo.insert(entry(null, caller, action, editionId, categoryId, subjectId, reason, details));
    }

    /**
     * The line of a decision taken once whose follow-up may run more than once (a retry, a resuming job,
     * two requests at the same moment): {@code lineId} is made from what it records
     * ({@code preselection:<categoryId>}, …), so writing it again collides on the id and leaves one line.
     *
     * @return whether the line was written now (false: it already was)
     */
    public boolean recordOnce(String lineId, Caller caller, AuditAction action, String editionId, String categoryId,
                              String subjectId, String reason, Map<String, String> details) {
        try {
            mongo.insert(entry(lineId, caller, action, editionId, categoryId, subjectId, reason, details));
            return true;
        } catch (DuplicateKeyException alreadyWritten) {
            return false;
        }
    }

    private AuditEntry entry(String id, Caller caller, AuditAction action, String editionId, String categoryId,
                             String subjectId, String reason, Map<String, String> details) {
        // the store keeps milliseconds: what is answered now is what is read back later
        return new AuditEntry(id, clock.instant().truncatedTo(ChronoUnit.MILLIS), caller == null ? null : caller.id(),
                caller == null ? null : caller.name(), action, editionId, categoryId, subjectId, reason, details);
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
