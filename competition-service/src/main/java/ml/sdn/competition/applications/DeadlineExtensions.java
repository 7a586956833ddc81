package ml.sdn.competition.applications;

import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.competition.registrations.RegisteredParticipants;
import ml.sdn.events.competition.DeadlineExtended;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.web.FieldRejectedException;
import ml.sdn.platform.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Organizers' deadline extensions, and the submission window they open for applicants. */
@Service
public class DeadlineExtensions {

    private final MongoTemplate mongo;
    private final Editions editions;
    private final RegisteredParticipants participants;
    private final AuditTrail audit;
    private final Clock clock;

    DeadlineExtensions(MongoTemplate mongo, Editions editions, RegisteredParticipants participants, AuditTrail audit,
                       ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.editions = editions;
        this.participants = participants;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The category's timeline with every extension granted in it. */
    public SubmissionWindow windowFor(Category category) {
        List<SubmissionWindow.Extension> extensions = mongo.find(query(where("categoryId").is(category.id())),
                DeadlineExtension.class).stream().map(DeadlineExtension::toWindow).toList();
        return SubmissionWindow.of(category.timeline(), extensions);
    }

    ExtensionView extend(Caller caller, String categoryId, ExtensionRequest request) {
        Category category = editions.findCategory(categoryId)
                .orElseThrow(() -> new NotFoundException("category.not-found", categoryId));
        Instant now = clock.instant();
        // the store keeps milliseconds: whole seconds, so that what is checked is what is read back
        LocalDateTime untilLocal = request.until().truncatedTo(ChronoUnit.SECONDS);
        Instant until = untilLocal.atZone(Timeline.BAMAKO).toInstant();
        Timeline timeline = category.timeline();
        SubmissionWindow.checkExtension(timeline, until, now).ifPresent(problem -> {
            throw switch (problem) {
                case NOT_AFTER_DEADLINE -> new FieldRejectedException("until", "extension.until.not-after-deadline",
                        local(timeline.end(Phase.SUBMISSION).orElseThrow()));
                case IN_THE_PAST -> new FieldRejectedException("until", "extension.until.past");
                case TOO_LATE -> new FieldRejectedException("until", "extension.until.too-late",
                        SubmissionWindow.MAX_EXTENSION.toDays(), local(timeline.start(Phase.PRESELECTION)));
            };
        });
        String applicantId = request.applicantId();
        if (applicantId != null && participants.find(applicantId).filter(p -> !p.erased()).isEmpty()) {
            throw new FieldRejectedException("applicantId", "extension.applicantId.unknown");
        }
        String reason = request.reason().strip();
        DeadlineExtended event = new DeadlineExtended(category.id(), category.editionId(), category.code().name(),
                applicantId, until, reason, caller.id(), now);
        DeadlineExtension saved = mongo.insert(new DeadlineExtension(null, category.editionId(), category.id(),
                category.code(), applicantId, until, reason, caller.id(), caller.name(), now,
                List.of(PendingEvent.of(DeadlineExtended.TYPE, category.id(), event)), null));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("extensionId", saved.id());
        details.put("until", until.toString());
        details.put("deadline", timeline.end(Phase.SUBMISSION).orElseThrow().toString());
        details.put("scope", applicantId == null ? "category" : "applicant");
        if (applicantId != null) {
            details.put("applicantId", applicantId);
        }
        audit.record(caller, AuditAction.DEADLINE_EXTENDED, category.editionId(), category.id(),
                applicantId == null ? category.id() : applicantId, reason, details);
        return ExtensionView.of(saved);
    }

    List<ExtensionView> list(String categoryId) {
        Category category = editions.findCategory(categoryId)
                .orElseThrow(() -> new NotFoundException("category.not-found", categoryId));
        return mongo.find(query(where("categoryId").is(category.id())).with(Sort.by("extendedAt", "id")),
                DeadlineExtension.class).stream().map(ExtensionView::of).toList();
    }

    ExtensionView read(String categoryId, String extensionId) {
        DeadlineExtension extension = mongo.findOne(query(where("id").is(extensionId).and("categoryId").is(categoryId)),
                DeadlineExtension.class);
        if (extension == null) {
            throw new NotFoundException("extension.not-found", extensionId);
        }
        return ExtensionView.of(extension);
    }

    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Timeline.BAMAKO).toString().replace('T', ' ');
    }
}
