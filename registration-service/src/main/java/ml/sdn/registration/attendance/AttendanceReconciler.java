package ml.sdn.registration.attendance;

import ml.sdn.platform.scheduling.LockedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Finishes what an instance that died in the middle left undone, on one instance at a time (ShedLock
 * on the service's database, as the outbox relay):
 * <ul>
 * <li>a place held for longer than {@code sdn.attendance.hold-timeout}: if an attendance is bound to
 *     it, the hold is forgotten; if it was being given up by an attendee who is in fact still
 *     confirmed (the cancellation never happened), the hold is dropped; otherwise the place goes to
 *     the first waiting person, or back to the free places;</li>
 * <li>a waiting-list number still recorded as joining after the hold timeout (its registration died
 *     before being written): dropped, so that it holds nobody back;</li>
 * <li>every day from today on: while places are free and people wait, promotions;</li>
 * <li>a registration left waiting but never announced: its AttendanceWaitListed event.</li>
 * </ul>
 * The hold timeout assumes no live instance stalls that long between two writes of one hand-over.
 */
@Component
class AttendanceReconciler {

    private static final Logger log = LoggerFactory.getLogger(AttendanceReconciler.class);
    static final String LOCK_NAME = "sdn-attendance-reconciler";

    private final MongoTemplate mongo;
    private final DayLedger ledger;
    private final Promotions promotions;
    private final Attendances attendances;
    private final AttendanceClock clock;
    private final LockedJob job;
    private final Duration holdTimeout;

    AttendanceReconciler(MongoTemplate mongo, DayLedger ledger, Promotions promotions, Attendances attendances,
                         AttendanceClock clock,
                         @Value("${sdn.attendance.hold-timeout:60s}") Duration holdTimeout,
                         @Value("${sdn.attendance.reconcile-lock-at-most-for:5m}") Duration lockAtMostFor) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.promotions = promotions;
        this.attendances = attendances;
        this.clock = clock;
        this.job = LockedJob.named(LOCK_NAME, mongo, lockAtMostFor);
        this.holdTimeout = holdTimeout;
    }

    @Scheduled(fixedDelayString = "${sdn.attendance.reconcile-interval:30s}",
            initialDelayString = "${sdn.attendance.reconcile-interval:30s}")
    void reconcileOnSchedule() {
        job.runOrLog(this::reconcile, log, "Attendance reconciliation skipped");
    }

    /** What one round did. */
    record Round(int holdsResolved, int promoted, int announced) {
    }

    Round reconcile() {
        Instant staleBefore = clock.now().minus(holdTimeout);
        int holds = 0;
        for (AttendanceDay day : ledger.withHoldsOlderThan(staleBefore)) {
            for (AttendanceDay.Hold hold : day.holdsOrEmpty()) {
                if (hold.heldAt() != null && hold.heldAt().isBefore(staleBefore)) {
                    resolve(LocalDate.parse(day.id()), hold);
                    holds++;
                }
            }
        }
        for (AttendanceDay day : ledger.withJoiningOlderThan(staleBefore)) {
            for (WaitingNumbers.Joining joining : day.joiningOrEmpty()) {
                if (joining.at() != null && joining.at().isBefore(staleBefore)) {
                    // its registration died before being written: it no longer holds anyone back
                    ledger.joined(LocalDate.parse(day.id()), joining.ref());
                }
            }
        }
        int promoted = 0;
        for (AttendanceDay day : ledger.from(clock.today())) {
            LocalDate date = LocalDate.parse(day.id());
            if (day.places().left() > 0 && promotions.anyoneWaiting(date)) {
                promoted += promotions.promote(date);
            }
        }
        List<Attendance> unannounced = mongo.find(query(where("status").is(AttendanceStatus.WAITING)
                .and("announced").is(false).and("registeredAt").lt(staleBefore)), Attendance.class);
        unannounced.forEach(attendance -> attendances.announceIfStillWaiting(attendance.id()));
        if (holds + promoted + unannounced.size() > 0) {
            log.info("Attendance reconciled: {} unfinished hand-overs, {} promotions, {} waiting announcements",
                    holds, promoted, unannounced.size());
        }
        return new Round(holds, promoted, unannounced.size());
    }

    private void resolve(LocalDate day, AttendanceDay.Hold hold) {
        if (mongo.exists(query(where("placeRef").is(hold.ref())), Attendance.class)) {
            ledger.settle(day, hold.ref()); // the place was bound; only the clean-up was lost
        } else if (hold.releases() != null && mongo.exists(query(where("placeRef").is(hold.releases())
                .and("status").is(AttendanceStatus.CONFIRMED)), Attendance.class)) {
            ledger.settle(day, hold.ref()); // the cancellation never happened: the attendee keeps the place
        } else {
            promotions.handOver(day, hold.ref());
        }
    }
}
