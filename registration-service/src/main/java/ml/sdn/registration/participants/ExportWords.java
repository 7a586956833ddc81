package ml.sdn.registration.participants;

import ml.sdn.platform.csv.SpreadsheetCsv;
import org.springframework.context.MessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of the directory's CSV files in the reader's language (registration's bundles): countries,
 * organisation types and sectors by name, dates as words in Bamako time, and the first line, which names
 * the edition and when the file was made, like competition's applications file. This service keeps no
 * editions: the edition's name is the caller's ({@code edition}, the portal passes the current one's).
 */
public record ExportWords(MessageSource messages, Locale locale) {

    public static final ZoneId BAMAKO = SpreadsheetCsv.BAMAKO;
    /** More than any edition registers: the file is never cut short in practice, and never unbounded. */
    public static final int MAX_ROWS = 20_000;

    public String word(String key) {
        return messages.getMessage(key, null, "", locale);
    }

    public List<String> headers(String file) {
        return Arrays.asList(word("directory.export." + file + ".headers").split(";"));
    }

    public String madeAt(String edition, Instant now) {
        String when = SpreadsheetCsv.madeOn(now, locale);
        return edition == null || edition.isBlank()
                ? messages.getMessage("directory.export.madeAtNoEdition", new Object[]{when}, locale)
                : messages.getMessage("directory.export.madeAt", new Object[]{edition.strip(), when}, locale);
    }

    public String country(String code) {
        return code == null ? "" : word("directory.country." + code);
    }

    public String type(String code) {
        return code == null ? "" : word("organization.type." + code);
    }

    public String sector(String code) {
        return code == null ? "" : word("organization.sector." + code);
    }

    public String yesNo(boolean value) {
        return word(value ? "directory.export.yes" : "directory.export.no");
    }

    public String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(instant.atZone(BAMAKO));
    }

    public String day(String isoDay) {
        return isoDay == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(LocalDate.parse(isoDay));
    }

    /** Without extension: {@link ml.sdn.platform.csv.SpreadsheetDownload} adds the format's. */
    public String fileName(String file, Instant now) {
        return word("directory.export." + file + ".file") + "-" + now.atZone(BAMAKO).toLocalDate();
    }
}
