package ml.sdn.incubation.kpis;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class KpiMonthTest {

    private static final LocalDate COHORT_START = LocalDate.of(2027, 2, 15);
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 1);

    @Test
    void the_cohort_start_month_is_reportable_even_before_the_start_day() {
        assertThat(KpiMonth.problem(YearMonth.of(2027, 2), COHORT_START, TODAY)).isEmpty();
    }

    @Test
    void the_current_month_is_reportable_on_its_first_day() {
        assertThat(KpiMonth.problem(YearMonth.of(2027, 6), COHORT_START, TODAY)).isEmpty();
    }

    @Test
    void next_month_is_in_the_future() {
        assertThat(KpiMonth.problem(YearMonth.of(2027, 7), COHORT_START, TODAY)).contains("kpi.month.future");
    }

    @Test
    void the_month_before_the_cohort_started_is_refused() {
        assertThat(KpiMonth.problem(YearMonth.of(2027, 1), COHORT_START, TODAY)).contains("kpi.month.before-cohort");
    }
}
