package ml.sdn.portal.incubation;

import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new-cohort form as typed (strings, so a wrong entry comes back as it was): the edition, name, dates,
 * capacity and up to {@link #ROWS} milestone rows (a title and a number of days after the start; a row left
 * empty is not a milestone). Without JavaScript the page cannot add rows, so it always shows them all.
 * The organizer never types a milestone's code: it is made from the title.
 */
public record CohortForm(String editionId, String name, String startDate, String endDate, String capacity,
                         List<Row> rows) {

    static final int ROWS = 8;

    private static final Pattern MILESTONE_FIELD = Pattern.compile("milestones\\[(\\d+)]\\.(\\w+)");

    /** One milestone row: its title and how many days after the cohort's start it falls due. */
    public record Row(String title, String days) {

        boolean blank() {
            return title.isBlank() && days.isBlank();
        }
    }

    /** An empty form, the edition chosen in advance (the current one) and a usual template to adapt. */
    static CohortForm blank(String editionId, List<Row> suggested) {
        List<Row> rows = new ArrayList<>(suggested);
        while (rows.size() < ROWS) {
            rows.add(new Row("", ""));
        }
        return new CohortForm(editionId == null ? "" : editionId, "", "", "", "", List.copyOf(rows));
    }

    /** The form as posted: each row's fields are {@code milestoneTitle} and {@code milestoneDays}, repeated in order. */
    static CohortForm of(MultiValueMap<String, String> posted) {
        List<String> titles = posted.getOrDefault("milestoneTitle", List.of());
        List<String> days = posted.getOrDefault("milestoneDays", List.of());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(ROWS, Math.max(titles.size(), days.size())); i++) {
            rows.add(new Row(at(titles, i), at(days, i)));
        }
        while (rows.size() < ROWS) {
            rows.add(new Row("", ""));
        }
        return new CohortForm(first(posted, "editionId"), first(posted, "name"), first(posted, "startDate"),
                first(posted, "endDate"), first(posted, "capacity"), List.copyOf(rows));
    }

    /** The rows sent as milestones, in order (their index in the request → their row on the page). */
    List<Integer> sentRows() {
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).blank()) {
                sent.add(i);
            }
        }
        return sent;
    }

    /** incubation-service's {@code CohortRequest}; what the portal cannot read goes as null (the service says it is missing). */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("editionId", editionId.strip());
        body.put("name", name.strip());
        body.put("startDate", date(startDate) == null ? null : date(startDate).toString());
        body.put("endDate", date(endDate) == null ? null : date(endDate).toString());
        body.put("capacity", number(capacity));
        List<Map<String, Object>> milestones = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int row : sentRows()) {
            Row milestone = rows.get(row);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", uniqueCode(milestone.title(), row, codes));
            item.put("title", milestone.title().strip());
            item.put("dueOffsetDays", number(milestone.days()));
            milestones.add(item);
        }
        body.put("milestones", milestones);
        return body;
    }

    /**
     * What the portal finds wrong before asking: a date or number it cannot read, an end before the start, a
     * milestone after the end, with the dates in words. These replace the service's message for the same field
     * (the service would only see a blank there, or write the dates as codes).
     */
    Map<String, String> portalErrors(MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date(startDate);
        LocalDate end = date(endDate);
        unreadableDate(startDate, "startDate", messages, locale, errors);
        unreadableDate(endDate, "endDate", messages, locale, errors);
        if (!capacity.isBlank() && number(capacity) == null) {
            errors.put("capacity", messages.getMessage("incubation.form.capacity.number", null, locale));
        }
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("endDate", messages.getMessage("incubation.form.endDate.afterStart", new Object[]{words(start, locale)}, locale));
        }
        for (int row : sentRows()) {
            String days = rows.get(row).days();
            Integer offset = number(days);
            if (!days.isBlank() && offset == null) {
                errors.put("milestoneDays-" + row, messages.getMessage("incubation.form.days.number", null, locale));
            } else if (offset != null && offset >= 0 && start != null && end != null && end.isAfter(start)
                    && start.plusDays(offset).isAfter(end)) {
                errors.put("milestoneDays-" + row, messages.getMessage("incubation.form.days.afterEnd",
                        new Object[]{words(start.plusDays(offset), locale), words(end, locale)}, locale));
            }
        }
        return errors;
    }

    /**
     * The service's field names put next to the page's fields: {@code milestones[i].title} → {@code milestoneTitle-<row>},
     * {@code milestones[i].dueOffsetDays} → {@code milestoneDays-<row>}; a code (made from the title) goes next to the title.
     */
    Map<String, String> pageFields(Map<String, String> serviceErrors) {
        List<Integer> sent = sentRows();
        Map<String, String> fields = new LinkedHashMap<>();
        // a code's message only when its title has none (a blank title makes a blank code: say the title is missing)
        Map<String, String> codesLast = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            if (!field.endsWith(".code")) {
                codesLast.put(field, message);
            }
        });
        serviceErrors.forEach((field, message) -> {
            if (field.endsWith(".code")) {
                codesLast.put(field, message);
            }
        });
        codesLast.forEach((field, message) -> {
            Matcher milestone = MILESTONE_FIELD.matcher(field);
            if (milestone.matches() && Integer.parseInt(milestone.group(1)) < sent.size()) {
                int row = sent.get(Integer.parseInt(milestone.group(1)));
                String name = milestone.group(2).equals("dueOffsetDays") ? "milestoneDays-" + row : "milestoneTitle-" + row;
                fields.putIfAbsent(name, message);
            } else if (field.startsWith("milestones")) {
                fields.putIfAbsent("milestones", message);
            } else {
                fields.putIfAbsent(field, message);
            }
        });
        return fields;
    }

    /** "Plan d'affaires validé" → "plan-d-affaires-valide"; a second one with the same words gets "-2". */
    static String uniqueCode(String title, int row, Set<String> taken) {
        String code = Normalizer.normalize(title.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (code.length() > 36) {
            code = code.substring(0, 36).replaceAll("-+$", "");
        }
        if (code.isEmpty()) {
            code = title.isBlank() ? "" : "jalon-" + (row + 1);
        }
        String unique = code;
        for (int n = 2; !code.isEmpty() && !taken.add(unique); n++) {
            unique = code + "-" + n;
        }
        return unique;
    }

    private static void unreadableDate(String typed, String field, MessageSource messages, Locale locale, Map<String, String> errors) {
        if (!typed.isBlank() && date(typed) == null) {
            errors.put(field, messages.getMessage("incubation.form.date.unreadable", null, locale));
        }
    }

    /** A date as the browser's date field sends it (2027-01-15), or as a person types it (15/01/2027). */
    static LocalDate date(String typed) {
        String text = typed == null ? "" : typed.strip();
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisWay) {
                // the next way of writing it
            }
        }
        return null;
    }

    private static Integer number(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String words(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    private static String first(MultiValueMap<String, String> posted, String name) {
        String value = posted.getFirst(name);
        return value == null ? "" : value;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }
}
