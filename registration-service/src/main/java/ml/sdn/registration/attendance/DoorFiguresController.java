package ml.sdn.registration.attendance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.csv.SpreadsheetDownload;
import ml.sdn.platform.security.Caller;
import ml.sdn.registration.participants.DirectoryScope;
import ml.sdn.registration.participants.ExportWords;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What organizers (and coordinators, for their delegation only) see of a day at the doors: the live figures
 * ({@link DoorFigures}) and the day's attendees as a CSV or XLSX file, its first line naming the edition the
 * caller names (this service keeps no editions) and the day. A coordinator's scope is their
 * {@code delegation} claim ({@link DirectoryScope}): nothing in the request can widen it.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/attendance/days/{date}")
@PreAuthorize("hasAnyRole('organizer', 'coordinator')")
class DoorFiguresController {

    private final MongoTemplate mongo;
    private final DayAttendees people;
    private final AttendanceClock clock;
    private final MessageSource messages;

    DoorFiguresController(MongoTemplate mongo, DayAttendees people, AttendanceClock clock, MessageSource messages) {
        this.mongo = mongo;
        this.people = people;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/door-figures")
    @Operation(summary = "The day's figures at the doors (organizer; coordinator: their delegation only)",
            description = "Confirmed registrations, checked in, not yet in; checked in per door and, per delegation and "
                    + "per attendee category, registered and checked in. Waiting and cancelled registrations are not counted.")
    DoorFigures figures(Caller caller, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        List<Attendance> confirmed = confirmed(caller, date);
        return DoorFigures.count(date, confirmed.stream()
                .map(a -> new DoorFigures.Entry(a.country(), a.checkedInAt() != null, a.checkedInDoor(),
                        a.categoryOrParticipant())).toList())
                .withConflicts(conflicts(date, confirmed));
    }

    /** The people in the caller's scope checked in at two doors that day, by name. */
    private List<DoorFigures.Conflict> conflicts(LocalDate date, List<Attendance> confirmed) {
        Map<String, Attendance> inside = confirmed.stream().filter(a -> a.checkedInAt() != null)
                .collect(Collectors.toMap(Attendance::id, a -> a));
        Map<String, List<DoorConflict>> seen = mongo.find(query(where("day").is(date.toString())), DoorConflict.class).stream()
                .filter(c -> inside.containsKey(c.attendanceId()))
                .collect(Collectors.groupingBy(DoorConflict::attendanceId));
        if (seen.isEmpty()) {
            return List.of();
        }
        Map<String, DayAttendees.Person> persons = people.describe(seen.keySet().stream()
                .map(id -> inside.get(id).participantId()).toList());
        return seen.entrySet().stream().map(e -> {
                    Attendance a = inside.get(e.getKey());
                    return new DoorFigures.Conflict(persons.getOrDefault(a.participantId(), DayAttendees.Person.UNKNOWN).name(),
                            a.country(), a.checkedInDoor(), a.checkedInAt(), e.getValue().stream()
                            .sorted(Comparator.comparing(DoorConflict::at))
                            .map(c -> new DoorFigures.Seen(c.door(), c.at())).toList());
                })
                .sorted(Comparator.comparing((DoorFigures.Conflict c) -> c.displayName() == null ? "\uFFFF" : c.displayName()))
                .toList();
    }

    @GetMapping("/attendees." + SpreadsheetDownload.FORMAT)
    @Operation(summary = "The day's confirmed attendees as CSV or XLSX (organizer; coordinator: their delegation only)",
            description = "One row per person holding a place that day: name, organisation, country, registered on, "
                    + "checked in at (Bamako time) and door; attendees.csv: UTF-8 with a byte-order mark, ';' separators; "
                    + "attendees.xlsx: the same rows; words "
                    + "(French, English with Accept-Language: en), formula-safe. The first line names the edition "
                    + "(`edition`, as the caller names it), the day and when the file was made. No e-mail, phone or "
                    + "gender: files travel.")
    ResponseEntity<byte[]> attendees(Caller caller, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     @PathVariable String format,
                                     @Parameter(description = "The edition's name for the first line, e.g. 3 (2026)")
                                     @RequestParam(required = false) @Size(max = 100, message = "{directory.export.edition.size}")
                                     String edition) {
        List<Attendance> confirmed = confirmed(caller, date);
        Map<String, DayAttendees.Person> persons = people.describe(confirmed.stream().map(Attendance::participantId).toList());
        ExportWords words = new ExportWords(messages, LocaleContextHolder.getLocale());
        Instant now = clock.now();

        // this service keeps no editions: the caller names it, as for the directory's files (the portal, the current one)
        String day = words.day(date.toString());
        String made = SpreadsheetCsv.madeOn(now, words.locale());
        String title = edition == null || edition.isBlank()
                ? messages.getMessage("attendance.export.madeAt", new Object[]{day, made}, words.locale())
                : messages.getMessage("attendance.export.madeAtEdition", new Object[]{edition.strip(), day, made}, words.locale());
        SpreadsheetCsv csv = SpreadsheetCsv.titled(title)
                .textRow(List.of(messages.getMessage("attendance.export.headers", null, words.locale()).split(";")));
        confirmed.stream()
                .map(a -> new Row(a, persons.getOrDefault(a.participantId(), DayAttendees.Person.UNKNOWN)))
                // an erased person has no name left: listed last, still counted
                .sorted(Comparator.comparing((Row r) -> r.person().name() == null ? "\uFFFF" : r.person().name().toLowerCase(words.locale()))
                        .thenComparing(r -> r.attendance().id()))
                .forEach(r -> csv.row(List.of(SpreadsheetCsv.text(r.person().name()), SpreadsheetCsv.text(r.person().organization()),
                        words.country(r.attendance().country()), words.date(r.attendance().registeredAt()),
                        r.attendance().checkedInAt() == null ? "" : SpreadsheetCsv.madeOn(r.attendance().checkedInAt(), words.locale()),
                        SpreadsheetCsv.text(r.attendance().checkedInDoor()))));
        String file = messages.getMessage("attendance.export.file", null, words.locale()) + "-" + date;
        return SpreadsheetDownload.of(csv, format, file);
    }

    private record Row(Attendance attendance, DayAttendees.Person person) {
    }

    /** The day's confirmed registrations the caller may see: all for an organizer, their delegation's for a coordinator. */
    private List<Attendance> confirmed(Caller caller, LocalDate date) {
        DirectoryScope scope = DirectoryScope.of(caller, null);
        if (scope.nobody()) {
            return List.of();
        }
        Criteria criteria = where("day").is(date.toString()).and("status").is(AttendanceStatus.CONFIRMED);
        if (scope.country() != null) {
            criteria = criteria.and("country").is(scope.country());
        }
        return mongo.find(query(criteria), Attendance.class);
    }
}
