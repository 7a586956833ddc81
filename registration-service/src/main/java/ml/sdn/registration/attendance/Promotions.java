package ml.sdn.registration.attendance;

import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.platform.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Gives places to waiting people, in order. A place is always taken first (one atomic update of the
 * day: {@code confirmed < capacity} → {@code $inc confirmed}, recorded as a hold), then bound to the
 * first waiting person (one atomic update of that attendance: WAITING → CONFIRMED with the place's
 * reference, unique); if nobody waits, it is given back. So no two promotions take the same place, each
 * taken place goes to the head of the list at that moment (nobody is skipped), and a person is promoted
 * at most once (the update is conditioned on WAITING). While a registration with a smaller number is
 * still being written ({@link WaitingNumbers}), nobody behind it is served: the place goes back and that
 * registration asks for promotions once written.
 * <p>
 * Registrations go through the same path (see {@link Attendances#register}): a newcomer joins the
 * list, then asks for promotions, so nobody can take a freed place ahead of those already waiting.
 */
@Component
class Promotions {

    private static final Logger log = LoggerFactory.getLogger(Promotions.class);
    /** Waiting people read at once to find the head; more are read if they were all promoted meanwhile. */
    private static final int CANDIDATES = 8;
    /** A bound on one call's work; whatever is left is finished by the next call or the reconciler. */
    private static final int MAX_ROUNDS = 10_000;

    private final MongoTemplate mongo;
    private final DayLedger ledger;
    private final Badges badges;
    private final AttendanceClock clock;

    Promotions(MongoTemplate mongo, DayLedger ledger, Badges badges, AttendanceClock clock) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.badges = badges;
        this.clock = clock;
    }

    /** While the day has a free place and someone waits, the first waiting person gets it. Returns how many were promoted. */
    int promote(LocalDate day) {
        int promoted = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<String> place = ledger.reserve(day, clock.now());
            if (place.isEmpty()) {
                return promoted;
            }
            WaitingNumbers.Offer offer = giveToFirstWaiting(day, place.get());
            if (offer == WaitingNumbers.Offer.TAKEN) {
                promoted++;
            } else if (offer == WaitingNumbers.Offer.SOMEONE_JOINING) {
                if (ledger.find(day).map(d -> !d.joiningOrEmpty().isEmpty()).orElse(false)) {
                    return promoted; // each registration still joining asks for promotions once written, after our give-back
                }
                // the ones we waited for were written meanwhile, perhaps while we held the place: serve them now
            } else if (!anyoneWaiting(day)) {
                return promoted;
            }
            // else: someone joined the list between our look and the give-back; take the place again for them
        }
        log.warn("Promotion for {} stopped after {} rounds; the reconciler will finish it", day, MAX_ROUNDS);
        return promoted;
    }

    /** A held place (freed by a cancellation) goes to the first waiting person, or back to the free places. */
    void handOver(LocalDate day, String place) {
        if (giveToFirstWaiting(day, place) != WaitingNumbers.Offer.TAKEN && anyoneWaiting(day)) {
            promote(day);
        }
    }

    /** Binds the held place to the first waiting person; if nobody can have it now, gives it back. */
    WaitingNumbers.Offer giveToFirstWaiting(LocalDate day, String place) {
        WaitingNumbers.Offer offer;
        try {
            offer = claimFirstWaiting(day, place);
            if (offer == WaitingNumbers.Offer.TAKEN) {
                ledger.settle(day, place);
                return offer;
            }
        } catch (DuplicateKeyException alreadyBound) {
            // the place is already someone's (the reconciler finished a hand-over this instance was slow to finish)
            ledger.settle(day, place);
            return WaitingNumbers.Offer.TAKEN;
        }
        ledger.giveBack(day, place);
        return offer;
    }

    boolean anyoneWaiting(LocalDate day) {
        return mongo.exists(query(where("day").is(day.toString()).and("status").is(AttendanceStatus.WAITING)),
                Attendance.class);
    }

    /**
     * The first waiting person (by {@link WaitingList}) becomes CONFIRMED with this place. Each try is
     * one conditional update of that person's document; if another promotion got them first, the
     * next person is tried.
     */
    private WaitingNumbers.Offer claimFirstWaiting(LocalDate day, String place) {
        // each failed try means another request changed that person (promoted, cancelled, announced): progress elsewhere
        for (int attempt = 0; attempt < MAX_ROUNDS; attempt++) {
            // the day is read BEFORE the list: a number joining then is either still recorded as joining, or its
            // registration is written and read below; a number handed out later is larger than the day's count
            Optional<AttendanceDay> ledgerDay = ledger.find(day);
            if (ledgerDay.isEmpty()) {
                return WaitingNumbers.Offer.NOBODY_WAITING;
            }
            List<Attendance> candidates = mongo.find(query(where("day").is(day.toString())
                            .and("status").is(AttendanceStatus.WAITING))
                    .with(Sort.by("sequence", "_id")).limit(CANDIDATES), Attendance.class);
            Optional<WaitingList.Entry> next = WaitingList.of(candidates.stream()
                    .map(a -> new WaitingList.Entry(a.id(), a.sequence())).toList()).next();
            if (next.isEmpty()) {
                return WaitingNumbers.Offer.NOBODY_WAITING;
            }
            WaitingNumbers.Head verdict = WaitingNumbers.mayServe(next.get().sequence(),
                    ledgerDay.get().waitingSequence(), ledgerDay.get().joiningOrEmpty());
            if (verdict == WaitingNumbers.Head.READ_AGAIN) {
                continue;
            }
            if (verdict == WaitingNumbers.Head.WAIT_FOR_JOINING) {
                return WaitingNumbers.Offer.SOMEONE_JOINING;
            }
            Attendance head = candidates.stream().filter(a -> a.id().equals(next.get().attendanceId())).findFirst().orElseThrow();
            Instant now = clock.now();
            String badge = badges.codeOf(head.participantId(), now);
            // a registration still in flight was never told it waits: for that person it is a plain confirmation
            PendingEvent event = head.announced()
                    ? PendingEvent.of(AttendancePromoted.TYPE, head.id(), new AttendancePromoted(
                            head.id(), head.participantId(), head.country(), day, badge, now))
                    : PendingEvent.of(AttendanceConfirmed.TYPE, head.id(), new AttendanceConfirmed(
                            head.id(), head.participantId(), head.country(), day, badge, now));
            Query stillWaiting = query(where("_id").is(head.id()).and("status").is(AttendanceStatus.WAITING)
                    .and("announced").is(head.announced()).and("sequence").is(head.sequence()));
            Attendance confirmed = mongo.findAndModify(stillWaiting, new Update()
                            .set("status", AttendanceStatus.CONFIRMED).set("placeRef", place).set("badgeCode", badge)
                            .set("confirmedAt", now).set("announced", true).push("outbox", event),
                    FindAndModifyOptions.options().returnNew(true), Attendance.class);
            if (confirmed != null) {
                return WaitingNumbers.Offer.TAKEN;
            }
            // promoted, cancelled or announced meanwhile: look again
        }
        log.warn("No waiting person of {} could be claimed after {} tries; the place is given back", day, MAX_ROUNDS);
        return WaitingNumbers.Offer.NOBODY_WAITING;
    }
}
