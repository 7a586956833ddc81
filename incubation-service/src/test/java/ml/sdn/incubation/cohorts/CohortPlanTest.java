package ml.sdn.incubation.cohorts;

import ml.sdn.incubation.cohorts.CohortPlan.PlannedMilestone;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CohortPlanTest {

    private static final LocalDate START = LocalDate.of(2027, 2, 1);
    private static final List<PlannedMilestone> TEMPLATE = List.of(
            new PlannedMilestone("business-model", 30), new PlannedMilestone("mvp", 60));

    @Test
    void accepts_a_six_month_cohort_whose_milestones_fall_within_it() {
        assertThat(CohortPlan.check(START, LocalDate.of(2027, 7, 31), TEMPLATE)).isEmpty();
    }

    @Test
    void rejects_an_end_on_or_before_the_start_naming_endDate() {
        assertThat(CohortPlan.check(START, START, TEMPLATE)).get()
                .extracting(CohortPlan.Rejection::field, CohortPlan.Rejection::messageKey)
                .containsExactly("endDate", "cohort.endDate.before-start");
        assertThat(CohortPlan.check(START, START.minusDays(1), TEMPLATE)).get()
                .extracting(CohortPlan.Rejection::field).isEqualTo("endDate");
    }

    @Test
    void a_cohort_lasts_at_most_1096_days() {
        // 2027-02-01 + 1096 days = 2030-02-01 (2028 is a leap year: 366 + 365 + 365)
        assertThat(CohortPlan.check(START, LocalDate.of(2030, 2, 1), List.of())).isEmpty();
        assertThat(CohortPlan.check(START, LocalDate.of(2030, 2, 2), List.of())).get()
                .extracting(CohortPlan.Rejection::field, CohortPlan.Rejection::messageKey)
                .containsExactly("endDate", "cohort.endDate.too-long");
    }

    @Test
    void rejects_a_start_in_an_implausible_year() {
        assertThat(CohortPlan.check(LocalDate.of(1999, 1, 1), LocalDate.of(1999, 6, 1), List.of())).get()
                .extracting(CohortPlan.Rejection::field).isEqualTo("startDate");
    }

    @Test
    void names_the_second_use_of_a_milestone_code() {
        List<PlannedMilestone> repeated = List.of(new PlannedMilestone("mvp", 10), new PlannedMilestone("pitch", 20),
                new PlannedMilestone("mvp", 30));
        assertThat(CohortPlan.check(START, LocalDate.of(2027, 7, 31), repeated)).get()
                .extracting(CohortPlan.Rejection::field, CohortPlan.Rejection::messageKey)
                .containsExactly("milestones[2].code", "cohort.milestone.code.duplicate");
    }

    @Test
    void a_milestone_may_fall_due_on_the_last_day_but_not_after() {
        // 2027-02-01 + 28 days = 2027-03-01
        LocalDate end = LocalDate.of(2027, 3, 1);
        assertThat(CohortPlan.check(START, end, List.of(new PlannedMilestone("last-day", 28)))).isEmpty();
        assertThat(CohortPlan.check(START, end, List.of(new PlannedMilestone("ok", 0), new PlannedMilestone("late", 29))))
                .get().extracting(CohortPlan.Rejection::field).isEqualTo("milestones[1].dueOffsetDays");
    }
}
