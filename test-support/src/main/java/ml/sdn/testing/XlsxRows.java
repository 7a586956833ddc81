package ml.sdn.testing;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An export's XLSX file read back, first sheet: each row's cells as read, a number as its {@link BigDecimal}
 * without trailing zeros ({@code 7}, {@code 7.25}, {@code 100}), text as a {@link String}, an empty cell as {@code ""}.
 */
public final class XlsxRows {

    private XlsxRows() {
    }

    public static List<List<Object>> read(byte[] xlsx) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null || cell.getType() == CellType.EMPTY) {
                        cells.add("");
                    } else if (cell.getType() == CellType.NUMBER) {
                        BigDecimal number = cell.asNumber().stripTrailingZeros();
                        cells.add(number.scale() < 0 ? number.setScale(0) : number);
                    } else {
                        cells.add(cell.getText());
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number format a cell shows, e.g. {@code 0.00}; null for a text or empty cell. */
    public static String format(byte[] xlsx, int row, int column) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read().stream().filter(r -> r.getRowNum() == row + 1).findFirst()
                    .flatMap(r -> r.getOptionalCell(column)).map(Cell::getDataFormatString).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
