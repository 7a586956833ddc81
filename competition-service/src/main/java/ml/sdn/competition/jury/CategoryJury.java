package ml.sdn.competition.jury;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the jury rules need to know about one category: its submitted applications, its jurors and
 * the conflicts jurors have declared. Ids must be unique; the order of the lists does not matter (the
 * rules sort by id, so the same content always gives the same result). Declared conflicts naming an
 * application or juror not in the category are ignored.
 */
public record CategoryJury(List<ApplicationToReview> applications, List<Juror> jurors,
                           List<DeclaredConflict> conflicts) {

    public CategoryJury {
        applications = List.copyOf(applications);
        jurors = List.copyOf(jurors);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        requireUnique(applications.stream().map(ApplicationToReview::id).toList(), "application");
        requireUnique(jurors.stream().map(Juror::id).toList(), "juror");
    }

    /** The same category with one more declared conflict (no duplicate if already declared). */
    public CategoryJury withConflict(DeclaredConflict conflict) {
        Objects.requireNonNull(conflict, "conflict");
        if (conflicts.contains(conflict)) {
            return this;
        }
        List<DeclaredConflict> more = new java.util.ArrayList<>(conflicts);
        more.add(conflict);
        return new CategoryJury(applications, jurors, more);
    }

    private static void requireUnique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate " + what + " id " + id);
            }
        }
    }
}
