package ml.sdn.incubation.kpis;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KpiSeriesTest {

    private static final Instant T = Instant.parse("2027-05-02T08:00:00Z");

    private static KpiReport report(String month, int jobs, int customers, RevenueBand band, long funding) {
        return new KpiReport("i:" + month, "i", "c", month, jobs, customers, band, funding, "p", T, T, 1);
    }

    @Test
    void one_value_per_month_sorted_with_gaps_as_null() {
        // given out of order, with March missing
        KpiSeries series = KpiSeries.of("i", List.of(
                report("2027-04", 3, 40, RevenueBand.FROM_1M_TO_10M_XOF, 5_000_000),
                report("2027-01", 1, 10, RevenueBand.NONE, 0),
                report("2027-02", 0, 12, RevenueBand.UNDER_1M_XOF, 0)));

        assertThat(series.months()).containsExactly("2027-01", "2027-02", "2027-03", "2027-04");
        assertThat(series.series().get("jobsCreated")).containsExactly(1, 0, null, 3);
        assertThat(series.series().get("customers")).containsExactly(10, 12, null, 40);
        assertThat(series.series().get("revenueBand")).containsExactly(RevenueBand.NONE, RevenueBand.UNDER_1M_XOF, null,
                RevenueBand.FROM_1M_TO_10M_XOF);
        assertThat(series.series().get("fundingRaisedXof")).containsExactly(0L, 0L, null, 5_000_000L);
        assertThat(series.updatedAt()).containsExactly(T, T, null, T);
    }

    @Test
    void crosses_the_year() {
        KpiSeries series = KpiSeries.of("i", List.of(report("2027-12", 1, 1, RevenueBand.NONE, 0),
                report("2028-01", 2, 2, RevenueBand.NONE, 0)));

        assertThat(series.months()).containsExactly("2027-12", "2028-01");
    }

    @Test
    void no_report_gives_empty_series_with_every_indicator() {
        KpiSeries series = KpiSeries.of("i", List.of());

        assertThat(series.months()).isEmpty();
        assertThat(series.series()).containsOnlyKeys(Arrays.asList("jobsCreated", "customers", "revenueBand", "fundingRaisedXof"));
        assertThat(series.series().values()).allMatch(List::isEmpty);
    }
}
