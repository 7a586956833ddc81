package ml.sdn.competition.editions;

import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.events.competition.PhaseChanged;
import ml.sdn.platform.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Announces each category's phase once it has opened: {@code PhaseChanged} (notification-service tells
 * applicants and jurors) and a PHASE_CHANGED audit line with no actor. Once per category and phase
 * whatever the number of instances or runs: the announcement is an insert of the document
 * {@code <categoryId>:<phase>}, and a duplicate key means it was done.
 *
 * <p>Only the phase open now is announced, and only within {@code sdn.competition.phase-announcement-max-age}
 * of its start: a category seen for the first time long after its phases passed (an old edition, a
 * service down for weeks) does not flood people with news of phases long gone. When two phases open
 * between two runs, the earlier one is skipped; rescheduling announces at once (see
 * {@link Editions#reschedule}), so "open the next phase now" is never missed.
 */
@Component
public class PhaseAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(PhaseAnnouncements.class);

    private final MongoTemplate mongo;
    private final AuditTrail audit;
    private final Duration maxAge;
    private final Clock clock;

    PhaseAnnouncements(MongoTemplate mongo, AuditTrail audit,
                       @Value("${sdn.competition.phase-announcement-max-age:7d}") Duration maxAge,
                       ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.maxAge = maxAge;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${sdn.competition.phase-announcement-interval:30s}",
            initialDelayString = "${sdn.competition.phase-announcement-interval:30s}")
    void scheduled() {
        announceAll(clock.instant());
    }

    /** Announces every category's open phase not announced yet; returns how many were announced by this call. */
    int announceAll(Instant now) {
        int announced = 0;
        // a handful of categories per edition: reading them all is cheaper than any index would save
        for (Category category : mongo.findAll(Category.class)) {
            try {
                if (announce(category, now).isPresent()) {
                    announced++;
                }
            } catch (RuntimeException e) {
                log.warn("Phase of category {} not announced, will retry: {}", category.id(), e.toString());
            }
        }
        return announced;
    }

    /** Announces the category's phase open at {@code now} unless already done or too old; returns the phase announced. */
    Optional<Phase> announce(Category category, Instant now) {
        Timeline timeline = category.timeline();
        Optional<Phase> open = timeline.phaseAt(now);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Phase phase = open.get();
        Instant start = timeline.start(phase);
        if (start.isBefore(now.minus(maxAge))) {
            return Optional.empty();
        }
        PhaseChanged event = new PhaseChanged(category.id(), category.editionId(), category.code().name(), phase.name(), start);
        try {
            mongo.insert(new PhaseAnnouncement(PhaseAnnouncement.idOf(category.id(), phase), category.id(),
                    category.editionId(), phase, start, now, List.of(PendingEvent.of(PhaseChanged.TYPE, category.id(), event)),
                    null));
        } catch (DuplicateKeyException alreadyAnnounced) {
            return Optional.empty();
        }
        audit.record(null, AuditAction.PHASE_CHANGED, category.editionId(), category.id(), category.id(), null,
                Map.of("phase", phase.name(), "startedAt", LocalDateTime.ofInstant(start, Timeline.BAMAKO).toString()));
        log.info("Category {} is now in phase {}", category.id(), phase);
        return Optional.of(phase);
    }
}
