package ml.sdn.incubation.incubatees;

import ml.sdn.events.incubation.IncubateeEnrolled;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.cohorts.CohortOpened;
import ml.sdn.incubation.cohorts.Cohorts;
import ml.sdn.platform.outbox.PendingEvent;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Turns preselected candidates into incubatees of their edition's cohort.
 * <p>
 * One insert makes the incubatee, ACTIVE, with IncubateeEnrolled in its outbox; the unique index on
 * {@code applicationId} makes a second delivery of the same preselection find the first incubatee
 * instead (no second incubatee, no second event). The template's milestones are created after the
 * insert with ids derived from the incubatee's, so a redelivery after a crash between the two
 * completes them and never doubles them.
 * <p>
 * A candidate whose edition has no cohort yet waits in {@link PendingEnrolment} (nothing is lost):
 * creating the cohort enrols the edition's waiting candidates, and so does a periodic sweep (in case
 * the service stopped in between). Enrolling is idempotent, so a candidate enrolled by two of these
 * paths at once is still enrolled once.
 * <p>
 * Capacity never refuses a candidate: the competition decided who is preselected. Over capacity,
 * the cohort's view says so ({@code overCapacity}) and a warning is logged, for organizers to act.
 */
@Service
public class Enrolments {

    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);
    private static final int SWEEP_BATCH = 100;

    private final MongoTemplate mongo;
    private final Cohorts cohorts;
    private final IncubateeProgress milestones;
    private final Clock clock;

    Enrolments(MongoTemplate mongo, Cohorts cohorts, IncubateeProgress milestones, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.cohorts = cohorts;
        this.milestones = milestones;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** What became of a preselection. */
    enum Outcome { ENROLLED, ALREADY_ENROLLED, PENDING_COHORT }

    Outcome enrol(Candidate candidate) {
        candidate.requireComplete();
        Optional<Cohort> cohort = cohorts.ofEdition(candidate.editionId());
        if (cohort.isEmpty()) {
            keepPending(candidate);
            // the cohort may have been created since the first look, and missed this candidate: look again
            cohort = cohorts.ofEdition(candidate.editionId());
            if (cohort.isEmpty()) {
                return Outcome.PENDING_COHORT;
            }
        }
        Outcome outcome = enrolInto(cohort.get(), candidate);
        mongo.remove(query(where("id").is(candidate.applicationId())), PendingEnrolment.class);
        return outcome;
    }

    /** The edition's waiting candidates, as soon as its cohort exists. Failures are left to the sweep. */
    @EventListener
    void onCohortOpened(CohortOpened opened) {
        try {
            enrolPending(opened.cohort());
        } catch (RuntimeException e) {
            log.warn("Waiting candidates of edition {} not enrolled yet (the sweep will): {}", opened.cohort().editionId(),
                    e.toString());
        }
    }

    /** Enrols waiting candidates whose cohort now exists; safe on several instances at once (enrolling is idempotent). */
    @Scheduled(fixedDelayString = "${sdn.incubation.pending-enrolment-sweep:60s}",
            initialDelayString = "${sdn.incubation.pending-enrolment-sweep:60s}")
    void sweep() {
        try {
            // only candidates whose edition has a cohort: those still waiting for theirs cannot fill the batch
            List<String> editions = mongo.findDistinct(new Query(), "editionId", Cohort.class, String.class);
            List<PendingEnrolment> waiting = editions.isEmpty() ? List.of()
                    : mongo.find(query(where("editionId").in(editions)).with(Sort.by("receivedAt")).limit(SWEEP_BATCH),
                    PendingEnrolment.class);
            for (PendingEnrolment pending : waiting) {
                cohorts.ofEdition(pending.editionId()).ifPresent(cohort -> enrolWaiting(cohort, pending));
            }
        } catch (RuntimeException e) {
            log.warn("Sweep of waiting enrolments failed, will retry: {}", e.toString());
        }
    }

    int enrolPending(Cohort cohort) {
        int enrolled = 0;
        for (PendingEnrolment pending : mongo.find(query(where("editionId").is(cohort.editionId())), PendingEnrolment.class)) {
            if (enrolWaiting(cohort, pending)) {
                enrolled++;
            }
        }
        if (enrolled > 0) {
            log.info("Enrolled {} candidate(s) preselected before cohort {} existed", enrolled, cohort.id());
        }
        return enrolled;
    }

    /** One waiting candidate: one that fails is logged and left for the next sweep, the others still go ahead. */
    private boolean enrolWaiting(Cohort cohort, PendingEnrolment pending) {
        try {
            enrolInto(cohort, pending.candidate());
            mongo.remove(query(where("id").is(pending.id())), PendingEnrolment.class);
            return true;
        } catch (RuntimeException e) {
            log.warn("Waiting application {} not enrolled into cohort {} yet (the next sweep will try again): {}",
                    pending.id(), cohort.id(), e.toString());
            return false;
        }
    }

    private void keepPending(Candidate candidate) {
        try {
            mongo.insert(new PendingEnrolment(candidate.applicationId(), candidate.editionId(), candidate, now()));
            log.info("Application {} preselected before edition {} has a cohort: waiting", candidate.applicationId(),
                    candidate.editionId());
        } catch (DuplicateKeyException alreadyWaiting) {
            // a redelivery of a preselection that is already waiting
        }
    }

    private Outcome enrolInto(Cohort cohort, Candidate candidate) {
        Instant now = now();
        String id = new ObjectId().toHexString();
        IncubateeEnrolled event = new IncubateeEnrolled(id, cohort.id(), cohort.editionId(), candidate.applicationId(),
                candidate.applicantId(), candidate.organizationName(), candidate.title(), candidate.country(),
                candidate.categoryCode(), candidate.womenLed(), now);
        Incubatee incubatee = new Incubatee(id, cohort.id(), cohort.editionId(), candidate.categoryId(),
                candidate.categoryCode(), candidate.applicationId(), candidate.applicantId(), candidate.organizationId(),
                candidate.organizationName(), candidate.title(), candidate.country(), candidate.womenLed(),
                Incubatee.IncubateeStatus.ACTIVE, null, null, List.of(), null, null, now, now,
                List.of(PendingEvent.of(IncubateeEnrolled.TYPE, id, event)), null);
        Outcome outcome;
        try {
            incubatee = mongo.insert(incubatee);
            outcome = Outcome.ENROLLED;
            warnIfOverCapacity(cohort);
        } catch (DuplicateKeyException sameApplication) {
            incubatee = mongo.findOne(query(where("applicationId").is(candidate.applicationId())), Incubatee.class);
            if (incubatee == null) {
                throw sameApplication;
            }
            outcome = Outcome.ALREADY_ENROLLED;
        }
        // idempotent: completes the milestones of an enrolment interrupted before them, adds nothing otherwise
        milestones.createFromTemplate(incubatee.id(), cohort, incubatee.enrolledAt() == null ? now : incubatee.enrolledAt(), now);
        log.info("Application {} in cohort {}: {} (incubatee {})", candidate.applicationId(), cohort.id(), outcome,
                incubatee.id());
        return outcome;
    }

    private void warnIfOverCapacity(Cohort cohort) {
        long seats = mongo.count(query(where("cohortId").is(cohort.id()).and("status").ne(Incubatee.IncubateeStatus.DROPPED)),
                Incubatee.class);
        if (seats > cohort.capacity()) {
            log.warn("Cohort {} is over capacity: {} incubatees for {} places", cohort.id(), seats, cohort.capacity());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
