package ml.sdn.competition.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The spreadsheet files' common format (the ranking, the applications list): UTF-8 with a byte-order mark so
 * that Excel reads accents, ';' separators and CRLF line ends as French-locale spreadsheets expect, quoting
 * where a cell needs it, and text cells guarded against formula evaluation. Plain Java.
 */
public final class CsvCells {

    private static final char SEPARATOR = ';';
    private static final String LINE_END = "\r\n";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvCells() {
    }

    /** The file's bytes: the byte-order mark, then the text in UTF-8. */
    public static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Appends one line of cells, each quoted where needed. */
    public static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(SEPARATOR);
            }
            csv.append(quoted(cells.get(i)));
        }
        csv.append(LINE_END);
    }

    /** Guards a text cell against formula evaluation. */
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

    public static String quoted(String cell) {
        boolean quote = cell.indexOf(SEPARATOR) >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
