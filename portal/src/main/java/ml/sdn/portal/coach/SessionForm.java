package ml.sdn.portal.coach;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session log form as the coach fills it: the day and time (Bamako), duration in minutes, mode, topics
 * one per line, notes the incubatee reads, private notes they never read, and agreed actions (rows of a
 * description and a due day). {@link #body()} is what {@code POST /incubatees/{id}/sessions} reads; the
 * service checks every rule and names the field at fault.
 */
public record SessionForm(String date, String time, String durationMinutes, String mode, String topics, String notes,
                          String privateNotes, List<String> actionDescription, List<String> actionDue) {

    /** Rows of agreed actions the form offers. */
    static final int ACTION_ROWS = 3;

    public SessionForm {
        actionDescription = padded(actionDescription);
        actionDue = padded(actionDue);
    }

    /** A blank form for a session held now, an hour long, at the centre; actions due in a week unless changed. */
    static SessionForm blank(LocalDateTime now) {
        LocalDateTime minute = now.truncatedTo(ChronoUnit.MINUTES);
        String inAWeek = minute.toLocalDate().plusWeeks(1).toString();
        return new SessionForm(minute.toLocalDate().toString(), minute.toLocalTime().toString(), "60", "AT_THE_CENTRE", "",
                "", "", List.of(), java.util.Collections.nCopies(ACTION_ROWS, inAWeek));
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldAt", isBlank(date) || isBlank(time) ? null : date.strip() + "T" + time.strip());
        body.put("durationMinutes", minutes(durationMinutes));
        body.put("mode", isBlank(mode) ? null : mode);
        body.put("topics", lines(topics));
        body.put("notes", blankToNull(notes));
        body.put("privateNotes", blankToNull(privateNotes));
        body.put("actions", actions());
        return body;
    }

    /**
     * The rows up to the last one with a description (a due day alone is the form's default, not an action),
     * so that the service's {@code actions[i]} is the form's row i.
     */
    List<Map<String, Object>> actions() {
        int last = -1;
        for (int i = 0; i < actionDescription.size(); i++) {
            if (!isBlank(actionDescription.get(i))) {
                last = i;
            }
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("description", actionDescription.get(i) == null ? "" : actionDescription.get(i).strip());
            action.put("dueDate", i < actionDue.size() ? blankToNull(actionDue.get(i)) : null);
            actions.add(action);
        }
        return actions;
    }

    /**
     * The service's field names as the form's: {@code topics[2]} → {@code topics}, a time error on the
     * date field ({@code heldAt}); every other name is kept ({@code actions[0].dueDate} is row 0's due day).
     */
    static Map<String, String> formFields(Map<String, String> serviceErrors) {
        Map<String, String> fields = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> fields.putIfAbsent(field.startsWith("topics[") ? "topics" : field, message));
        return fields;
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static Integer minutes(String typed) {
        try {
            return isBlank(typed) ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return -1; // the service says the allowed range next to the field
        }
    }

    private static List<String> padded(List<String> values) {
        List<String> rows = new ArrayList<>(values == null ? List.of() : values);
        while (rows.size() < ACTION_ROWS) {
            rows.add("");
        }
        return rows;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
