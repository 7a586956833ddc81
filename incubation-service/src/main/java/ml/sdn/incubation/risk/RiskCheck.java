package ml.sdn.incubation.risk;

import ml.sdn.events.incubation.IncubateeAtRisk;
import ml.sdn.events.incubation.MilestoneOverdue;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.milestones.Milestone;
import ml.sdn.incubation.milestones.MilestonesChanged;
import ml.sdn.incubation.sessions.SessionDirectory;
import ml.sdn.incubation.sessions.SessionRecorded;
import ml.sdn.platform.outbox.PendingEvent;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The overdue and at-risk check over the ACTIVE incubatees: announces each overdue milestone once
 * (MilestoneOverdue), and flags an incubatee at risk once per spell (IncubateeAtRisk), clearing the flag
 * when the spell ends so that a later one is announced again.
 * <p>
 * "Once" does not rest on a lock: every announcement is a single conditional write that only the first
 * writer can make (the milestone's {@code overdueAnnouncedAt} still null; the incubatee's version as read and
 * its flag down), with the event pushed to the document's outbox in that same write. Any number of instances
 * may run the check at the same moment; the lock around the scheduled run only saves them the double work.
 */
@Service
public class RiskCheck {

    private static final Logger log = LoggerFactory.getLogger(RiskCheck.class);
    /** Decisions that lose to another writer (a session logged, the relay, another instance) are made again on fresh data. */
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final SessionDirectory sessions;
    private final Clock clock;
    private final RiskRule.Thresholds thresholds;

    @Autowired
    RiskCheck(MongoTemplate mongo, SessionDirectory sessions, ObjectProvider<Clock> clock,
              @Value("${sdn.incubation.no-session-days:14}") int noSessionDays,
              @Value("${sdn.incubation.overdue-milestones-for-risk:2}") int overdueMilestonesForRisk) {
        this(mongo, sessions, clock.getIfAvailable(Clock::systemUTC), new RiskRule.Thresholds(noSessionDays, overdueMilestonesForRisk));
    }

    RiskCheck(MongoTemplate mongo, SessionDirectory sessions, Clock clock, RiskRule.Thresholds thresholds) {
        this.mongo = mongo;
        this.sessions = sessions;
        this.clock = clock;
        this.thresholds = thresholds;
    }

    /** What one run did. */
    public record Outcome(int checked, int overdueAnnounced, int flagged, int cleared) {

        Outcome plus(Outcome other) {
            return new Outcome(checked + other.checked, overdueAnnounced + other.overdueAnnounced,
                    flagged + other.flagged, cleared + other.cleared);
        }
    }

