package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.CohortSummary.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static ml.sdn.incubation.incubatees.Incubatee.IncubateeStatus.ACTIVE;
import static ml.sdn.incubation.incubatees.Incubatee.IncubateeStatus.DROPPED;
import static ml.sdn.incubation.incubatees.Incubatee.IncubateeStatus.GRADUATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CohortSummaryTest {

    private static final Cohort COHORT = new Cohort("c1", "e1", "Cohorte 2027", "2027-02-01", "2027-07-31", 4,
            List.of(), "organizer", Instant.EPOCH, 0L);

    private static final List<Row> ROWS = List.of(
            new Row("ML", "START_UP_CHALLENGE", true, ACTIVE, true, 33),
            new Row("ML", "PROJECT_CONTEST", false, ACTIVE, false, 66),
            new Row("BF", "START_UP_CHALLENGE", true, GRADUATED, true, 100),
            new Row("NE", "START_UP_CHALLENGE", false, DROPPED, true, 0),
            new Row("BF", "PROJECT_CONTEST", false, ACTIVE, false, 0));

    @Test
    void counts_the_whole_cohort_by_status_country_category_and_women_led() {
        CohortSummary summary = CohortSummary.of(COHORT, null, ROWS);

        assertThat(summary.total()).isEqualTo(5);
        assertThat(summary.byStatus()).containsExactly(entry("ACTIVE", 3), entry("GRADUATED", 1), entry("DROPPED", 1));
        assertThat(summary.byCountry()).containsExactly(entry("ML", 2), entry("BF", 2), entry("NE", 1));
        assertThat(summary.byCategory()).containsExactly(entry("START_UP_CHALLENGE", 3), entry("PROJECT_CONTEST", 2));
        assertThat(summary.byWomenLed()).containsExactly(entry("womenLed", 2), entry("other", 3));
        // capacity 4, four not dropped
        assertThat(summary.capacity()).isEqualTo(4);
        assertThat(summary.seatsTaken()).isEqualTo(4);
    }

    @Test
    void averages_the_progress_of_those_not_dropped_to_one_decimal() {
        // (33 + 66 + 100 + 0) / 4 = 49.75 → 49.8; the dropped one's 0 is not counted
        assertThat(CohortSummary.of(COHORT, null, ROWS).averageProgressPercent()).isEqualByComparingTo(new BigDecimal("49.8"));
    }

    @Test
    void at_risk_counts_only_active_incubatees() {
        // the graduated and the dropped ones still carry an old flag
        assertThat(CohortSummary.of(COHORT, null, ROWS).atRisk()).isEqualTo(1);
    }

    @Test
    void a_country_part_shows_only_that_country_and_no_cohort_wide_figures() {
        List<Row> mali = ROWS.stream().filter(row -> row.country().equals("ML")).toList();
        CohortSummary summary = CohortSummary.of(COHORT, "ML", mali);

        assertThat(summary.country()).isEqualTo("ML");
        assertThat(summary.byCountry()).containsExactly(entry("ML", 2));
        assertThat(summary.total()).isEqualTo(2);
        // (33 + 66) / 2 = 49.5
        assertThat(summary.averageProgressPercent()).isEqualByComparingTo(new BigDecimal("49.5"));
        assertThat(summary.capacity()).isNull();
        assertThat(summary.seatsTaken()).isNull();
    }

    @Test
    void an_empty_cohort_has_zeros_in_every_known_key_and_no_average() {
        CohortSummary summary = CohortSummary.of(COHORT, null, List.of());

        assertThat(summary.total()).isZero();
        assertThat(summary.byCountry()).containsExactly(entry("ML", 0), entry("BF", 0), entry("NE", 0));
        assertThat(summary.byStatus().values()).containsOnly(0);
        assertThat(summary.averageProgressPercent()).isNull();
    }
}
