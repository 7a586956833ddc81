package ml.sdn.platform.csv;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The platform's one way of writing a CSV file that French spreadsheets open correctly (decision 0006):
 * UTF-8 with a byte-order mark (so Excel does not read accents as Windows-1252), {@code ;} separators, CRLF
 * line ends; a cell holding {@code ;}, {@code "}, CR or LF is quoted, its quotes doubled; a text cell
 * starting with {@code = + - @}, tab or CR gets a leading {@code '}, so that a spreadsheet shows a name such
 * as {@code =HYPERLINK(…)} as text instead of evaluating it. Plain Java.
 *
 * <p>It keeps its rows, so that {@link SpreadsheetXlsx} can write the same file as XLSX: a {@link Figure} cell
 * is a number there, any other cell text. Every export's first line names what it holds (its edition, …) and
 * when it was made: {@link #titled} and {@link #madeOn}.
 */
public final class SpreadsheetCsv {

    public static final char SEPARATOR = ';';
    public static final String LINE_END = "\r\n";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The time zone of the week: files say when they were made in Bamako time. */
    public static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private final StringBuilder text = new StringBuilder();
    private final List<List<Object>> rows = new ArrayList<>();

    /**
     * A number cell: {@code shown} is how the CSV file writes it (the export's own format, e.g. a decimal comma),
     * {@code value} what XLSX stores.
     */
    public record Figure(String shown, BigDecimal value) {
    }

    /** A whole number, written as it is. */
    public static Figure figure(long value) {
        return new Figure(Long.toString(value), BigDecimal.valueOf(value));
    }

    /**
     * A number shown as {@code shown} in the CSV file, with as many decimals in XLSX as {@code value}'s scale;
     * an empty cell when {@code value} is null.
     */
    public static Object figure(String shown, BigDecimal value) {
        return value == null ? "" : new Figure(shown, value);
    }

    /** A file whose first line is {@code title}: what the file holds and when it was made ({@link #madeOn}). */
    public static SpreadsheetCsv titled(String title) {
        return new SpreadsheetCsv().textRow(List.of(title));
    }

    /** When a file was made, as people read it, in Bamako time: {@code 7 décembre 2026, 10:20}. */
    public static String madeOn(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).format(instant.atZone(BAMAKO));
    }

    /**
     * Adds a row of cells already made safe: strings ({@link #text} for people's text, words and numbers as
     * they are) or {@link Figure}s; null is an empty cell.
     */
    public SpreadsheetCsv row(List<?> cells) {
        List<Object> kept = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            Object cell = cells.get(i) == null ? "" : cells.get(i);
            kept.add(cell);
            text.append(quoted(cell instanceof Figure figure ? figure.shown() : cell.toString()));
        }
        text.append(LINE_END);
        rows.add(Collections.unmodifiableList(kept));
        return this;
    }

    /** The rows as added: each cell a string or a {@link Figure}. */
    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Adds a row of text cells, each guarded against formula evaluation. */
    public SpreadsheetCsv textRow(List<String> cells) {
        return row(cells.stream().map(SpreadsheetCsv::text).toList());
    }

    /** The file's text, without the byte-order mark. */
    public String text() {
        return text.toString();
    }

    /** The file's bytes: the byte-order mark, then the text in UTF-8. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Guards a text cell against formula evaluation; empty for null. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** The cell as written between separators: quoted when it holds a separator, a quote or a line break. */
    public static String quoted(String cell) {
        boolean quote = cell.indexOf(SEPARATOR) >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
