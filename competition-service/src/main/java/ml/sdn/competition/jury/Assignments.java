package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationDirectory;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Phase;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What organizers do with a category's jury: the automatic assignment (plain rules in
 * {@link AssignmentPlanner}), manual additions and removals, and the list of reviews. Every change to a
 * category's assignments holds the category's lock ({@link CategoryLocks}) and is audited.
 */
@Service
class Assignments {

    static final Set<ReviewStatus> ACTIVE = EnumSet.of(ReviewStatus.ASSIGNED, ReviewStatus.SUBMITTED);
    static final Set<ReviewStatus> PENDING = EnumSet.of(ReviewStatus.ASSIGNED);
    /** The rules that end even a scored review: the juror reviews their own application or organisation's. */
    private static final Set<AssignmentPlan.DropReason> OWN =
            EnumSet.of(AssignmentPlan.DropReason.OWN_APPLICATION, AssignmentPlan.DropReason.OWN_ORGANISATION);
    /** The last page a list may ask for (as the applications list). */
    static final int MAX_PAGE = 100_000;

    private final MongoTemplate mongo;
    private final jakarta.validation.Validator validator;
    private final Editions editions;
    private final ApplicationDirectory applications;
    private final JuryStates states;
    private final ReviewWrites writes;
    private final CategoryLocks locks;
    private final AuditTrail audit;
    private final Clock clock;
    private final AssignmentPlanner planner = new AssignmentPlanner();

