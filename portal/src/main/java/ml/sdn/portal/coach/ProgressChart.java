package ml.sdn.portal.coach;

import java.util.List;

/**
 * A horizontal bar chart of progress drawn as inline SVG by the template: one row per incubatee, the bar's
 * length its percentage of validated milestones. Plain geometry, so the page needs no script.
 */
record ProgressChart(int width, int height, List<Row> rows) {

    static final int ROW = 28;
    static final int LABEL = 140;
    static final int BAR = 150;

    /** One row: where it sits, its label, the bar's length and the percentage written after it. */
    record Row(int y, String label, int barWidth, int percent) {

        public int textY() {
            return y + 15;
        }
    }

    record Item(String label, int percent) {
    }

    static ProgressChart of(List<Item> items) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int percent = Math.max(0, Math.min(100, items.get(i).percent()));
            rows.add(new Row(i * ROW + 4, shortened(items.get(i).label()), Math.round(BAR * percent / 100f), percent));
        }
        return new ProgressChart(LABEL + BAR + 50, items.size() * ROW + 8, rows);
    }

    public int barX() {
        return LABEL;
    }

    public int barMax() {
        return BAR;
    }

    public int percentX(Row row) {
        return LABEL + row.barWidth() + 6;
    }

    /** Labels fit their column: long titles are cut with an ellipsis (the table below gives them whole). */
    static String shortened(String label) {
        if (label == null) {
            return "";
        }
        return label.length() <= 20 ? label : label.substring(0, 19).strip() + "…";
    }
}
