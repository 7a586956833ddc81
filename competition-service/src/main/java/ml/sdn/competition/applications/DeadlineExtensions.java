package ml.sdn.competition.applications;

import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.competition.editions.Words;
import ml.sdn.competition.registrations.RegisteredParticipants;
import ml.sdn.events.competition.DeadlineExtended;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.NotFoundException;
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
    private final jakarta.validation.Validator validator;
    private final Editions editions;
    private final RegisteredParticipants participants;
    private final AuditTrail audit;
    private final Clock clock;

    DeadlineExtensions(MongoTemplate mongo, Editions editions, RegisteredParticipants participants, AuditTrail audit,
                       jakarta.validation.Validator validator, ObjectProvider<Clock> clock) {
        this.validator = validator;
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
        Timeline timeline = category.timeline();
        // every fault of the form in one answer: the fields' own checks, then the rules on the fields that passed
        FieldChecks checks = FieldChecks.validated(validator, request);
        if (checks.ok("until")) {
            // the store keeps milliseconds: whole seconds, so that what is checked is what is read back
            Instant asked = request.until().truncatedTo(ChronoUnit.SECONDS).atZone(Timeline.BAMAKO).toInstant();
            SubmissionWindow.checkExtension(timeline, asked, now).ifPresent(problem -> {
                switch (problem) {
                    case NOT_AFTER_DEADLINE -> checks.reject("until", "extension.until.not-after-deadline",
                            Words.dateTime(timeline.end(Phase.SUBMISSION).orElseThrow()));
                    case IN_THE_PAST -> checks.reject("until", "extension.until.past");
                    case TOO_LATE -> checks.reject("until", "extension.until.too-late",
                            SubmissionWindow.MAX_EXTENSION.toDays(), Words.dateTime(timeline.start(Phase.PRESELECTION)));
                }
            });
        }
        String applicantId = request.applicantId();
        if (checks.ok("applicantId") && applicantId != null && participants.find(applicantId).filter(p -> !p.erased()).isEmpty()) {
            checks.reject("applicantId", "extension.applicantId.unknown");
        }
        checks.throwIfAny();
        Instant until = request.until().truncatedTo(ChronoUnit.SECONDS).atZone(Timeline.BAMAKO).toInstant();
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
