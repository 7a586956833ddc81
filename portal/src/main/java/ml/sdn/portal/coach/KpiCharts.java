package ml.sdn.portal.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The incubatee's monthly indicators as small SVG bar charts (one per numeric indicator: jobs created,
 * customers), with the figures as a table for screen readers. A month not reported has no bar.
 */
record KpiCharts(List<String> months, List<Chart> charts) {

    static final List<String> NUMERIC = List.of("jobsCreated", "customers");
    static final int HEIGHT = 80;
    static final int SLOT = 36;

    record Bar(int x, int y, int height, String month, Long value) {
    }

    record Chart(String indicator, int width, int height, List<Bar> bars, List<Long> values) {
    }

    static KpiCharts of(Coaching.KpiSeries series) {
        if (series == null || series.months() == null || series.months().isEmpty() || series.series() == null) {
            return new KpiCharts(List.of(), List.of());
        }
        List<Chart> charts = new ArrayList<>();
        for (String indicator : NUMERIC) {
            List<Long> values = values(series.series(), indicator, series.months().size());
            long max = values.stream().filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Long value = values.get(i);
                int height = value == null || max == 0 ? 0 : (int) Math.round(HEIGHT * (double) value / max);
                bars.add(new Bar(i * SLOT + 4, HEIGHT - height + 4, height, series.months().get(i), value));
            }
            charts.add(new Chart(indicator, values.size() * SLOT + 8, HEIGHT + 24, bars, values));
        }
        return new KpiCharts(series.months(), charts);
    }

    public boolean isEmpty() {
        return months.isEmpty();
    }

    private static List<Long> values(Map<String, List<Object>> series, String indicator, int size) {
        List<Object> raw = series.getOrDefault(indicator, List.of());
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Object value = i < raw.size() ? raw.get(i) : null;
            values.add(value instanceof Number number ? number.longValue() : null);
        }
        return values;
    }
}
