package ml.sdn.portal.organizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart drawn by the server as inline SVG (no script): one bar per key, its length in
 * proportion to the largest count. {@code labels} is the message-key prefix of the keys' names
 * ({@code organizer.stats.gender.} + FEMALE); the page shows the same figures in a table.
 */
public record BarChart(String id, String labels, List<Bar> bars, long total) {

    /** Left column for the names, then the bars. */
    public static final int LABEL_WIDTH = 130;
    public static final int BAR_SPACE = 150;
    public static final int ROW = 26;
    public static final int WIDTH = LABEL_WIDTH + BAR_SPACE + 50;

    public record Bar(String key, long count, int length, int y) {

        /** Where the bar's count is written: just after the bar. */
        public int countX() {
            return LABEL_WIDTH + length + 6;
        }

        /** Baseline of the row's texts. */
        public int textY() {
            return y + 14;
        }
    }

    public static BarChart of(String id, String labels, Map<String, ? extends Number> counts) {
        List<Bar> bars = new ArrayList<>();
        if (counts == null) {
            return new BarChart(id, labels, bars, 0);
        }
        long max = counts.values().stream().mapToLong(Number::longValue).max().orElse(0);
        long total = 0;
        int row = 0;
        for (Map.Entry<String, ? extends Number> entry : counts.entrySet()) {
            long count = entry.getValue() == null ? 0 : entry.getValue().longValue();
            total += count;
            // a non-zero count always shows at least a sliver
            int length = max == 0 ? 0 : (int) Math.max(count > 0 ? 2 : 0, Math.round((double) BAR_SPACE * count / max));
            bars.add(new Bar(entry.getKey(), count, length, row * ROW));
            row++;
        }
        return new BarChart(id, labels, bars, total);
    }

    public int height() {
        return Math.max(ROW, bars.size() * ROW);
    }

    public int barX() {
        return LABEL_WIDTH;
    }

    public int width() {
        return WIDTH;
    }
}
