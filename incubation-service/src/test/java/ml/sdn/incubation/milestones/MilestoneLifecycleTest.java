package ml.sdn.incubation.milestones;

import ml.sdn.incubation.milestones.Milestone.MilestoneStatus;
import ml.sdn.incubation.milestones.MilestoneLifecycle.Actor;
import ml.sdn.incubation.milestones.MilestoneLifecycle.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static ml.sdn.incubation.milestones.Milestone.MilestoneStatus.IN_PROGRESS;
import static ml.sdn.incubation.milestones.Milestone.MilestoneStatus.SENT_BACK;
import static ml.sdn.incubation.milestones.Milestone.MilestoneStatus.SUBMITTED;
import static ml.sdn.incubation.milestones.Milestone.MilestoneStatus.TODO;
import static ml.sdn.incubation.milestones.Milestone.MilestoneStatus.VALIDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MilestoneLifecycleTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "TODO, START, IN_PROGRESS",
            "TODO, SUBMIT, SUBMITTED",
            "IN_PROGRESS, SUBMIT, SUBMITTED",
            "SENT_BACK, SUBMIT, SUBMITTED",
            "SUBMITTED, VALIDATE, VALIDATED",
            "SUBMITTED, SEND_BACK, SENT_BACK"})
    void each_allowed_step_leads_to_its_state(MilestoneStatus from, Step step, MilestoneStatus to) {
        assertThat(MilestoneLifecycle.next(from, step, step.actor())).isEqualTo(to);
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @CsvSource({
            "IN_PROGRESS, START", "SUBMITTED, START", "VALIDATED, START", "SENT_BACK, START",
            "SUBMITTED, SUBMIT", "VALIDATED, SUBMIT",
            "TODO, VALIDATE", "IN_PROGRESS, VALIDATE", "SENT_BACK, VALIDATE", "VALIDATED, VALIDATE",
            "TODO, SEND_BACK", "IN_PROGRESS, SEND_BACK", "SENT_BACK, SEND_BACK", "VALIDATED, SEND_BACK"})
    void a_step_from_a_state_it_does_not_start_from_names_that_state(MilestoneStatus from, Step step) {
        assertThatThrownBy(() -> MilestoneLifecycle.next(from, step, step.actor()))
                .isInstanceOfSatisfying(MilestoneLifecycle.WrongState.class, wrong -> {
                    assertThat(wrong.current()).isEqualTo(from);
                    assertThat(wrong.step()).isEqualTo(step);
                });
    }

    @Test
    void a_validated_milestone_is_final() {
        for (Actor actor : Actor.values()) {
            assertThat(MilestoneLifecycle.open(VALIDATED, actor)).isEmpty();
        }
    }

    @Test
    void the_incubatee_never_judges_and_the_coach_never_submits_whatever_the_state() {
        for (MilestoneStatus status : MilestoneStatus.values()) {
            assertThatThrownBy(() -> MilestoneLifecycle.next(status, Step.VALIDATE, Actor.INCUBATEE))
                    .isInstanceOf(MilestoneLifecycle.NotTheirs.class);
            assertThatThrownBy(() -> MilestoneLifecycle.next(status, Step.SEND_BACK, Actor.INCUBATEE))
                    .isInstanceOf(MilestoneLifecycle.NotTheirs.class);
            assertThatThrownBy(() -> MilestoneLifecycle.next(status, Step.SUBMIT, Actor.COACH))
                    .isInstanceOf(MilestoneLifecycle.NotTheirs.class);
            assertThatThrownBy(() -> MilestoneLifecycle.next(status, Step.START, Actor.COACH))
                    .isInstanceOf(MilestoneLifecycle.NotTheirs.class);
        }
    }

    @Test
    void each_side_is_offered_only_its_own_steps_from_the_current_state() {
        assertThat(MilestoneLifecycle.open(TODO, Actor.INCUBATEE)).containsExactly(Step.START, Step.SUBMIT);
        assertThat(MilestoneLifecycle.open(IN_PROGRESS, Actor.INCUBATEE)).containsExactly(Step.SUBMIT);
        assertThat(MilestoneLifecycle.open(SENT_BACK, Actor.INCUBATEE)).containsExactly(Step.SUBMIT);
        assertThat(MilestoneLifecycle.open(SUBMITTED, Actor.INCUBATEE)).isEmpty();
        assertThat(MilestoneLifecycle.open(SUBMITTED, Actor.COACH)).containsExactly(Step.VALIDATE, Step.SEND_BACK);
        assertThat(MilestoneLifecycle.open(TODO, Actor.COACH)).isEmpty();
    }

    @Test
    void a_step_lists_the_states_it_starts_from_in_lifecycle_order() {
        assertThat(Step.SUBMIT.from()).containsExactly(TODO, IN_PROGRESS, SENT_BACK);
        assertThat(Step.VALIDATE.from()).containsExactly(SUBMITTED);
    }

    @Test
    void a_milestone_is_overdue_from_the_day_after_its_due_day_until_validated() {
        LocalDate due = LocalDate.of(2026, 3, 10);
        assertThat(milestone(due, TODO).overdueOn(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(milestone(due, TODO).overdueOn(LocalDate.of(2026, 3, 10))).as("due today: not yet").isFalse();
        assertThat(milestone(due, TODO).overdueOn(LocalDate.of(2026, 3, 11))).isTrue();
        assertThat(milestone(due, SUBMITTED).overdueOn(LocalDate.of(2026, 3, 11))).as("waiting for the coach").isTrue();
        assertThat(milestone(due, SENT_BACK).overdueOn(LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(milestone(due, VALIDATED).overdueOn(LocalDate.of(2026, 4, 1))).isFalse();
    }

    private static Milestone milestone(LocalDate due, MilestoneStatus status) {
        return new Milestone("i:mvp", "i", "c", "mvp", "MVP", null, due.toString(), false, status, null, null, null,
                List.of(), null, null, null, List.of(), 0L);
    }
}
