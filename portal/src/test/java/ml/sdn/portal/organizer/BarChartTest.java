package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @Test
    void bars_are_in_proportion_to_the_largest_count_one_row_each() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ML", 10L);
        counts.put("BF", 5L);
        counts.put("NE", 0L);

        BarChart chart = BarChart.of("participants-country", "organizer.stats.country.", counts);

        assertThat(chart.bars()).extracting(BarChart.Bar::key).containsExactly("ML", "BF", "NE");
        assertThat(chart.bars()).extracting(BarChart.Bar::length).containsExactly(BarChart.BAR_SPACE, BarChart.BAR_SPACE / 2, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(0, BarChart.ROW, 2 * BarChart.ROW);
        assertThat(chart.total()).isEqualTo(15);
        assertThat(chart.height()).isEqualTo(3 * BarChart.ROW);
        assertThat(chart.bars().get(0).countX()).isEqualTo(BarChart.LABEL_WIDTH + BarChart.BAR_SPACE + 6);
    }

    @Test
    void a_small_count_still_shows_and_no_data_draws_nothing() {
        BarChart chart = BarChart.of("x", "p.", Map.of("A", 1000L));
        assertThat(BarChart.of("x", "p.", new LinkedHashMap<>(Map.of("A", 1000L, "B", 1L))).bars())
                .filteredOn(bar -> bar.key().equals("B")).extracting(BarChart.Bar::length).containsExactly(2);
        assertThat(chart.bars()).hasSize(1);
        assertThat(BarChart.of("x", "p.", null).bars()).isEmpty();
        assertThat(BarChart.of("x", "p.", Map.of()).height()).isEqualTo(BarChart.ROW);
    }

    @Test
    void statistics_read_registration_figures_into_six_charts_with_women_led_against_the_others() {
        Statistics stats = Statistics.of(Map.of("scope", "BF",
                "participants", Map.of("total", 7, "byCountry", Map.of("BF", 7), "byGender", Map.of("FEMALE", 3, "MALE", 4)),
                "organizations", Map.of("total", 5, "byCountry", Map.of("BF", 5), "byType", Map.of("START_UP", 5),
                        "bySector", Map.of("HEALTH", 2), "womenLed", 2)));

        assertThat(stats.scope()).isEqualTo("BF");
        assertThat(stats.participants()).isEqualTo(7);
        assertThat(stats.charts()).extracting(BarChart::id).containsExactly("participants-country", "participants-gender",
                "organizations-country", "organizations-type", "organizations-sector", "organizations-women-led");
        assertThat(stats.charts().get(5).bars()).extracting(BarChart.Bar::count).containsExactly(2L, 3L);
    }
}
