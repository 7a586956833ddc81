package ml.sdn.platform.csv;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rows of a {@link SpreadsheetCsv} as an XLSX workbook of one sheet (fastexcel's streaming writer, decision
 * 0006): the same lines, the first one naming the edition and when the file was made; a {@link SpreadsheetCsv.Figure}
 * is a number (with its decimals shown), anything else a text cell, exactly as in the CSV file. A text cell is
 * never a formula in XLSX; the {@code '} that guards one starting with a formula sign stays all the same, so that
 * the file saved again as CSV is still safe, and both files read alike.
 */
public final class SpreadsheetXlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Excel refuses longer sheet names and these characters in them. */
    private static final int SHEET_NAME_MAX = 31;

    private SpreadsheetXlsx() {
    }

    public static byte[] bytes(SpreadsheetCsv sheet, String sheetName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Semaine du Numérique", null);
            Worksheet worksheet = workbook.newWorksheet(sheetName(sheetName));
            List<List<Object>> rows = sheet.rows();
            for (int r = 0; r < rows.size(); r++) {
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object cell = cells.get(c);
                    if (cell instanceof SpreadsheetCsv.Figure figure) {
                        worksheet.value(r, c, figure.value());
                        if (figure.value().scale() > 0) {
                            worksheet.style(r, c).format("0." + "0".repeat(figure.value().scale())).set();
                        }
                    } else if (!cell.toString().isEmpty()) {
                        worksheet.value(r, c, cell.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sheetName(String name) {
        String cleaned = name == null || name.isBlank() ? "Export" : name.replaceAll("[\\[\\]:*?/\\\\']", "-");
        return cleaned.length() > SHEET_NAME_MAX ? cleaned.substring(0, SHEET_NAME_MAX) : cleaned;
    }
}
