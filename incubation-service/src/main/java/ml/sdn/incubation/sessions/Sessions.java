package ml.sdn.incubation.sessions;

import ml.sdn.events.incubation.SessionLogged;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.incubatees.IncubateeDirectory;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.NotFoundException;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Logs coaching sessions (the incubatee's coach or an organizer), lists them (private notes never to the
 * incubatee) and records the incubatee's confirmation that they attended.
 */
@Service
class Sessions {

    private final MongoTemplate mongo;
    private final IncubateeDirectory incubatees;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final jakarta.validation.Validator validator;

    Sessions(MongoTemplate mongo, IncubateeDirectory incubatees, ApplicationEventPublisher publisher,
             jakarta.validation.Validator validator, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.validator = validator;
        this.incubatees = incubatees;
        this.publisher = publisher;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Saves the session with its SessionLogged event in one insert, then moves the incubatee's
     * {@code lastSessionAt} forward (only forward: a session logged late for an earlier day leaves a newer one
     * in place).
     */
    SessionView log(Caller caller, String incubateeId, SessionRequest request) {
        Incubatee incubatee = visible(caller, incubateeId);
        if (caller.id().equals(incubatee.participantId())
                || !(caller.hasRole("organizer") || IncubateeDirectory.isCoachOf(caller, incubatee))) {
            throw new AccessDeniedException("Only the incubatee's coach or an organizer logs a session");
        }
        if (incubatee.status() != Incubatee.IncubateeStatus.ACTIVE) {
            throw new ConflictException("coaching.incubatee.not-active", String.valueOf(incubatee.status()));
        }
        // to the millisecond, as the store keeps it: the answer to the POST reads like every later GET
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<SessionRequest.ActionRequest> actions = request.actions() == null ? List.of() : request.actions();
        // the form's every fault in one answer: bean validation, then the timing rules on a valid heldAt
        FieldChecks checks = FieldChecks.validated(validator, request);
        if (checks.ok("heldAt")) {
            SessionTiming.checkAll(request.heldAt(), cohortStart(incubatee),
                            actions.stream().map(action -> action == null ? null : action.dueDate()).toList(),
                            LocalDateTime.ofInstant(now, SessionView.BAMAKO))
                    .forEach(rejection -> checks.reject(rejection.field(), rejection.messageKey(), rejection.arguments().toArray()));
        }
        checks.throwIfAny();
        Instant heldAt = request.heldAt().truncatedTo(ChronoUnit.MINUTES).atZone(SessionView.BAMAKO).toInstant();
        String id = new ObjectId().toHexString();
        SessionLogged event = new SessionLogged(id, incubatee.id(), incubatee.participantId(), caller.id(), heldAt,
                request.durationMinutes(), request.mode().name(), now);
        CoachingSession session = new CoachingSession(id, incubatee.id(), caller.id(), heldAt, request.durationMinutes(),
                request.mode(), request.topics().stream().map(String::strip).toList(), blankToNull(request.notes()),
                blankToNull(request.privateNotes()),
                actions.stream().map(action -> new CoachingSession.AgreedAction(action.description().strip(),
                        action.dueDate().toString())).toList(),
                null, now, List.of(PendingEvent.of(SessionLogged.TYPE, incubatee.id(), event)), null, nameOf(caller));
        CoachingSession saved;
        try {
            saved = mongo.insert(session);
        } catch (DuplicateKeyException sameTime) {
            // a retried POST, or the same session logged by someone else
            throw new ConflictException("coaching.session.duplicate",
                    LocalDateTime.ofInstant(heldAt, SessionView.BAMAKO).toString());
        }
        mongo.updateFirst(query(where("id").is(incubatee.id())
                        .orOperator(where("lastSessionAt").is(null), where("lastSessionAt").lt(heldAt))),
                new Update().set("lastSessionAt", heldAt).inc("version", 1), Incubatee.class);
        publisher.publishEvent(new SessionRecorded(incubatee.id()));
        return SessionView.of(saved);
    }

    /** The incubatee's sessions, most recent first; 404 for anyone who may not see the incubatee. */
    SessionView.Page list(Caller caller, String incubateeId, int page, int size) {
        Incubatee incubatee = visible(caller, incubateeId);
        Query byIncubatee = query(where("incubateeId").is(incubatee.id()));
        long total = mongo.count(byIncubatee, CoachingSession.class);
        List<CoachingSession> sessions = mongo.find(query(where("incubateeId").is(incubatee.id()))
                .with(Sort.by(Sort.Order.desc("heldAt"), Sort.Order.desc("id")))
                .skip((long) page * size).limit(size), CoachingSession.class);
        Function<CoachingSession, Object> view = viewFor(caller, incubatee);
        return SessionView.Page.of(sessions.stream().map(view).toList(), page, size, total);
    }

    Object one(Caller caller, String sessionId) {
        CoachingSession session = find(sessionId);
        Incubatee incubatee = incubatees.visibleTo(caller, session.incubateeId())
                .orElseThrow(() -> new NotFoundException("coaching.session.not-found", sessionId));
        return viewFor(caller, incubatee).apply(session);
    }

    /** The incubatee confirms they attended: once (409 the second time, saying when it was confirmed). */
    SessionView.ForIncubatee confirmAttendance(Caller caller, String sessionId) {
        CoachingSession session = find(sessionId);
        Incubatee incubatee = incubatees.visibleTo(caller, session.incubateeId())
                .orElseThrow(() -> new NotFoundException("coaching.session.not-found", sessionId));
        if (!caller.id().equals(incubatee.participantId())) {
            throw new AccessDeniedException("Only the incubatee confirms their attendance");
        }
        CoachingSession confirmed = mongo.findAndModify(
                query(where("id").is(session.id()).and("attendanceConfirmedAt").is(null)),
                new Update().set("attendanceConfirmedAt", clock.instant()).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), CoachingSession.class);
        if (confirmed == null) {
            CoachingSession now = find(sessionId);
            throw new ConflictException("coaching.session.attendance.already",
                    String.valueOf(now.attendanceConfirmedAt()));
        }
        return SessionView.ForIncubatee.of(confirmed);
    }

    /** Private notes for the coach and organizers, never for the incubatee (whatever other role they hold). */
    private static Function<CoachingSession, Object> viewFor(Caller caller, Incubatee incubatee) {
        if (caller.id().equals(incubatee.participantId())) {
            return SessionView.ForIncubatee::of;
        }
        return SessionView::of;
    }

    private LocalDate cohortStart(Incubatee incubatee) {
        Cohort cohort = incubatee.cohortId() == null ? null : mongo.findById(incubatee.cohortId(), Cohort.class);
        return cohort == null || cohort.startDate() == null ? null : LocalDate.parse(cohort.startDate());
    }

    private CoachingSession find(String sessionId) {
        CoachingSession session = mongo.findById(sessionId, CoachingSession.class);
        if (session == null) {
            throw new NotFoundException("coaching.session.not-found", sessionId);
        }
        return session;
    }

    private Incubatee visible(Caller caller, String incubateeId) {
        return incubatees.visibleTo(caller, incubateeId)
                .orElseThrow(() -> new NotFoundException("coaching.incubatee.not-found", incubateeId));
    }

    private static String nameOf(Caller caller) {
        return caller.name() != null && !caller.name().isBlank() ? caller.name() : caller.username();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
