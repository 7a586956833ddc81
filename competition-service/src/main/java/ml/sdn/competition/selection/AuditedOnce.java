package ml.sdn.competition.selection;

import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditEntry;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Audit lines of decisions that are taken once (a preselection, a publication) but whose follow-up may
 * run more than once (a retry, the resuming job, two requests at the same moment): each line has an id
 * made from what it records ({@code preselection:<categoryId>}, …), so writing it again collides on the
 * id and leaves the one line. Same document and collection as {@code AuditTrail.record}, still only
 * ever inserted.
 */
@Service
public class AuditedOnce {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditedOnce(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** @return whether the line was written now (false: it already was) */
    public boolean record(String lineId, Caller caller, AuditAction action, String editionId, String categoryId,
                          String subjectId, String reason, Map<String, String> details) {
        try {
            mongo.insert(new AuditEntry(lineId, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    caller == null ? null : caller.id(), caller == null ? null : caller.name(), action, editionId,
                    categoryId, subjectId, reason, details));
            return true;
        } catch (DuplicateKeyException alreadyWritten) {
            return false;
        }
    }
}
