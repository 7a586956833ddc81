package ml.sdn.portal.programme;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organizer's session form, as the browser posts it: a day of the week, start and end times, and four
 * speaker rows ({@code speakers[0].name}…); what the portal cannot even read (a time that is not one) is
 * named here, and the rest is left to registration-service, so that every fault shows at once.
 */
public class SessionForm {

    static final int SPEAKER_ROWS = 4;

    private String titleFr;
    private String titleEn;
    private String kind;
    private String room;
    private String day;
    private String start;
    private String end;
    private String capacity;
    private List<SpeakerLine> speakers = new ArrayList<>();

    public static class SpeakerLine {
        private String name;
        private String organization;

        public SpeakerLine() {
        }

        SpeakerLine(String name, String organization) {
            this.name = name;
            this.organization = organization;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getOrganization() { return organization; }
        public void setOrganization(String organization) { this.organization = organization; }
    }

    /** An empty form with its speaker rows. */
    static SessionForm blank() {
        SessionForm form = new SessionForm();
        form.padSpeakers();
        return form;
    }

    static SessionForm of(ProgrammeSessions.Session session) {
        SessionForm form = new SessionForm();
        form.titleFr = session.titleFr();
        form.titleEn = session.titleEn();
        form.kind = session.kind();
        form.room = session.room();
        form.day = session.startsAt().toLocalDate().toString();
        form.start = session.startsAt().toLocalTime().toString();
        form.end = session.endsAt().toLocalTime().toString();
        form.capacity = session.capacity() == null ? "" : session.capacity().toString();
        if (session.speakers() != null) {
            session.speakers().forEach(s -> form.speakers.add(new SpeakerLine(s.name(), s.organization())));
        }
        form.padSpeakers();
        return form;
    }

    void padSpeakers() {
        while (speakers.size() < SPEAKER_ROWS) {
            speakers.add(new SpeakerLine());
        }
    }

    /** What the service is sent, and the faults the portal found itself (field → bundle key). */
    record Request(Map<String, Object> body, Map<String, String> portalFaults) {
    }

    Request request() {
        Map<String, String> faults = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("titleFr", titleFr);
        body.put("titleEn", titleEn);
        body.put("kind", kind);
        body.put("room", room);
        LocalDate date = parseDay(day);
        LocalTime from = parseTime(start);
        LocalTime to = parseTime(end);
        if (date == null) {
            faults.put("startsAt", "programme.form.day.invalid");
        } else if (from == null) {
            faults.put("startsAt", "programme.form.time.invalid");
        }
        if (to == null) {
            faults.put("endsAt", "programme.form.time.invalid");
        }
        body.put("startsAt", date == null || from == null ? null : date.atTime(from).toString());
        body.put("endsAt", date == null || to == null ? null : date.atTime(to).toString());
        List<Map<String, String>> lines = new ArrayList<>();
        for (SpeakerLine line : speakers) {
            if (line != null && ((line.name != null && !line.name.isBlank())
                    || (line.organization != null && !line.organization.isBlank()))) {
                Map<String, String> speaker = new LinkedHashMap<>();
                speaker.put("name", line.name);
                speaker.put("organization", line.organization);
                lines.add(speaker);
            }
        }
        body.put("speakers", lines);
        if (capacity == null || capacity.isBlank()) {
            body.put("capacity", null);
        } else {
            try {
                body.put("capacity", Integer.parseInt(capacity.strip()));
            } catch (NumberFormatException notANumber) {
                faults.put("capacity", "programme.form.capacity.invalid");
                body.put("capacity", 0); // refused by the service too: never saved as "open to all"
            }
        }
        return new Request(body, faults);
    }

    private static LocalDate parseDay(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** How people write a time here: « 10:30 », « 9h30 », « 9 h 30 », « 14h », « 14.30 ». */
    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("(\\d{1,2})\\s*(?:[:hH.]\\s*(\\d{2})?)?");

    private static LocalTime parseTime(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher time = TIME.matcher(text.strip());
        if (!time.matches()) {
            return null;
        }
        int hour = Integer.parseInt(time.group(1));
        int minute = time.group(2) == null ? 0 : Integer.parseInt(time.group(2));
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String titleFr) { this.titleFr = titleFr; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public String getStart() { return start; }
    public void setStart(String start) { this.start = start; }
    public String getEnd() { return end; }
    public void setEnd(String end) { this.end = end; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String capacity) { this.capacity = capacity; }
    public List<SpeakerLine> getSpeakers() { return speakers; }
    public void setSpeakers(List<SpeakerLine> speakers) { this.speakers = speakers; }
}
