package ml.sdn.competition.jury;

import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Category;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A juror's declaration of a conflict of interest: their review ends (CONFLICTED, the reason kept for
 * organizers), the pair is remembered (a CONFLICTED review is never assigned again, in any round), and
 * the application goes to another roster juror by {@link ConflictOfInterest#reassign}, which keeps loads
 * balanced by moving only automatic reviews nobody has scored.
 */
@Service
class Conflicts {

    private final Reviews reviews;
    private final JuryStates states;
    private final ReviewWrites writes;
    private final CategoryLocks locks;
    private final AuditTrail audit;
    private final Clock clock;

    Conflicts(Reviews reviews, JuryStates states, ReviewWrites writes, CategoryLocks locks, AuditTrail audit,
              ObjectProvider<Clock> clock) {
        this.reviews = reviews;
        this.states = states;
        this.writes = writes;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ConflictView declare(Caller juror, String applicationId, String reason) {
        List<JuryReview> mine = reviews.activeReviewsOf(juror, applicationId);
        Category category = reviews.categoryOf(mine.get(0));
        JuryReview review = Reviews.inOpenRound(category, mine, clock.instant(), Round::conflictsDeclaredIn, Round::conflict);
        return locks.holding(category.id(), () -> declareHoldingLock(juror, category, review, reason.strip()));
    }

    private ConflictView declareHoldingLock(Caller juror, Category category, JuryReview review, String reason) {
        Instant now = clock.instant();
        JuryState state = states.load(category, review.round());
        DeclaredConflict declared = new DeclaredConflict(juror.id(), review.applicationId());
        Assignment declaredAssignment = JuryState.assignment(review);
        CategoryJury jury = state.jury();
        Map<String, RosterJuror> available = state.available().stream()
                .collect(Collectors.toMap(RosterJuror::id, member -> member));
        Map<String, ApplicationToReview> inRound = jury.applications().stream()
                .collect(Collectors.toMap(ApplicationToReview::id, application -> application));

        // the other active reviews the rules still stand by; any other is left for the organizer's next run
        Map<Assignment, JuryReview> active = state.activeByAssignment();
        List<Assignment> fixed = new ArrayList<>();
        List<Assignment> movable = new ArrayList<>();
        for (Map.Entry<Assignment, JuryReview> entry : active.entrySet()) {
            Assignment assignment = entry.getKey();
            JuryReview current = entry.getValue();
            boolean declaredOne = assignment.equals(declaredAssignment);
            RosterJuror member = available.get(assignment.jurorId());
            ApplicationToReview application = inRound.get(assignment.applicationId());
            boolean stands = member != null && application != null
                    && ConflictOfInterest.between(member.juror(), application, jury.conflicts()).isEmpty();
            if (!declaredOne && !stands) {
                continue;
            }
            (current.manual() || current.status() == ReviewStatus.SUBMITTED ? fixed : movable).add(assignment);
        }
        Reassignment result = ConflictOfInterest.reassign(jury, fixed, movable, declared);

        if (writes.end(review, ReviewStatus.CONFLICTED, reason, EndKind.CONFLICT, ReviewWrites.UNASSIGNED_CONFLICT,
                Assignments.ACTIVE, false, now) == null) {
            throw new NotFoundException("jury.review.not-found");
        }
        // each application gets as many new jurors as it lost: a review scored (or made manual) since it was
        // read stays, and the juror who was to take it over does not come on top of it
        Map<String, Integer> freed = new HashMap<>(Map.of(review.applicationId(), 1));
        int rebalanced = 0;
        for (Assignment moved : result.removed()) {
            JuryReview current = active.get(moved);
            if (moved.equals(declaredAssignment) || current == null) {
                continue;
            }
            if (writes.end(current, ReviewStatus.REMOVED, "rebalanced after a conflict of interest", EndKind.REBALANCED,
                    ReviewWrites.UNASSIGNED_REMOVED, Assignments.PENDING, true, now) != null) {
                rebalanced++;
                freed.merge(moved.applicationId(), 1, Integer::sum);
            }
        }
        List<Assignment> additions = new ArrayList<>();
        for (Assignment added : result.added()) {
            if (freed.getOrDefault(added.applicationId(), 0) > 0) {
                freed.merge(added.applicationId(), -1, Integer::sum);
                additions.add(added);
            }
        }
        List<JuryReview> created = writes.insertAll(additions.stream()
                .map(a -> ReviewWrites.assigned(category, review.round(), a.applicationId(), a.jurorId(), false, null, now))
                .toList());

        Map<String, String> details = new LinkedHashMap<>();
        details.put("round", review.round().name());
        details.put("juror", juror.username() == null ? juror.id() : juror.username());
        details.put("replacedBy", created.stream().filter(added -> added.applicationId().equals(review.applicationId()))
                .map(added -> available.containsKey(added.jurorId()) ? available.get(added.jurorId()).username() : added.jurorId())
                .collect(Collectors.joining(",")));
        details.put("rebalanced", String.valueOf(rebalanced));
        details.put("movesSkipped", String.valueOf(result.added().size() - additions.size()));
        details.put("unfilled", String.valueOf(result.unfilledApplicationIds().contains(review.applicationId())));
        audit.record(juror, AuditAction.CONFLICT_DECLARED, category.editionId(), category.id(), review.applicationId(),
                reason, details);
        return new ConflictView(review.applicationId(), review.round(), ReviewStatus.CONFLICTED);
    }
}
