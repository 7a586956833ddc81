package ml.sdn.platform.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The platform's one way of writing a CSV file that French spreadsheets open correctly (decision 0006):
 * UTF-8 with a byte-order mark (so Excel does not read accents as Windows-1252), {@code ;} separators, CRLF
 * line ends; a cell holding {@code ;}, {@code "}, CR or LF is quoted, its quotes doubled; a text cell
 * starting with {@code = + - @}, tab or CR gets a leading {@code '}, so that a spreadsheet shows a name such
 * as {@code =HYPERLINK(…)} as text instead of evaluating it. Plain Java.
 */
public final class SpreadsheetCsv {

    public static final char SEPARATOR = ';';
    public static final String LINE_END = "\r\n";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder text = new StringBuilder();

    /** Adds a row of cells already made safe ({@link #text} for people's text, numbers as they are). */
    public SpreadsheetCsv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            text.append(quoted(cells.get(i) == null ? "" : cells.get(i)));
        }
        text.append(LINE_END);
        return this;
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