    Assignments(MongoTemplate mongo, Editions editions, ApplicationDirectory applications, JuryStates states,
                ReviewWrites writes, CategoryLocks locks, AuditTrail audit, jakarta.validation.Validator validator,
                ObjectProvider<Clock> clock) {
        this.validator = validator;
        this.mongo = mongo;
        this.editions = editions;
        this.applications = applications;
        this.states = states;
        this.writes = writes;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Category category(String categoryId) {
        return editions.findCategory(categoryId).orElseThrow(() -> new NotFoundException("jury.category.not-found", categoryId));
    }

    /** The round named, or the one assigned in the phase open now; 409 when there is none. */
    private Round roundOf(Category category, Round requested, Instant now) {
        if (requested != null) {
            return requested;
        }
        Optional<Phase> phase = category.timeline().phaseAt(now);
        return phase.flatMap(Round::assignedIn).orElseThrow(() ->
                new ConflictException("jury.assignments.no-round", PhaseGate.current(category, now)));
    }

    AssignmentRun run(Caller caller, String categoryId, Round requested) {
        Category category = category(categoryId);
        Instant now = clock.instant();
        Round round = roundOf(category, requested, now);
        PhaseGate.require(category, round.assignment(), now);
        return locks.holding(category.id(), () -> runHoldingLock(caller, category, round));
    }

    private AssignmentRun runHoldingLock(Caller caller, Category category, Round round) {
        Instant now = clock.instant();
        JuryState state = states.load(category, round);
        List<RosterJuror> jurors = state.available();
        if (jurors.isEmpty()) {
            throw new ConflictException("jury.roster.empty");
        }
        int k = category.settings().jurorsPerApplication();
        Map<Assignment, JuryReview> active = state.activeByAssignment();
        AssignmentPlan plan = planner.plan(state.jury(), active.keySet(), k);

        Map<String, String> droppedNames = plan.dropped().isEmpty() ? Map.of()
                : states.usernames(plan.dropped().stream().map(dropped -> dropped.assignment().jurorId()).distinct().toList());
        List<AssignmentRun.ReviewRef> withdrawn = new ArrayList<>();
        List<AssignmentRun.ReviewRef> notKept = new ArrayList<>();
        for (AssignmentPlan.Dropped dropped : plan.dropped()) {
            JuryReview review = active.get(dropped.assignment());
            String username = droppedNames.get(review.jurorId());
            AssignmentRun.ReviewRef ref = new AssignmentRun.ReviewRef(review.id(), review.applicationId(), username,
                    dropped.reason().name());
            // a scored review stays when only the roster changed, but never counts once the juror turns out to
            // review their own application or organisation's
            boolean conflicted = OWN.contains(dropped.reason());
            EndKind kind = dropped.reason() == AssignmentPlan.DropReason.JUROR_NOT_IN_CATEGORY ? EndKind.ROSTER : EndKind.RULE;
            String endReason = "automatic: " + dropped.reason().name();
            JuryReview before = review.status() == ReviewStatus.ASSIGNED || conflicted
                    ? writes.end(review, ReviewStatus.REMOVED, endReason, kind, ReviewWrites.UNASSIGNED_REMOVED,
                    conflicted ? ACTIVE : PENDING, false, now)
                    : null;
            (before != null ? withdrawn : notKept).add(ref);
            if (before != null && before.status() == ReviewStatus.SUBMITTED) {
                audit.record(caller, AuditAction.JUROR_REMOVED, category.editionId(), category.id(), review.applicationId(),
                        endReason, Map.of("round", round.name(), "juror", username == null ? review.jurorId() : username,
                                "reviewId", review.id(), "wasSubmitted", "true"));
            }
        }
        List<JuryReview> created = writes.insertAll(plan.added().stream()
                .map(a -> ReviewWrites.assigned(category, round, a.applicationId(), a.jurorId(), false, caller.id(), now))
                .toList());

        Map<String, Long> addedPerJuror = created.stream().collect(Collectors.groupingBy(JuryReview::jurorId, Collectors.counting()));
        List<AssignmentRun.JurorLoad> loads = jurors.stream().map(juror -> new AssignmentRun.JurorLoad(juror.id(),
                juror.username(), juror.displayName(), plan.loads().getOrDefault(juror.id(), 0),
                addedPerJuror.getOrDefault(juror.id(), 0L).intValue())).toList();
        List<AssignmentRun.ShortfallView> shortfalls = shortfalls(state, plan, k);
        AssignmentRun result = new AssignmentRun(category.id(), round, k, state.applications().size(), jurors.size(),
                plan.kept().size(), created.size(), withdrawn, notKept, loads, plan.spread(), plan.balanced(),
                plan.complete(), shortfalls);

        Map<String, String> details = new LinkedHashMap<>();
        details.put("round", round.name());
        details.put("jurorsPerApplication", String.valueOf(k));
        details.put("applications", String.valueOf(result.applications()));
        details.put("jurors", String.valueOf(result.jurors()));
        details.put("kept", String.valueOf(result.kept()));
        details.put("added", String.valueOf(result.added()));
        details.put("withdrawn", String.valueOf(withdrawn.size()));
        details.put("shortfalls", String.valueOf(shortfalls.size()));
        details.put("spread", String.valueOf(result.spread()));
        audit.record(caller, AuditAction.ASSIGNMENTS_RUN, category.editionId(), category.id(), category.id(), null, details);
        return result;
    }

    private static List<AssignmentRun.ShortfallView> shortfalls(JuryState state, AssignmentPlan plan, int k) {
        if (plan.shortfalls().isEmpty()) {
            return List.of();
        }
        Map<String, Application> byId = state.applications().stream()
                .collect(Collectors.toMap(Application::id, Function.identity()));
        List<RosterJuror> jurors = state.available();
        List<AssignmentRun.ShortfallView> views = new ArrayList<>();
        for (Shortfall shortfall : plan.shortfalls()) {
            Application application = byId.get(shortfall.applicationId());
            ApplicationToReview toReview = JuryState.toReview(application);
            Map<String, Integer> excluded = new TreeMap<>();
            for (RosterJuror juror : jurors) {
                DeclaredConflict pair = new DeclaredConflict(juror.id(), application.id());
                Optional<ConflictOfInterest.Reason> reason = ConflictOfInterest.between(juror.juror(), toReview, state.declared());
                if (reason.isPresent()) {
                    excluded.merge(reason.get().name(), 1, Integer::sum);
                } else if (state.removed().contains(pair)) {
                    excluded.merge("REMOVED", 1, Integer::sum);
                }
            }
            views.add(new AssignmentRun.ShortfallView(application.id(), application.reference(), shortfall.required(),
                    shortfall.assigned(), shortfall.missing(), jurors.size() < k ? "ROSTER_TOO_SMALL" : "EXCLUDED_JURORS",
                    excluded));
        }
        return views;
    }

    AssignmentView addManually(Caller caller, String categoryId, ManualAssignmentRequest request) {
        Category category = category(categoryId);
        Instant now = clock.instant();
        Round round = roundOf(category, request.round(), now);
        PhaseGate.require(category, round.assignment(), now);
        // every fault of the form in one answer: the fields' own checks, then the juror and the application
        FieldChecks checks = FieldChecks.validated(validator, request);
        return locks.holding(category.id(), () -> {
            RosterJuror juror = null;
            if (checks.ok("username")) {
                String username = request.username().strip().toLowerCase(Locale.ROOT);
                juror = states.roster(category.id()).stream()
                        .filter(member -> member.available() && member.username().equals(username)).findFirst().orElse(null);
                if (juror == null) {
                    checks.reject("username", "jury.manual.not-on-roster");
                }
            }
            Application application = null;
            if (checks.ok("applicationId")) {
                application = applications.find(request.applicationId().strip())
                        .filter(found -> found.categoryId().equals(category.id()) && reviewedIn(found, round)).orElse(null);
                if (application == null) {
                    checks.reject("applicationId", round == Round.PRESELECTION ? "jury.manual.not-submitted" : "jury.manual.not-finalist");
                }
            }
            checks.throwIfAny();
            boolean declared = mongo.exists(query(where("applicationId").is(application.id()).and("jurorId").is(juror.id())
                    .and("status").is(ReviewStatus.CONFLICTED)), JuryReview.class);
            Optional<ConflictOfInterest.Reason> conflict = ConflictOfInterest.between(juror.juror(),
                    JuryState.toReview(application),
                    declared ? Set.of(new DeclaredConflict(juror.id(), application.id())) : Set.of());
            if (conflict.isPresent()) {
                throw new ConflictException("jury.manual.conflict." + conflict.get().name());
            }
            Instant at = clock.instant();
            String id = JuryReview.idOf(round, application.id(), juror.id());
            JuryReview existing = mongo.findById(id, JuryReview.class);
            JuryReview assigned;
            if (existing == null) {
                try {
                    assigned = mongo.insert(ReviewWrites.assigned(category, round, application.id(), juror.id(), true,
                            caller.id(), at));
                } catch (DuplicateKeyException raced) {
                    throw new ConflictException("jury.manual.already-assigned");
                }
            } else if (existing.status() == ReviewStatus.REMOVED) {
                assigned = writes.reactivate(existing, category, caller.id(), at);
                if (assigned == null) {
                    throw new ConflictException("jury.manual.already-assigned");
                }
            } else {
                throw new ConflictException("jury.manual.already-assigned");
            }
            audit.record(caller, AuditAction.JUROR_ASSIGNED, category.editionId(), category.id(), application.id(),
                    request.reason().strip(), Map.of("round", round.name(), "juror", juror.username(), "reviewId", id));
            return view(assigned, application.reference(), juror.username());
        });
    }

    private static boolean reviewedIn(Application application, Round round) {
        return application.status() == ApplicationStatus.SUBMITTED
                && (round == Round.PRESELECTION || application.finalist());
    }

    AssignmentView remove(Caller caller, String categoryId, String reviewId, String reason) {
        Category category = category(categoryId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new FieldRejectedException("reason", "jury.reason.required");
        }
        if (why.length() > 500) {
            throw new FieldRejectedException("reason", "jury.reason.size");
        }
        JuryReview review = mongo.findOne(query(where("id").is(reviewId).and("categoryId").is(category.id())), JuryReview.class);
        if (review == null) {
            throw new NotFoundException("jury.assignment.not-found");
        }
        Instant now = clock.instant();
        PhaseGate.require(category, review.round().assignment(), now);
        return locks.holding(category.id(), () -> {
            JuryReview before = writes.end(review, ReviewStatus.REMOVED, why, EndKind.ORGANIZER,
                    ReviewWrites.UNASSIGNED_REMOVED, ACTIVE, false, clock.instant());
            if (before == null) {
                throw new ConflictException("jury.assignment.ended");
            }
            String username = states.usernames(List.of(review.jurorId())).getOrDefault(review.jurorId(), review.jurorId());
            audit.record(caller, AuditAction.JUROR_REMOVED, category.editionId(), category.id(), review.applicationId(),
                    why, Map.of("round", review.round().name(), "juror", username, "reviewId", review.id(),
                            "wasSubmitted", String.valueOf(before.status() == ReviewStatus.SUBMITTED)));
            JuryReview after = mongo.findById(review.id(), JuryReview.class);
            return view(after, applications.find(review.applicationId()).map(Application::reference).orElse(null), username);
        });
    }

    AssignmentPage list(String categoryId, Round round, ReviewStatus status, String username, int page, int size) {
        // the store skips page × size documents: a bound keeps that an int whatever the size
        if (page < 0 || page > MAX_PAGE) {
            throw new FieldRejectedException("page", "jury.page.invalid", MAX_PAGE);
        }
        if (size < 1 || size > 100) {
            throw new FieldRejectedException("size", "jury.size.invalid");
        }
        Category category = category(categoryId);
        List<RosterJuror> roster = states.roster(category.id());
        Criteria criteria = where("categoryId").is(category.id());
        if (round != null) {
            criteria = criteria.and("round").is(round);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (username != null && !username.isBlank()) {
            String wanted = username.strip().toLowerCase(Locale.ROOT);
            Optional<RosterJuror> juror = roster.stream().filter(member -> member.username().equals(wanted)).findFirst();
            if (juror.isEmpty()) {
                return new AssignmentPage(List.of(), page, size, 0, 0);
            }
            criteria = criteria.and("jurorId").is(juror.get().id());
        }
        long total = mongo.count(Query.query(criteria), JuryReview.class);
        List<JuryReview> reviews = mongo.find(Query.query(criteria).with(Sort.by("round", "applicationId", "jurorId"))
                .skip((long) page * size).limit(size), JuryReview.class);
        Map<String, String> references = references(reviews.stream().map(JuryReview::applicationId).distinct().toList());
        Map<String, String> usernames = states.usernames(reviews.stream().map(JuryReview::jurorId).distinct().toList());
        List<AssignmentView> content = reviews.stream().map(review -> view(review, references.get(review.applicationId()),
                usernames.get(review.jurorId()))).toList();
        return new AssignmentPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    private Map<String, String> references(Collection<String> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        Query query = query(where("id").in(applicationIds));
        query.fields().include("reference");
        Map<String, String> references = new HashMap<>();
        mongo.find(query, Application.class).forEach(application -> references.put(application.id(), application.reference()));
        return references;
    }

    static AssignmentView view(JuryReview review, String reference, String username) {
        return new AssignmentView(review.id(), review.applicationId(), reference, review.round(), review.status(),
                review.jurorId(), username, review.manual(), review.assignedAt(), review.submittedAt(), review.endReason());
    }
}
