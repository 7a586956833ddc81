package ml.sdn.competition.jury;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A category's applications and jurors sorted by id and numbered, with the eligibility matrix of the
 * conflict-of-interest rule: the indexes {@link LoadBalancer} works with.
 */
final class Roster {

    private final List<ApplicationToReview> applications;
    private final List<Juror> jurors;
    private final Map<String, Integer> applicationIndex = new HashMap<>();
    private final Map<String, Integer> jurorIndex = new HashMap<>();
    private final Set<DeclaredConflict> conflicts;

    Roster(CategoryJury jury) {
        applications = jury.applications().stream().sorted(Comparator.comparing(ApplicationToReview::id)).toList();
        jurors = jury.jurors().stream().sorted(Comparator.comparing(Juror::id)).toList();
        for (int a = 0; a < applications.size(); a++) {
            applicationIndex.put(applications.get(a).id(), a);
        }
        for (int j = 0; j < jurors.size(); j++) {
            jurorIndex.put(jurors.get(j).id(), j);
        }
        conflicts = new HashSet<>(jury.conflicts());
    }

    int applicationCount() {
        return applications.size();
    }

    int jurorCount() {
        return jurors.size();
    }

    ApplicationToReview application(int a) {
        return applications.get(a);
    }

    Integer applicationIndex(String id) {
        return applicationIndex.get(id);
    }

    Integer jurorIndex(String id) {
        return jurorIndex.get(id);
    }

    boolean[][] eligibility() {
        boolean[][] eligible = new boolean[applications.size()][jurors.size()];
        for (int a = 0; a < applications.size(); a++) {
            for (int j = 0; j < jurors.size(); j++) {
                eligible[a][j] = ConflictOfInterest.between(jurors.get(j), applications.get(a), conflicts).isEmpty();
            }
        }
        return eligible;
    }

    /** Why an existing assignment cannot stand, or empty if it can. */
    Optional<AssignmentPlan.DropReason> check(Assignment assignment) {
        Integer a = applicationIndex.get(assignment.applicationId());
        if (a == null) {
            return Optional.of(AssignmentPlan.DropReason.APPLICATION_NOT_IN_CATEGORY);
        }
        Integer j = jurorIndex.get(assignment.jurorId());
        if (j == null) {
            return Optional.of(AssignmentPlan.DropReason.JUROR_NOT_IN_CATEGORY);
        }
        return ConflictOfInterest.between(jurors.get(j), applications.get(a), conflicts)
                .map(reason -> AssignmentPlan.DropReason.valueOf(reason.name()));
    }

    Set<Assignment> assignments(LoadBalancer balancer) {
        Set<Assignment> result = new TreeSet<>();
        for (int a = 0; a < applications.size(); a++) {
            for (int j = 0; j < jurors.size(); j++) {
                if (balancer.isAssigned(a, j)) {
                    result.add(new Assignment(applications.get(a).id(), jurors.get(j).id()));
                }
            }
        }
        return result;
    }

    SortedMap<String, Integer> loads(LoadBalancer balancer) {
        SortedMap<String, Integer> loads = new TreeMap<>();
        for (int j = 0; j < jurors.size(); j++) {
            loads.put(jurors.get(j).id(), balancer.load(j));
        }
        return loads;
    }
}