    /** Checks every ACTIVE incubatee; one that fails is logged and the others are still checked. */
    public Outcome checkAll() {
        Query active = query(where("status").is(Incubatee.IncubateeStatus.ACTIVE));
        active.fields().include("_id");
        // read raw: a projected document cannot become an Incubatee (its boolean would be null)
        List<String> ids = mongo.find(active, Document.class, Incubatee.COLLECTION).stream()
                .map(document -> document.get("_id"))
                .map(id -> id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id))
                .toList();
        Outcome total = new Outcome(0, 0, 0, 0);
        for (String id : ids) {
            try {
                total = total.plus(check(id));
            } catch (RuntimeException e) {
                log.warn("Risk check of incubatee {} failed, next run will try again: {}", id, e.toString());
            }
        }
        if (total.overdueAnnounced() + total.flagged() + total.cleared() > 0) {
            log.info("Risk check: {} incubatees checked, {} milestones announced overdue, {} flagged at risk, {} cleared",
                    total.checked(), total.overdueAnnounced(), total.flagged(), total.cleared());
        }
        return total;
    }

    /** Checks one incubatee now (nothing when it is not ACTIVE). */
    public Outcome check(String incubateeId) {
        Incubatee incubatee = mongo.findById(incubateeId, Incubatee.class);
        if (incubatee == null || incubatee.status() != Incubatee.IncubateeStatus.ACTIVE) {
            return new Outcome(0, 0, 0, 0);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, RiskRule.BAMAKO);
        List<Milestone> milestones = mongo.find(query(where("incubateeId").is(incubateeId)), Milestone.class);
        int announced = 0;
        for (Milestone milestone : milestones) {
            if (milestone.overdueOn(today) && milestone.overdueAnnouncedAt() == null && announceOverdue(milestone, incubatee, now, today)) {
                announced++;
            }
        }
        catchUpLastSession(incubatee);
        LocalDate cohortStart = cohortStart(incubatee);
        for (int attempt = 1; ; attempt++) {
            Incubatee current = mongo.findById(incubateeId, Incubatee.class);
            if (current == null || current.status() != Incubatee.IncubateeStatus.ACTIVE) {
                return new Outcome(1, announced, 0, 0);
            }
            // counted after reading the incubatee: a milestone moved since bumps its version, so the write below
            // fails and this count is made again (never a count older than the version the write is conditional on)
            int overdue = (int) mongo.find(query(where("incubateeId").is(incubateeId)), Milestone.class).stream()
                    .filter(milestone -> milestone.overdueOn(today)).count();
            RiskRule.Assessment assessment = RiskRule.assess(
                    new RiskRule.Facts(current.lastSessionAt(), current.enrolledAt(), cohortStart, overdue), today, thresholds);
            Decision decision = decide(current, assessment);
            if (write(current, decision, assessment, now)) {
                return new Outcome(1, announced, decision == Decision.FLAG ? 1 : 0, decision == Decision.CLEAR ? 1 : 0);
            }
            if (attempt >= ATTEMPTS) {
                log.info("Risk of incubatee {} left for the next check: it kept changing under the check", incubateeId);
                return new Outcome(1, announced, 0, 0);
            }
        }
    }

    /** A session logged: the spell it ends is cleared now, not at the next scheduled run. */
    @EventListener
    void sessionRecorded(SessionRecorded recorded) {
        recheckQuietly(recorded.incubateeId());
    }

    /** A milestone validated: one overdue fewer may end a spell. */
    @EventListener
    void milestonesChanged(MilestonesChanged changed) {
        recheckQuietly(changed.incubateeId());
    }

    private void recheckQuietly(String incubateeId) {
        try {
            check(incubateeId);
        } catch (RuntimeException e) {
            // the request that triggered it has succeeded; the scheduled run will catch up
            log.warn("Risk of incubatee {} not re-checked now, the scheduled check will: {}", incubateeId, e.toString());
        }
    }

    /**
     * Sets {@code overdueAnnouncedAt} and pushes MilestoneOverdue in one write that only matches while it is
     * still unannounced, still not validated and still due before today: of several instances, one wins.
     */
    boolean announceOverdue(Milestone milestone, Incubatee incubatee, Instant now, LocalDate today) {
        MilestoneOverdue event = new MilestoneOverdue(milestone.id(), incubatee.id(), incubatee.participantId(),
                incubatee.coachId(), milestone.title(), LocalDate.parse(milestone.dueDate()), now);
        return mongo.updateFirst(query(where("id").is(milestone.id())
                                .and("overdueAnnouncedAt").is(null)
                                .and("status").ne(Milestone.MilestoneStatus.VALIDATED)
                                .and("dueDate").lt(today.toString())),
                        new Update().set("overdueAnnouncedAt", now)
                                .push("outbox", PendingEvent.of(MilestoneOverdue.TYPE, incubatee.id(), event))
                                .inc("version", 1),
                        Milestone.class)
                .getModifiedCount() == 1;
    }

    /**
     * The session is saved before the incubatee's {@code lastSessionAt} moves: if the service stopped in between,
     * the newest session still counts here, and {@code lastSessionAt} is brought forward (only forward).
     */
    private void catchUpLastSession(Incubatee incubatee) {
        Instant lastHeld = sessions.lastHeldAt(incubatee.id());
        if (lastHeld != null && (incubatee.lastSessionAt() == null || lastHeld.isAfter(incubatee.lastSessionAt()))) {
            mongo.updateFirst(query(where("id").is(incubatee.id())
                            .orOperator(where("lastSessionAt").is(null), where("lastSessionAt").lt(lastHeld))),
                    new Update().set("lastSessionAt", lastHeld).inc("version", 1), Incubatee.class);
        }
    }

    private LocalDate cohortStart(Incubatee incubatee) {
        Cohort cohort = incubatee.cohortId() == null ? null : mongo.findById(incubatee.cohortId(), Cohort.class);
        return cohort == null || cohort.startDate() == null ? null : LocalDate.parse(cohort.startDate());
    }

    /**
     * What the check writes: FLAG starts a spell (flag up, IncubateeAtRisk pushed), KEEP refreshes a spell's
     * reasons, CLEAR ends it, CALM records a check that found nothing.
     */
    enum Decision { FLAG, KEEP, CLEAR, CALM }

    static Decision decide(Incubatee incubatee, RiskRule.Assessment assessment) {
        boolean flagged = incubatee.risk() != null && incubatee.risk().atRisk();
        if (assessment.atRisk()) {
            return flagged ? Decision.KEEP : Decision.FLAG;
        }
        return flagged ? Decision.CLEAR : Decision.CALM;
    }

    /**
     * One write, conditional on the version that was read (and, to start a spell, on the flag being down): false
     * when someone wrote the incubatee in between, and the decision must be made again on what they left.
     */
    boolean write(Incubatee incubatee, Decision decision, RiskRule.Assessment assessment, Instant now) {
        Query asRead = query(where("id").is(incubatee.id())
                .and("status").is(Incubatee.IncubateeStatus.ACTIVE)
                .and("version").is(incubatee.version()));
        Update update = new Update();
        switch (decision) {
            case FLAG -> {
                asRead.addCriteria(where("risk.atRisk").ne(true));
                IncubateeAtRisk event = new IncubateeAtRisk(incubatee.id(), incubatee.participantId(), incubatee.coachId(),
                        incubatee.title(), assessment.reasons(), assessment.overdueMilestones(), incubatee.lastSessionAt(), now);
                update.set("risk", new Incubatee.Risk(true, assessment.reasons(), assessment.overdueMilestones(), now, now))
                        .push("outbox", PendingEvent.of(IncubateeAtRisk.TYPE, incubatee.id(), event));
            }
            case KEEP -> update.set("risk", new Incubatee.Risk(true, assessment.reasons(), assessment.overdueMilestones(),
                    incubatee.risk().since(), now));
            case CLEAR, CALM -> update.set("risk", new Incubatee.Risk(false, List.of(), assessment.overdueMilestones(), null, now));
        }
        return mongo.updateFirst(asRead, update.inc("version", 1), Incubatee.class).getModifiedCount() == 1;
    }
}
