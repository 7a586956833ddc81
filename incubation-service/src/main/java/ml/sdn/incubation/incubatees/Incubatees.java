package ml.sdn.incubation.incubatees;

import ml.sdn.events.incubation.CoachAssigned;
import ml.sdn.events.incubation.IncubateeDropped;
import ml.sdn.events.incubation.IncubateeGraduated;
import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What organizers do to an incubatee: assign (or reassign) the coach, graduate, drop. Each change is
 * one conditional write of the incubatee's document with its event pushed to the document's outbox
 * in that same write: the coach change on the version read (a lost race reads again), the status
 * change on {@code status = ACTIVE} (only an active incubatee graduates or drops, once).
 */
@Service
public class Incubatees {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final CoachRoster roster;
    private final Clock clock;

    Incubatees(MongoTemplate mongo, CoachRoster roster, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.roster = roster;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Makes {@code request.coachId()} the coach: the previous assignment ends now and stays in the
     * history; CoachAssigned names the previous coach. Assigning the current coach again changes nothing.
     */
    Incubatee assignCoach(Caller organizer, String incubateeId, AssignCoachRequest request) {
        CoachRosterEntry coach = roster.requireOnRoster(request.coachId());
        return LostRace.retry(ATTEMPTS, () -> {
            Incubatee incubatee = find(incubateeId);
            if (incubatee.status() != Incubatee.IncubateeStatus.ACTIVE) {
                throw new ConflictException("incubatee.coach.not-active", incubatee.status().name());
            }
            if (Objects.equals(incubatee.coachId(), coach.id())) {
                return incubatee;
            }
            Instant now = now();
            List<Incubatee.CoachAssignment> history = CoachHistory.reassign(incubatee.coachHistory(), coach.id(),
                    coach.name(), organizer.id(), now);
            CoachAssigned event = new CoachAssigned(incubatee.id(), incubatee.participantId(), coach.id(),
                    incubatee.coachId(), incubatee.title(), now);
            Incubatee saved = mongo.findAndModify(
                    query(where("id").is(incubatee.id()).and("version").is(incubatee.version())),
                    new Update().set("coachId", coach.id()).set("coachHistory", history).set("updatedAt", now)
                            .inc("version", 1).push("outbox", PendingEvent.of(CoachAssigned.TYPE, incubatee.id(), event)),
                    FindAndModifyOptions.options().returnNew(true), Incubatee.class);
            if (saved == null) {
                throw new OptimisticLockingFailureException("Incubatee " + incubatee.id() + " changed meanwhile");
            }
            return saved;
        });
    }

    /** ACTIVE → GRADUATED, IncubateeGraduated published (the competition counts it among its finalists). */
    Incubatee graduate(String incubateeId) {
        Instant now = now();
        return leaveActive(incubateeId, Incubatee.IncubateeStatus.GRADUATED, null, current -> PendingEvent.of(
                IncubateeGraduated.TYPE, current.id(), new IncubateeGraduated(current.id(), current.applicationId(),
                        current.editionId(), current.categoryId(), now)), now);
    }

    /** ACTIVE → DROPPED with its reason, IncubateeDropped published (no longer a finalist). */
    Incubatee drop(String incubateeId, String reason) {
        Instant now = now();
        String why = reason.strip();
        return leaveActive(incubateeId, Incubatee.IncubateeStatus.DROPPED, why, current -> PendingEvent.of(
                IncubateeDropped.TYPE, current.id(), new IncubateeDropped(current.id(), current.applicationId(),
                        current.editionId(), current.categoryId(), why, now)), now);
    }

    private Incubatee leaveActive(String incubateeId, Incubatee.IncubateeStatus target, String reason,
                                  Function<Incubatee, PendingEvent> eventOf, Instant now) {
        Incubatee current = find(incubateeId);
        if (current.status() != Incubatee.IncubateeStatus.ACTIVE) {
            throw new ConflictException("incubatee.status.not-active", current.status().name());
        }
        Update update = new Update().set("status", target).set("updatedAt", now).inc("version", 1)
                .push("outbox", eventOf.apply(current));
        update = reason == null ? update.unset("statusReason") : update.set("statusReason", reason);
        // the event is built from fields that never change (ids, edition, category); the status is the guard
        Incubatee saved = mongo.findAndModify(
                query(where("id").is(incubateeId).and("status").is(Incubatee.IncubateeStatus.ACTIVE)), update,
                FindAndModifyOptions.options().returnNew(true), Incubatee.class);
        if (saved == null) {
            // another organizer changed the status between the read and the write
            throw new ConflictException("incubatee.status.not-active", find(incubateeId).status().name());
        }
        return saved;
    }

    private Incubatee find(String incubateeId) {
        Incubatee incubatee = mongo.findById(incubateeId, Incubatee.class);
        if (incubatee == null) {
            throw new NotFoundException("incubatee.not-found", incubateeId);
        }
        return incubatee;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
