package ml.sdn.incubation.milestones;

import ml.sdn.events.EventType;
import ml.sdn.events.incubation.MilestoneSentBack;
import ml.sdn.events.incubation.MilestoneSubmitted;
import ml.sdn.events.incubation.MilestoneValidated;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.incubatees.IncubateeDirectory;
import ml.sdn.incubation.milestones.Milestone.MilestoneStatus;
import ml.sdn.incubation.milestones.MilestoneLifecycle.Actor;
import ml.sdn.incubation.milestones.MilestoneLifecycle.Step;
import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reads and moves milestones. Every move is one conditional write on the milestone (the state and version
 * that were read), carrying its history entry and its event: two people acting at once cannot both win,
 * and the loser learns the state the winner left.
 */
@Service
class Milestones {

    /** A write that loses only to the outbox relay (it bumps the version when it publishes) is tried again. */
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final IncubateeDirectory incubatees;
    private final MilestoneDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final jakarta.validation.Validator validator;

    Milestones(MongoTemplate mongo, IncubateeDirectory incubatees, MilestoneDirectory directory,
               ApplicationEventPublisher publisher, ObjectProvider<Clock> clock, jakarta.validation.Validator validator) {
        this.validator = validator;
        this.mongo = mongo;
        this.incubatees = incubatees;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The incubatee's milestones, earliest due first; 404 for anyone who may not see the incubatee. */
    List<MilestoneView> of(Caller caller, String incubateeId) {
        Incubatee incubatee = visible(caller, incubateeId);
        Actor actor = actorOf(caller, incubatee);
        LocalDate today = today();
        return directory.of(incubatee.id()).stream().map(milestone -> view(milestone, incubatee, actor, today)).toList();
    }

    MilestoneView one(Caller caller, String milestoneId) {
        Milestone milestone = find(milestoneId);
        Incubatee incubatee = incubatees.visibleTo(caller, milestone.incubateeId())
                .orElseThrow(() -> new NotFoundException("coaching.milestone.not-found", milestoneId));
        return view(milestone, incubatee, actorOf(caller, incubatee), today());
    }

    /** A milestone of the coach's own making for this incubatee (their coach or an organizer). */
    MilestoneView add(Caller caller, String incubateeId, MilestoneRequests.CustomMilestone request) {
        Incubatee incubatee = visible(caller, incubateeId);
        Actor actor = actorOf(caller, incubatee);
        if (actor != Actor.COACH) {
            throw new AccessDeniedException("Only the incubatee's coach or an organizer adds milestones");
        }
        requireActive(incubatee);
        LocalDate today = today();
        // every fault in one answer: the title's and the date's together
        FieldChecks checks = FieldChecks.validated(validator, request);
        if (checks.ok("dueDate") && request.dueDate().isBefore(today)) {
            checks.reject("dueDate", "coaching.milestone.dueDate.past", today.toString());
        } else if (checks.ok("dueDate") && request.dueDate().isAfter(today.plusYears(5))) {
            checks.reject("dueDate", "coaching.milestone.dueDate.too-far");
        }
        checks.throwIfAny();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String code = customCode(request.title(), request.dueDate());
        String id = incubatee.id() + ":" + code;
        Milestone milestone;
        try {
            milestone = mongo.insert(new Milestone(id, incubatee.id(), incubatee.cohortId(), code,
                    request.title().strip(), blankToNull(request.description()), request.dueDate().toString(), true,
                    MilestoneStatus.TODO, null, null, null,
                    List.of(new Milestone.Transition(MilestoneStatus.TODO, caller.id(), now, null, nameOf(caller))),
                    null, now, now, List.of(), null));
        } catch (DuplicateKeyException alreadyAdded) {
            // a retried request, or the same milestone typed again
            throw new ConflictException("coaching.milestone.custom.exists", id);
        }
        return view(milestone, incubatee, actor, today);
    }

    MilestoneView start(Caller caller, String milestoneId) {
        return move(caller, milestoneId, Step.START, null, (milestone, incubatee, update, now) -> null);
    }

    MilestoneView submit(Caller caller, String milestoneId, MilestoneRequests.Submission request) {
        String comment = blankToNull(request.comment());
        return move(caller, milestoneId, Step.SUBMIT, comment, (milestone, incubatee, update, now) -> {
            update.set("evidenceUrl", request.evidenceUrl().strip()).set("comment", comment);
            return event(MilestoneSubmitted.TYPE, incubatee, new MilestoneSubmitted(milestone.id(), incubatee.id(),
                    incubatee.participantId(), incubatee.coachId(), milestone.title(), now));
        });
    }

    MilestoneView validate(Caller caller, String milestoneId, MilestoneRequests.Validation request) {
        String comment = request == null ? null : blankToNull(request.comment());
        MilestoneView validated = move(caller, milestoneId, Step.VALIDATE, comment, (milestone, incubatee, update, now) ->
                event(MilestoneValidated.TYPE, incubatee, new MilestoneValidated(milestone.id(), incubatee.id(),
                        incubatee.participantId(), incubatee.coachId(), milestone.title(), now)));
        // one overdue milestone fewer may end an at-risk spell
        publisher.publishEvent(new MilestonesChanged(validated.incubateeId()));
        return validated;
    }

    MilestoneView sendBack(Caller caller, String milestoneId, MilestoneRequests.SendBack request) {
        String feedback = request.feedback().strip();
        return move(caller, milestoneId, Step.SEND_BACK, feedback, (milestone, incubatee, update, now) -> {
            update.set("feedback", feedback);
            return event(MilestoneSentBack.TYPE, incubatee, new MilestoneSentBack(milestone.id(), incubatee.id(),
                    incubatee.participantId(), incubatee.coachId(), milestone.title(), feedback, now));
        });
    }

    /** What a step writes besides the state and history, and the event it publishes (null: none). */
    @FunctionalInterface
    private interface StepEffect {
        PendingEvent apply(Milestone milestone, Incubatee incubatee, Update update, Instant now);
    }

    private MilestoneView move(Caller caller, String milestoneId, Step step, String note, StepEffect effect) {
        return LostRace.retry(ATTEMPTS, () -> {
            Milestone milestone = find(milestoneId);
            Incubatee incubatee = incubatees.visibleTo(caller, milestone.incubateeId())
                    .orElseThrow(() -> new NotFoundException("coaching.milestone.not-found", milestoneId));
            Actor actor = actorOf(caller, incubatee);
            if (step.actor() != actor) {
                // the incubatee judging their own work, a coach submitting in their place
                throw new AccessDeniedException(actor + " may not " + step);
            }
            requireActive(incubatee);
            MilestoneStatus to;
            try {
                to = MilestoneLifecycle.next(milestone.status(), step, actor);
            } catch (MilestoneLifecycle.WrongState wrong) {
                throw wrongState(wrong);
            }
            Instant now = clock.instant();
            Update update = new Update()
                    .set("status", to)
                    .set("updatedAt", now)
                    .push("history", new Milestone.Transition(to, caller.id(), now, note, nameOf(caller)));
            PendingEvent event = effect.apply(milestone, incubatee, update, now);
            if (event != null) {
                update.push("outbox", event);
            }
            Milestone saved = mongo.findAndModify(
                    query(where("id").is(milestone.id()).and("status").is(milestone.status()).and("version").is(milestone.version())),
                    update.inc("version", 1), FindAndModifyOptions.options().returnNew(true), Milestone.class);
            if (saved == null) {
                // someone else moved it (the next attempt reads the state they left and answers 409 naming it),
                // or the relay published one of its events
                throw new OptimisticLockingFailureException("Milestone " + milestone.id() + " changed since it was read");
            }
            // the incubatee's version moves too: a risk check that read it before this move fails its conditional
            // write and counts the milestones again
            mongo.updateFirst(query(where("id").is(incubatee.id())), new Update().inc("version", 1), Incubatee.class);
            return view(saved, incubatee, actor, today());
        });
    }

    private static ConflictException wrongState(MilestoneLifecycle.WrongState wrong) {
        return new ConflictException("coaching.milestone.wrong-state", wrong.current().name(), wrong.step().name(),
                String.join(", ", wrong.step().from().stream().map(Enum::name).toList()));
    }

    private static <T> PendingEvent event(EventType<T> type, Incubatee incubatee, T event) {
        return PendingEvent.of(type, incubatee.id(), event);
    }

    private Milestone find(String milestoneId) {
        Milestone milestone = mongo.findById(milestoneId, Milestone.class);
        if (milestone == null) {
            throw new NotFoundException("coaching.milestone.not-found", milestoneId);
        }
        return milestone;
    }

    private Incubatee visible(Caller caller, String incubateeId) {
        return incubatees.visibleTo(caller, incubateeId)
                .orElseThrow(() -> new NotFoundException("coaching.incubatee.not-found", incubateeId));
    }

    private static void requireActive(Incubatee incubatee) {
        if (incubatee.status() != Incubatee.IncubateeStatus.ACTIVE) {
            throw new ConflictException("coaching.incubatee.not-active", String.valueOf(incubatee.status()));
        }
    }

    /**
     * The incubatee themself acts as INCUBATEE (even when they also hold another role: nobody validates their
     * own work); their coach or an organizer as COACH. Only called for someone the incubatee is visible to.
     */
    static Actor actorOf(Caller caller, Incubatee incubatee) {
        if (caller.id().equals(incubatee.participantId())) {
            return Actor.INCUBATEE;
        }
        return Actor.COACH;
    }

    private MilestoneView view(Milestone milestone, Incubatee incubatee, Actor actor, LocalDate today) {
        List<Step> open = incubatee.status() == Incubatee.IncubateeStatus.ACTIVE
                ? MilestoneLifecycle.open(milestone.status(), actor) : List.of();
        return MilestoneView.of(milestone, today, open);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), MilestoneDirectory.BAMAKO);
    }

    /**
     * A custom milestone's code, from what it is (its title, case and spacing aside, and its due day), so the
     * same milestone posted twice has the same id: "custom-" and the first 12 hex digits of SHA-256.
     */
    static String customCode(String title, LocalDate dueDate) {
        String normalised = title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + "|" + dueDate;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "custom-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String nameOf(Caller caller) {
        return caller.name() != null && !caller.name().isBlank() ? caller.name() : caller.username();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
