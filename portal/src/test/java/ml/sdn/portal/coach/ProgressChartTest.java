package ml.sdn.portal.coach;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressChartTest {

    @Test
    void one_row_per_incubatee_with_a_bar_as_long_as_its_progress() {
        ProgressChart chart = ProgressChart.of(List.of(new ProgressChart.Item("Sahel Compost", 50),
                new ProgressChart.Item("Une start-up au nom vraiment très long", 120)));

        assertThat(chart.rows()).hasSize(2);
        assertThat(chart.rows().get(0).barWidth()).isEqualTo(ProgressChart.BAR / 2);
        assertThat(chart.rows().get(1).percent()).as("never past the end").isEqualTo(100);
        assertThat(chart.rows().get(1).y()).isEqualTo(ProgressChart.ROW + 4);
        assertThat(chart.rows().get(1).label()).endsWith("…").hasSizeLessThanOrEqualTo(20);
        assertThat(chart.height()).isEqualTo(2 * ProgressChart.ROW + 8);
    }

    @Test
    void kpis_draw_no_bar_for_a_month_not_reported() {
        KpiCharts charts = KpiCharts.of(new Coaching.KpiSeries("i1", List.of("2026-10", "2026-11", "2026-12"),
                java.util.Map.of("jobsCreated", java.util.Arrays.asList(2, null, 4), "customers", List.of(10, 20, 40))));

        KpiCharts.Chart jobs = charts.charts().get(0);
        assertThat(jobs.bars()).extracting(KpiCharts.Bar::height).containsExactly(KpiCharts.HEIGHT / 2, 0, KpiCharts.HEIGHT);
        assertThat(jobs.values()).containsExactly(2L, null, 4L);
        assertThat(KpiCharts.of(null).isEmpty()).isTrue();
    }
}
