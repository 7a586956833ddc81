package ml.sdn.registration.attendance;

import ml.sdn.registration.participants.SearchKey;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file of walk-ins as spreadsheets save it (plain Java): UTF-8 (with or without the byte order mark Excel
 * writes), cells separated by {@code ;} (French spreadsheets) or {@code ,}, whichever the first line uses more,
 * quoted cells with {@code ""} for a quote. The columns are name, category, country, organisation, phone,
 * e-mail — in that order, or in any order under a first line naming them (French or English). Each row keeps
 * the number of the file's line it starts on, for the report.
 */
final class WalkInCsv {

    static final int MAX_ROWS = 2000;
    static final List<String> COLUMNS = List.of("name", "category", "country", "organization", "phone", "email");
    /** Header words, by their search key. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("nom", "name"), Map.entry("nom complet", "name"),
            Map.entry("full name", "name"), Map.entry("nom et prenom", "name"), Map.entry("prenom et nom", "name"),
            Map.entry("category", "category"), Map.entry("categorie", "category"),
            Map.entry("country", "country"), Map.entry("pays", "country"),
            Map.entry("organization", "organization"), Map.entry("organisation", "organization"),
            Map.entry("structure", "organization"),
            Map.entry("phone", "phone"), Map.entry("telephone", "phone"), Map.entry("tel", "phone"),
            Map.entry("email", "email"), Map.entry("e mail", "email"), Map.entry("courriel", "email"),
            Map.entry("mail", "email"), Map.entry("adresse e mail", "email"));

    private WalkInCsv() {
    }

    /** One person's line: the file's line number and the cells by column name (a missing cell is absent). */
    record Row(int line, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }
    }

    /** The file cannot be read as a whole; the message key says why. */
    static final class Unreadable extends RuntimeException {
        private final String messageKey;
        private final transient Object[] arguments;

        Unreadable(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments;
        }
    }

    static List<Row> rows(byte[] file) {
        String text = utf8(file);
        List<Record> records = records(text, separator(text));
        if (records.isEmpty()) {
            throw new Unreadable("attendance.walk-in.file.empty");
        }
        List<String> columns = COLUMNS;
        int first = 0;
        List<String> header = headerOf(records.get(0).cells());
        if (header != null) {
            columns = header;
            first = 1;
        }
        if (records.size() - first > MAX_ROWS) {
            throw new Unreadable("attendance.walk-in.file.too-many", MAX_ROWS);
        }
        if (records.size() == first) {
            throw new Unreadable("attendance.walk-in.file.empty");
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(first, records.size())) {
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < Math.min(columns.size(), record.cells().size()); i++) {
                if (columns.get(i) != null) {
                    cells.put(columns.get(i), record.cells().get(i));
                }
            }
            rows.add(new Row(record.line(), cells));
        }
        return rows;
    }

    private static String utf8(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Unreadable("attendance.walk-in.file.encoding");
        }
    }

    /** The separator the first line uses more: {@code ;} or {@code ,} ({@code ;} when it uses neither). */
    static char separator(String text) {
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long commas = firstLine.chars().filter(c -> c == ',').count();
        return commas > semicolons ? ',' : ';';
    }

    /** The columns a first line names, or null when it is not a header (fewer than two known column names). */
    private static List<String> headerOf(List<String> cells) {
        List<String> columns = new ArrayList<>();
        int known = 0;
        for (String cell : cells) {
            String column = HEADERS.get(SearchKey.of(cell.replace('-', ' ').replace('_', ' ').replace('.', ' ')));
            columns.add(column);
            if (column != null) {
                known++;
            }
        }
        return known >= 2 ? columns : null;
    }

    private record Record(int line, List<String> cells) {
    }

    /** The file's records, blank ones left out; a quoted cell may hold the separator, quotes and line breaks. */
    private static List<Record> records(String text, char separator) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                add(records, start, cells);
                cells = new ArrayList<>();
                line++;
                start = line;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        add(records, start, cells);
        return records;
    }

    private static void add(List<Record> records, int line, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            records.add(new Record(line, List.copyOf(cells)));
        }
    }
}
