package ml.sdn.competition.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the competition's audit trail: who ({@code actorId}, null for the service's own
 * scheduled work), when, what ({@code action} on {@code subjectId}, e.g. an application id), in which
 * edition and category, why ({@code reason}, required for overrides and extensions) and the facts
 * that make it checkable ({@code details}, e.g. a score before and after). Only ever inserted.
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(
        @Id String id,
        Instant at,
        String actorId,
        String actorName,
        AuditAction action,
        String editionId,
        String categoryId,
        String subjectId,
        String reason,
        Map<String, String> details) {

    public static final String COLLECTION = "competition_audit";

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
