package ml.sdn.platform.csv;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * An export as the download a controller returns, in the format its path asks for ({@code ….csv} or
 * {@code ….xlsx}, mapped as {@code ….{format:csv|xlsx}}): the same rows either way, never cached.
 */
public final class SpreadsheetDownload {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX = MediaType.parseMediaType(SpreadsheetXlsx.CONTENT_TYPE);
    /** The path pattern's format variable: {@code "/ranking." + FORMAT}. */
    public static final String FORMAT = "{format:csv|xlsx}";

    private SpreadsheetDownload() {
    }

    /**
     * @param format   {@code csv} or {@code xlsx} (the path's extension)
     * @param fileName the file's name without extension, made of server-made parts only (it reaches a header)
     */
    public static ResponseEntity<byte[]> of(SpreadsheetCsv sheet, String format, String fileName) {
        boolean xlsx = "xlsx".equals(format);
        return ResponseEntity.ok().contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName + (xlsx ? ".xlsx" : ".csv"), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(xlsx ? SpreadsheetXlsx.bytes(sheet, fileName) : sheet.bytes());
    }
}
