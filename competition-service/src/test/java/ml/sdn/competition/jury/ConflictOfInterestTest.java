package ml.sdn.competition.jury;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The conflict-of-interest rule and the reassignment after a declared conflict, by hand. */
class ConflictOfInterestTest {

    private static Assignment on(String application, String juror) {
        return new Assignment(application, juror);
    }

    private static ApplicationToReview app(String id) {
        return new ApplicationToReview(id, null, "P-" + id);
    }

    @Test
    void the_rule_names_the_first_reason_that_applies() {
        Juror juror = new Juror("J1", Set.of("O1"));
        List<DeclaredConflict> declared = List.of(new DeclaredConflict("J1", "A3"), new DeclaredConflict("J1", "A1"));

        assertThat(ConflictOfInterest.between(juror, new ApplicationToReview("A1", "O1", "J1"), declared))
                .contains(ConflictOfInterest.Reason.OWN_APPLICATION);
        assertThat(ConflictOfInterest.between(juror, new ApplicationToReview("A2", "O1", "P2"), declared))
                .contains(ConflictOfInterest.Reason.OWN_ORGANISATION);
        assertThat(ConflictOfInterest.between(juror, new ApplicationToReview("A3", "O2", "P3"), declared))
                .contains(ConflictOfInterest.Reason.DECLARED_CONFLICT);
        assertThat(ConflictOfInterest.between(juror, new ApplicationToReview("A4", null, "P4"), declared)).isEmpty();
    }

    @Test
    void a_declared_conflict_goes_to_the_only_free_juror_then_one_movable_review_moves_back_for_balance() {
        // The 4×4, k = 3 plan: A1 {J1,J2,J3}, A2 {J1,J2,J4}, A3 {J1,J3,J4}, A4 {J2,J3,J4}, all movable.
        // J1 declares a conflict on A1: only J4 is free for A1 → loads J1 2, J4 4. Exchange J4 →(A4) J1
        // (A1 no: J1 is conflicted; A2, A3: J1 already on them) brings everyone back to 3.
        CategoryJury jury = new CategoryJury(List.of(app("A1"), app("A2"), app("A3"), app("A4")),
                List.of(new Juror("J1"), new Juror("J2"), new Juror("J3"), new Juror("J4")), List.of());
        List<Assignment> current = new AssignmentPlanner().plan(jury, List.of()).assignments();

        Reassignment result = ConflictOfInterest.reassign(jury, List.of(), current, new DeclaredConflict("J1", "A1"));

        assertThat(result.withdrawn()).containsExactly(
                new AssignmentPlan.Dropped(on("A1", "J1"), AssignmentPlan.DropReason.DECLARED_CONFLICT));
        assertThat(result.removed()).containsExactly(on("A1", "J1"), on("A4", "J4"));
        assertThat(result.added()).containsExactly(on("A1", "J4"), on("A4", "J1"));
        assertThat(result.unfilledApplicationIds()).isEmpty();
        assertThat(result.loads()).isEqualTo(Map.of("J1", 3, "J2", 3, "J3", 3, "J4", 3));
    }

    @Test
    void fixed_reviews_never_move_so_the_least_loaded_replacement_is_all_that_changes() {
        // Same plan, but every review has started (fixed): A1 gets J4, nothing else may move, loads 2,3,3,4.
        CategoryJury jury = new CategoryJury(List.of(app("A1"), app("A2"), app("A3"), app("A4")),
                List.of(new Juror("J1"), new Juror("J2"), new Juror("J3"), new Juror("J4")), List.of());
        List<Assignment> current = new AssignmentPlanner().plan(jury, List.of()).assignments();

        Reassignment result = ConflictOfInterest.reassign(jury, current, List.of(), new DeclaredConflict("J1", "A1"));

        assertThat(result.removed()).containsExactly(on("A1", "J1"));
        assertThat(result.added()).containsExactly(on("A1", "J4"));
        assertThat(result.loads()).isEqualTo(Map.of("J1", 2, "J2", 3, "J3", 3, "J4", 4));
        assertThat(result.balanced()).isFalse();
    }

    @Test
    void the_replacement_is_the_least_loaded_eligible_juror_smallest_id_on_ties() {
        // k = 1: A1→J1, A2→J2, A3→J3, A4→J4 (fixed). J1 declares on A1: J2, J3, J4 all at 1 → J2.
        CategoryJury jury = new CategoryJury(List.of(app("A1"), app("A2"), app("A3"), app("A4")),
                List.of(new Juror("J1"), new Juror("J2"), new Juror("J3"), new Juror("J4")), List.of());
        List<Assignment> fixed = List.of(on("A1", "J1"), on("A2", "J2"), on("A3", "J3"), on("A4", "J4"));

        Reassignment result = ConflictOfInterest.reassign(jury, fixed, List.of(), new DeclaredConflict("J1", "A1"));

        assertThat(result.added()).containsExactly(on("A1", "J2"));
        assertThat(result.loads()).isEqualTo(Map.of("J1", 0, "J2", 2, "J3", 1, "J4", 1));
    }

    @Test
    void no_eligible_replacement_is_reported() {
        // Three jurors, k = 3: A1 has them all; when J2 declares a conflict nobody is left to take over.
        CategoryJury jury = new CategoryJury(List.of(app("A1")),
                List.of(new Juror("J1"), new Juror("J2"), new Juror("J3")), List.of());
        List<Assignment> current = List.of(on("A1", "J1"), on("A1", "J2"), on("A1", "J3"));

        Reassignment result = ConflictOfInterest.reassign(jury, List.of(), current, new DeclaredConflict("J2", "A1"));

        assertThat(result.removed()).containsExactly(on("A1", "J2"));
        assertThat(result.added()).isEmpty();
        assertThat(result.unfilledApplicationIds()).containsExactly("A1");
    }

    @Test
    void a_conflict_on_an_application_the_juror_does_not_have_changes_nothing() {
        CategoryJury jury = new CategoryJury(List.of(app("A1"), app("A2")),
                List.of(new Juror("J1"), new Juror("J2")), List.of());

        Reassignment result = ConflictOfInterest.reassign(jury, List.of(), List.of(on("A1", "J1"), on("A2", "J2")),
                new DeclaredConflict("J1", "A2"));

        assertThat(result.withdrawn()).isEmpty();
        assertThat(result.removed()).isEmpty();
        assertThat(result.added()).isEmpty();
    }
}
