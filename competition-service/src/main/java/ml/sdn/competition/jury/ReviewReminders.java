package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationDirectory;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.events.competition.ReviewReminder;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reminds jurors of the reviews they have not submitted when a round's scoring phase ends within
 * {@code sdn.competition.review-reminder-before} (48 hours by default): one {@code ReviewReminder} per
 * category, juror and round, with the number of reviews still pending and when scoring closes. Only
 * reviews of applications the round still reviews count: submitted ones (not withdrawn), and in the
 * final round finalists who have not left the incubation.
 *
 * <p>Once only, whatever the number of instances and runs: each reminder is the insert of a document
 * whose id is {@code <round>:<categoryId>:<jurorId>}; a duplicate key means it was sent. A juror who
 * has no pending review when the window opens, and gets one later in it, is reminded then.
 */
@Component
class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    private final MongoTemplate mongo;
    private final ApplicationDirectory applications;
    private final Duration before;
    private final Clock clock;

    ReviewReminders(MongoTemplate mongo, ApplicationDirectory applications,
                    @Value("${sdn.competition.review-reminder-before:48h}") Duration before, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.applications = applications;
        this.before = before;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${sdn.competition.review-reminder-interval:10m}",
            initialDelayString = "${sdn.competition.review-reminder-interval:10m}")
    void scheduled() {
        remind(clock.instant());
    }

    /** Sends the reminders due at {@code now} and not sent yet; returns how many this call sent. */
    int remind(Instant now) {
        int sent = 0;
        // a handful of categories per edition: reading them all is cheaper than any index would save
        for (Category category : mongo.findAll(Category.class)) {
            for (Round round : Round.values()) {
                try {
                    sent += remind(category, round, now);
                } catch (RuntimeException e) {
                    log.warn("Reminders of category {} ({}) not sent, will retry: {}", category.id(), round, e.toString());
                }
            }
        }
        return sent;
    }

    private int remind(Category category, Round round, Instant now) {
        Timeline timeline = category.timeline();
        if (!timeline.allows(round.scoring(), now)) {
            return 0;
        }
        Instant endsAt = timeline.end(round.phase()).orElse(null);
        if (endsAt == null || Duration.between(now, endsAt).compareTo(before) > 0) {
            return 0;
        }
        List<JuryReview> assigned = mongo.find(query(where("categoryId").is(category.id()).and("round").is(round)
                .and("status").is(ReviewStatus.ASSIGNED)), JuryReview.class);
        if (assigned.isEmpty()) {
            return 0;
        }
        Set<String> reviewed = (round == Round.PRESELECTION ? applications.submittedIn(category.id())
                : applications.finalistsIn(category.id())).stream().map(Application::id).collect(Collectors.toSet());
        Map<String, Long> pending = assigned.stream().filter(review -> reviewed.contains(review.applicationId()))
                .collect(Collectors.groupingBy(JuryReview::jurorId, TreeMap::new, Collectors.counting()));
        int sent = 0;
        for (Map.Entry<String, Long> juror : pending.entrySet()) {
            String id = ReviewReminderSent.idOf(round, category.id(), juror.getKey());
            ReviewReminder event = new ReviewReminder(category.id(), category.editionId(), category.code().name(),
                    juror.getKey(), round.name(), juror.getValue().intValue(), endsAt, now);
            try {
                mongo.insert(new ReviewReminderSent(id, category.editionId(), category.id(), juror.getKey(), round,
                        juror.getValue().intValue(), endsAt, now,
                        List.of(PendingEvent.of(ReviewReminder.TYPE, category.id(), event)), null));
                sent++;
            } catch (DuplicateKeyException alreadyReminded) {
                // sent by an earlier run or another instance
            }
        }
        if (sent > 0) {
            log.info("Reminded {} juror(s) of category {} ({} round)", sent, category.id(), round);
        }
        return sent;
    }
}
