package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One category's round as read from the store, and its translation into the plain jury rules:
 * the available roster jurors, the applications the round reviews, every review of the round, and
 * the pairs no automatic assignment may (re)create — a conflict declared in any round, or a review of
 * this round that an organizer removed. What the service ended itself (rebalancing, roster changes,
 * the rules) is not remembered here: the rules decide again.
 */
record JuryState(Category category, Round round, List<RosterJuror> roster, List<Application> applications,
                 List<JuryReview> reviews, Set<DeclaredConflict> declared, Set<DeclaredConflict> removed) {

    List<RosterJuror> available() {
        return roster.stream().filter(RosterJuror::available).toList();
    }

    List<JuryReview> active() {
        return reviews.stream().filter(JuryReview::active).toList();
    }

    Map<Assignment, JuryReview> activeByAssignment() {
        return active().stream().collect(Collectors.toMap(JuryState::assignment, Function.identity()));
    }

    CategoryJury jury() {
        List<DeclaredConflict> exclusions = new ArrayList<>(declared);
        removed.stream().filter(pair -> !declared.contains(pair)).forEach(exclusions::add);
        return new CategoryJury(applications.stream().map(JuryState::toReview).toList(),
                available().stream().map(RosterJuror::juror).toList(), exclusions);
    }

    static ApplicationToReview toReview(Application application) {
        return new ApplicationToReview(application.id(), application.organizationId(), application.applicantId());
    }

    static Assignment assignment(JuryReview review) {
        return new Assignment(review.applicationId(), review.jurorId());
    }
}
