package ml.sdn.registration.attendance;

import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.security.Caller;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A person registered without an account (at the door, by an organizer or by their coordinator) who later signs
 * up claims their badge: the walk-in's registrations, days and check-ins become the account's, and the person
 * keeps one badge. The order of the checks is the order of what may be told: a code nobody registered without an
 * account holds, then a badge locked by wrong proofs, then the proof, and only to its owner, the delegation.
 */
@Service
class BadgeClaims {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;
    private final Attendances attendances;
    private final Badges badges;
    private final AttendanceClock clock;

    BadgeClaims(MongoTemplate mongo, Attendances attendances, Badges badges, AttendanceClock clock) {
        this.mongo = mongo;
        this.attendances = attendances;
        this.badges = badges;
        this.clock = clock;
    }

    /**
     * Claims the badge for the caller. The same claim again answers the same outcome (a retried request, or a
     * claim cut short, is finished). Refusals name the field: {@code badgeCode} (not a code: 400; no walk-in's badge
     * has it: 422; another account claimed it: 409; another delegation: 422), {@code contact} (wrong: 422, counted;
     * too many wrong answers: 409).
     */
    BadgeClaimView claim(Caller caller, BadgeClaimRequest request) {
        Document profile = attendances.profileOf(caller.id())
                .orElseThrow(() -> new ConflictException("attendance.profile-required"));
        String code = BadgeCode.normalize(request.badgeCode())
                .orElseThrow(() -> new FieldRejectedException("badgeCode", "attendance.check-in.malformed-badge"));
        WalkIn walkIn = holder(code, caller);
        if (!caller.id().equals(walkIn.claimedBy())) {
            if (walkIn.claimedBy() != null) {
                throw new FieldRejectedException(Refusal.CONFLICT, "badgeCode", "attendance.claim.taken");
            }
            if (BadgeClaim.locked(walkIn.failedClaims())) {
                throw new FieldRejectedException(Refusal.CONFLICT, "contact", "attendance.claim.locked");
            }
            if (!BadgeClaim.proves(request.contact(), walkIn.phone(), walkIn.email())) {
                mongo.updateFirst(query(where("_id").is(walkIn.id())), new Update().inc("failedClaims", 1), WalkIn.class);
                throw new FieldRejectedException(Refusal.UNUSABLE, "contact", "attendance.claim.wrong-contact");
            }
            if (!walkIn.country().equals(profile.getString("country"))) {
                throw new FieldRejectedException(Refusal.UNUSABLE, "badgeCode", "attendance.claim.other-delegation");
            }
            // one conditional write: of two accounts claiming at once, one wins
            WalkIn won = mongo.findAndModify(query(where("_id").is(walkIn.id()).and("claimedBy").is(null)),
                    new Update().set("claimedBy", caller.id()).set("claimedAt", clock.now()).set("claimedCode", code),
                    RETURN_NEW, WalkIn.class);
            if (won == null) {
                throw new FieldRejectedException(Refusal.CONFLICT, "badgeCode", "attendance.claim.taken");
            }
        }
        return transfer(walkIn, code, caller);
    }

    /** The walk-in whose badge has this code, or who gave it up to a claim; any other code is refused alike. */
    private WalkIn holder(String code, Caller caller) {
        Optional<WalkIn> current = badges.withCode(code).filter(b -> b.participantId().startsWith(WalkIn.ID_PREFIX))
                .map(b -> mongo.findById(b.participantId(), WalkIn.class));
        if (current.isPresent()) {
            return current.get();
        }
        WalkIn claimed = mongo.findOne(query(where("claimedCode").is(code)), WalkIn.class);
        if (claimed != null) {
            return claimed;
        }
        // a forged or mistyped code, or an account's own badge: the same answer, which tells nothing about either
        throw new FieldRejectedException(Refusal.UNUSABLE, "badgeCode", "attendance.claim.unknown-badge");
    }

    /**
     * Gives the walk-in's badge and registrations to the account; each step can run again. The account's own badge,
     * if it has one, stays (people may have printed it); else the walk-in's code becomes the account's.
     */
    private BadgeClaimView transfer(WalkIn walkIn, String code, Caller caller) {
        Instant now = clock.now();
        Optional<Badge> own = badges.of(caller.id());
        boolean replaced = own.isPresent() && !own.get().code().equals(code);
        badges.delete(walkIn.id());
        String counted = own.map(Badge::code).orElseGet(() -> badges.issue(caller.id(), code, now).orElseThrow());
        for (Attendance theirs : mongo.find(query(where("participantId").is(walkIn.id())), Attendance.class)) {
            Attendance mine = mongo.findOne(query(where("participantId").is(caller.id()).and("day").is(theirs.day())),
                    Attendance.class);
            if (mine != null && mine.status() == AttendanceStatus.WAITING && theirs.status() == AttendanceStatus.CONFIRMED
                    && attendances.cancel(mine)) {
                // the badge's confirmed place is better than a place in the queue: leave the queue first
                mine = mongo.findById(mine.id(), Attendance.class);
            }
            if (BadgeClaim.merge(mine == null ? null : mine.status(), theirs.status()) == BadgeClaim.Merge.MOVE) {
                move(theirs, mine, caller.id(), counted, now);
            } else {
                fold(theirs, mine);
            }
        }
        return new BadgeClaimView(counted, replaced, attendances.mine(caller));
    }

    /** The walk-in's registration becomes the account's (their cancelled one, if any, is set aside: one per day). */
    private void move(Attendance theirs, Attendance mine, String participantId, String code, Instant now) {
        if (mine != null) {
            mongo.updateFirst(query(where("_id").is(mine.id()).and("participantId").is(participantId)),
                    new Update().set("participantId", "superseded:" + mine.id()), Attendance.class);
        }
        // now someone to tell: the day is confirmed for them (notification-service learns the day like any other)
        PendingEvent confirmed = PendingEvent.of(AttendanceConfirmed.TYPE, theirs.id(), new AttendanceConfirmed(theirs.id(),
                participantId, theirs.country(), LocalDate.parse(theirs.day()), code, now));
        mongo.updateFirst(query(where("_id").is(theirs.id()).and("participantId").is(theirs.participantId())),
                new Update().set("participantId", participantId).set("badgeCode", code).push("outbox", confirmed),
                Attendance.class);
    }

    /**
     * The account keeps its own confirmed place that day; a check-in made on the walk-in's badge counts for it (once:
     * only if it has none), and the walk-in's registration is retired, so the person is counted once.
     */
    private void fold(Attendance theirs, Attendance mine) {
        if (mine != null && theirs.checkedInAt() != null && mine.status() == AttendanceStatus.CONFIRMED) {
            mongo.updateFirst(query(where("_id").is(mine.id()).and("checkedInAt").is(null)),
                    new Update().set("checkedInAt", theirs.checkedInAt()).set("checkedInBy", theirs.checkedInBy())
                            .set("checkedInDoor", theirs.checkedInDoor()).set("checkInId", theirs.checkInId()),
                    Attendance.class);
        }
        // over and above the capacity, a walk-in's place was never counted in the day's places: nothing to hand over
        mongo.updateFirst(query(where("_id").is(theirs.id()).and("participantId").is(theirs.participantId())),
                new Update().set("participantId", "merged:" + theirs.id()).set("status", AttendanceStatus.CANCELLED)
                        .set("cancelledAt", clock.now()).unset("badgeCode").unset("checkedInAt").unset("checkedInBy")
                        .unset("checkedInDoor").unset("checkInId"),
                Attendance.class);
    }
}
