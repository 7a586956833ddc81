package ml.sdn.registration.programme;

import ml.sdn.platform.scheduling.LockedJob;
import ml.sdn.registration.attendance.WaitingNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Gives back the places an instance that died in the middle of a hand-over left taken, on one instance at a
 * time (ShedLock, as the attendance reconciler). A session's place count is written before the entry it
 * concerns (a promotion takes the place, then binds it) or after it (leaving cancels the entry, then frees the
 * place), so a crash between the two can only leave the count too high: a place nobody holds. Such a session,
 * once nothing of it moved for {@code sdn.attendance.hold-timeout} (neither its count nor any of its entries),
 * gets its count set to the places really held, in one update conditioned on the count not having changed
 * since it was read; then the people waiting are promoted. A count below the places held cannot come from a
 * crash: it is logged, never "fixed" by taking places from people.
 * A waiting-list number still recorded as joining after that timeout (its registration died before being
 * written, see {@link WaitingNumbers}) is dropped and the people waiting behind it are promoted.
 * The timeout assumes no live instance stalls that long between the two writes of one hand-over.
 */
@Component
class AgendaReconciler {

    private static final Logger log = LoggerFactory.getLogger(AgendaReconciler.class);
    static final String LOCK_NAME = "sdn-programme-reconciler";

    private final MongoTemplate mongo;
    private final Programme programme;
    private final Clock clock;
    private final LockedJob job;
    private final Duration holdTimeout;

    AgendaReconciler(MongoTemplate mongo, Programme programme, ObjectProvider<Clock> clock,
                     @Value("${sdn.attendance.hold-timeout:60s}") Duration holdTimeout,
                     @Value("${sdn.attendance.reconcile-lock-at-most-for:5m}") Duration lockAtMostFor) {
        this.mongo = mongo;
        this.programme = programme;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.job = LockedJob.named(LOCK_NAME, mongo, lockAtMostFor);
        this.holdTimeout = holdTimeout;
    }

    @Scheduled(fixedDelayString = "${sdn.programme.reconcile-interval:30s}",
            initialDelayString = "${sdn.programme.reconcile-interval:30s}")
    void reconcileOnSchedule() {
        job.runOrLog(this::reconcile, log, "Agenda reconciliation skipped");
    }

    /** How many sessions got places back in this round. */
    int reconcile() {
        Instant staleBefore = clock.instant().minus(holdTimeout);
        int repaired = 0;
        for (ProgrammeSession session : mongo.find(query(where("joining.at").lt(staleBefore)), ProgrammeSession.class)) {
            for (WaitingNumbers.Joining joining : session.joiningOrEmpty()) {
                if (joining.at() != null && joining.at().isBefore(staleBefore)) {
                    // its registration died before being written: it no longer holds anyone back
                    WaitingNumbers.joined(mongo, ProgrammeSession.class, session.id(), joining.ref());
                }
            }
            programme.promote(session.id());
        }
        for (ProgrammeSession session : mongo.find(query(where("capacity").ne(null).and("confirmed").gt(0)
                .orOperator(where("placesChangedAt").is(null), where("placesChangedAt").lt(staleBefore))), ProgrammeSession.class)) {
            long held = mongo.count(query(where("sessionId").is(session.id()).and("status").is(AgendaStatus.CONFIRMED)),
                    AgendaEntry.class);
            if (held == session.confirmed()) {
                continue;
            }
            if (held > session.confirmed()) {
                log.warn("Session {} counts {} places taken but {} people hold one: left as it is", session.id(),
                        session.confirmed(), held);
                continue;
            }
            // read after the count: an entry that moved since the cut-off may belong to a hand-over still running
            boolean entryMoved = mongo.exists(query(where("sessionId").is(session.id()).orOperator(
                    where("confirmedAt").gte(staleBefore), where("cancelledAt").gte(staleBefore))), AgendaEntry.class);
            if (entryMoved) {
                continue;
            }
            Criteria unchanged = where("_id").is(session.id()).and("confirmed").is(session.confirmed())
                    .and("placesChangedAt").is(session.placesChangedAt());
            boolean corrected = mongo.updateFirst(query(unchanged), new Update().set("confirmed", held)
                            .set("placesChangedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS)), ProgrammeSession.class)
                    .getModifiedCount() == 1;
            if (corrected) {
                log.info("Session {}: {} places left taken by an unfinished hand-over given back", session.id(),
                        session.confirmed() - held);
                programme.promote(session.id());
                repaired++;
            }
        }
        return repaired;
    }
}
