package ml.sdn.competition.jury;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-computed examples of the automatic assignment. */
class AssignmentPlannerTest {

    private final AssignmentPlanner planner = new AssignmentPlanner();

    private static ApplicationToReview app(String id) {
        return new ApplicationToReview(id, null, "P-" + id);
    }

    private static ApplicationToReview app(String id, String organisation) {
        return new ApplicationToReview(id, organisation, "P-" + id);
    }

    private static Assignment on(String application, String juror) {
        return new Assignment(application, juror);
    }

    @Test
    void four_applications_four_jurors_k3_gives_everyone_three_by_least_loaded_then_id() {
        // A1: all at 0 → J1,J2,J3. A2: J4 (0), then J1,J2 (1). A3: J3,J4 (1), then J1 (2). A4: J2,J3,J4 (2).
        CategoryJury jury = new CategoryJury(List.of(app("A1"), app("A2"), app("A3"), app("A4")),
                List.of(new Juror("J1"), new Juror("J2"), new Juror("J3"), new Juror("J4")), List.of());

        AssignmentPlan plan = planner.plan(jury, List.of());

        assertThat(plan.jurorsPerApplication()).isEqualTo(3);
        assertThat(plan.assignments()).containsExactly(
                on("A1", "J1"), on("A1", "J2"), on("A1", "J3"),
                on("A2", "J1"), on("A2", "J2"), on("A2", "J4"),
                on("A3", "J1"), on("A3", "J3"), on("A3", "J4"),
                on("A4", "J2"), on("A4", "J3"), on("A4", "J4"));
        assertThat(plan.loads()).isEqualTo(Map.of("J1", 3, "J2", 3, "J3", 3, "J4", 3));
        assertThat(plan.complete()).isTrue();
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void no_juror_gets_their_own_application_their_organisation_or_a_declared_conflict() {
        // A1 by J1 himself; A2 of O1 where J2 works; J3 declared a conflict on A3. Four jurors, k = 3:
        // each application has exactly three jurors left, so the plan is forced.
        CategoryJury jury = new CategoryJury(
                List.of(new ApplicationToReview("A1", null, "J1"), app("A2", "O1"), app("A3")),
                List.of(new Juror("J1"), new Juror("J2", Set.of("O1", "O9")), new Juror("J3"), new Juror("J4")),
                List.of(new DeclaredConflict("J3", "A3")));

        AssignmentPlan plan = planner.plan(jury, List.of());

        assertThat(plan.assignments()).containsExactly(
                on("A1", "J2"), on("A1", "J3"), on("A1", "J4"),
                on("A2", "J1"), on("A2", "J3"), on("A2", "J4"),
                on("A3", "J1"), on("A3", "J2"), on("A3", "J4"));
        assertThat(plan.loads()).isEqualTo(Map.of("J1", 2, "J2", 2, "J3", 2, "J4", 3));
        assertThat(plan.balanced()).isTrue();
    }

    @Test
    void too_few_eligible_jurors_is_reported_per_application_not_left_as_a_silent_gap() {
        // k = 3 but J1 declared a conflict and J2 belongs to the applicant organisation: only J3 remains.
        CategoryJury jury = new CategoryJury(List.of(app("A1", "O1"), app("A2")),
                List.of(new Juror("J1"), new Juror("J2", Set.of("O1")), new Juror("J3")),
                List.of(new DeclaredConflict("J1", "A1")));

        AssignmentPlan plan = planner.plan(jury, List.of());

        assertThat(plan.assignments()).containsExactly(
                on("A1", "J3"), on("A2", "J1"), on("A2", "J2"), on("A2", "J3"));
        assertThat(plan.shortfalls()).containsExactly(new Shortfall("A1", 3, 1));
        assertThat(plan.shortfalls().get(0).missing()).isEqualTo(2);
        assertThat(plan.complete()).isFalse();
    }

    @Test
    void the_repair_pass_moves_applications_along_a_path_when_greedy_leaves_a_spread_of_two() {
        // k = 1. J3 belongs to O3 (A1, A3), J1 to O1 (A2): A1 and A3 may go to J1 or J2, A2 to J2 or J3.
        // Greedy (id order, all have 2 options): A1→J1, A2→J2, A3→J1 (J1 and J2 at 1, J1 first) → 2,1,0.
        // Exchange path J1 →(A1) J2 →(A2) J3 moves A1 to J2 and A2 to J3: loads 1,1,1.
        CategoryJury jury = new CategoryJury(List.of(app("A1", "O3"), app("A2", "O1"), app("A3", "O3")),
                List.of(new Juror("J1", Set.of("O1")), new Juror("J2"), new Juror("J3", Set.of("O3"))), List.of());

        AssignmentPlan plan = planner.plan(jury, List.of(), 1);

        assertThat(plan.assignments()).containsExactly(on("A1", "J2"), on("A2", "J3"), on("A3", "J1"));
        assertThat(plan.loads()).isEqualTo(Map.of("J1", 1, "J2", 1, "J3", 1));
    }

    @Test
    void kept_assignments_count_in_loads_and_new_ones_go_to_the_others() {
        // J1 already reviews A1 and A2 (kept). k = 2 over 3 applications = 6 seats for 3 jurors: 2 each.
        // A3 must get J2 and J3, A1 and A2 one more each: J2 for one, J3 for the other.
        CategoryJury jury = new CategoryJury(List.of(app("A1"), app("A2"), app("A3")),
                List.of(new Juror("J1"), new Juror("J2"), new Juror("J3")), List.of());

        AssignmentPlan plan = planner.plan(jury, List.of(on("A2", "J1"), on("A1", "J1")), 2);

        assertThat(plan.kept()).containsExactly(on("A1", "J1"), on("A2", "J1"));
        assertThat(plan.loads()).isEqualTo(Map.of("J1", 2, "J2", 2, "J3", 2));
        assertThat(plan.added()).hasSize(4).doesNotContain(on("A3", "J1"));
        assertThat(plan.added()).contains(on("A3", "J2"), on("A3", "J3"));
    }

    @Test
    void when_kept_assignments_make_balance_impossible_the_plan_says_so_with_the_smallest_spread() {
        // k = 1, J1 keeps A1 and A2; only A3 is left for J2 or J3: loads 2,1,0 is the best possible.
        CategoryJury jury = new CategoryJury(List.of(app("A1"), app("A2"), app("A3")),
                List.of(new Juror("J1"), new Juror("J2"), new Juror("J3")), List.of());

        AssignmentPlan plan = planner.plan(jury, List.of(on("A1", "J1"), on("A2", "J1")), 1);

        assertThat(plan.added()).containsExactly(on("A3", "J2"));
        assertThat(plan.loads()).isEqualTo(Map.of("J1", 2, "J2", 1, "J3", 0));
        assertThat(plan.spread()).isEqualTo(2);
        assertThat(plan.balanced()).isFalse();
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void kept_assignments_that_break_the_rule_are_dropped_with_the_reason() {
        CategoryJury jury = new CategoryJury(List.of(new ApplicationToReview("A1", "O1", "J2"), app("A2")),
                List.of(new Juror("J1", Set.of("O1")), new Juror("J2"), new Juror("J3")),
                List.of(new DeclaredConflict("J3", "A2")));

        AssignmentPlan plan = planner.plan(jury, List.of(
                on("A1", "J1"), on("A1", "J2"), on("A2", "J3"), on("A9", "J1"), on("A2", "J9"), on("A2", "J1")), 1);

        assertThat(plan.dropped()).containsExactly(
                new AssignmentPlan.Dropped(on("A1", "J1"), AssignmentPlan.DropReason.OWN_ORGANISATION),
                new AssignmentPlan.Dropped(on("A1", "J2"), AssignmentPlan.DropReason.OWN_APPLICATION),
                new AssignmentPlan.Dropped(on("A2", "J3"), AssignmentPlan.DropReason.DECLARED_CONFLICT),
                new AssignmentPlan.Dropped(on("A2", "J9"), AssignmentPlan.DropReason.JUROR_NOT_IN_CATEGORY),
                new AssignmentPlan.Dropped(on("A9", "J1"), AssignmentPlan.DropReason.APPLICATION_NOT_IN_CATEGORY));
        assertThat(plan.kept()).containsExactly(on("A2", "J1"));
        assertThat(plan.added()).containsExactly(on("A1", "J3"));
    }

    @Test
    void an_empty_category_gives_an_empty_plan_and_k_below_one_is_refused() {
        CategoryJury jury = new CategoryJury(List.of(), List.of(new Juror("J1")), List.of());

        AssignmentPlan plan = planner.plan(jury, List.of());

        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.loads()).isEqualTo(Map.of("J1", 0));
        assertThatThrownBy(() -> planner.plan(jury, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CategoryJury(List.of(app("A1"), app("A1")), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_jurors_at_all_leaves_every_application_short() {
        CategoryJury jury = new CategoryJury(List.of(app("A1")), List.of(), List.of());

        AssignmentPlan plan = planner.plan(jury, List.of());

        assertThat(plan.shortfalls()).containsExactly(new Shortfall("A1", 3, 0));
        assertThat(plan.spread()).isZero();
    }
}
