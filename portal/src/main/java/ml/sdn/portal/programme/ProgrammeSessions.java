package ml.sdn.portal.programme;

import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The programme as registration-service gives it, and as people read it: by day, then by room, every time
 * and kind in words of the page's language (« jeudi 29 janvier », « 10 h 00 », « atelier »), never a code or
 * an ISO date.
 */
final class ProgrammeSessions {

    /** A session as the service answers it (times in Bamako time). */
    record Session(String id, String titleFr, String titleEn, String kind, String room, LocalDate day,
                   LocalDateTime startsAt, LocalDateTime endsAt, List<Speaker> speakers, Integer capacity,
                   int confirmed, long waiting, Integer placesLeft) {
    }

    record Speaker(String name, String organization) {
    }

    /** A session of my agenda: CONFIRMED, or WAITING with {@code position} (1 = next). */
    record Mine(String sessionId, String status, Integer position, Session session) {
    }

    /** A session as a line of a page. {@code mine} is null when it is not in the reader's agenda. */
    record Line(Session session, String title, String kind, String day, String from, String to, String speakers,
                String places, Mine mine) {

        public boolean bookable() {
            return session.capacity() != null;
        }

        public boolean waiting() {
            return mine != null && "WAITING".equals(mine.status());
        }
    }

    record Room(String name, List<Line> lines) {
    }

    record Day(String label, List<Room> rooms) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter timeFormat;

    ProgrammeSessions(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.dayFormat = DateTimeFormatter.ofPattern(text("programme.format.day"), locale);
        this.timeFormat = DateTimeFormatter.ofPattern(text("programme.format.time"), locale);
    }

    /** The public programme: days in order, in each the rooms in the order of their first session, sessions by time. */
    List<Day> byDayAndRoom(List<Session> sessions, List<Mine> mine) {
        Map<String, Mine> mineById = mine.stream().collect(Collectors.toMap(Mine::sessionId, Function.identity(), (a, b) -> a));
        Map<LocalDate, Map<String, List<Line>>> days = new LinkedHashMap<>();
        sessions.stream().sorted(Comparator.comparing(Session::startsAt).thenComparing(Session::room)).forEach(session ->
                days.computeIfAbsent(session.day(), d -> new LinkedHashMap<>())
                        .computeIfAbsent(session.room(), r -> new ArrayList<>())
                        .add(line(session, mineById.get(session.id()))));
        return days.entrySet().stream().map(day -> new Day(dayFormat.format(day.getKey()),
                day.getValue().entrySet().stream().map(room -> new Room(room.getKey(), room.getValue())).toList())).toList();
    }

    /** My agenda, in time order. */
    List<Line> agenda(List<Mine> mine) {
        return mine.stream().filter(m -> m.session() != null)
                .sorted(Comparator.comparing((Mine m) -> m.session().startsAt()))
                .map(m -> line(m.session(), m)).toList();
    }

    Line line(Session session, Mine mine) {
        String title = "en".equals(locale.getLanguage()) ? session.titleEn() : session.titleFr();
        String speakers = session.speakers() == null ? "" : session.speakers().stream()
                .map(s -> s.organization() == null || s.organization().isBlank() ? s.name()
                        : text("programme.speaker", s.name(), s.organization()))
                .collect(Collectors.joining(", "));
        int left = session.placesLeft() == null ? 0 : session.placesLeft();
        String places = session.capacity() == null ? text("programme.places.open")
                : session.waiting() > 0 ? text("programme.places.waiting", session.waiting())
                : left == 0 ? text("programme.places.full") : text("programme.places.left", left, session.capacity());
        return new Line(session, title, kind(session.kind()), dayFormat.format(session.startsAt()),
                timeFormat.format(session.startsAt()), timeFormat.format(session.endsAt()), speakers, places, mine);
    }

    String kind(String code) {
        return code == null ? "" : messages.getMessage("programme.kind." + code, null, code, locale);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
