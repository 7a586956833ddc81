package ml.sdn.registration.attendance;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import ml.sdn.registration.participants.DirectoryScope;
import ml.sdn.registration.participants.SearchKey;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The badges an organizer prints for a day: every person holding a confirmed place that day (optionally
 * one delegation's, one category's), each badge as the person's own would print (all their confirmed days, not only this
 * one). A coordinator prints their delegation's only: naming another country is refused (403), not
 * silently narrowed, so that the page can say why.
 */
@Component
class BadgeBatch {

    private final MongoTemplate mongo;
    private final DayLedger ledger;
    private final DayAttendees people;

    BadgeBatch(MongoTemplate mongo, DayLedger ledger, DayAttendees people) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.people = people;
    }

    /** What to print: the layout, and one category only or (null) every one. */
    record Choice(BadgePdf.Layout layout, AttendeeCategory category) {
    }

    /** The request checked: every bad field at once (400), then who may print what (403), then the day (404). */
    static Choice checked(Caller caller, String country, String layout, String category) {
        FieldChecks checks = FieldChecks.none();
        AttendeeCategory only = category == null ? null : AttendeeCategory.named(category).orElse(null);
        if (category != null && only == null) {
            checks.reject("category", "attendance.category.invalid");
        }
        if (country != null && !DirectoryScope.AES_COUNTRIES.contains(country)) {
            checks.reject("country", "attendance.badges.country");
        }
        BadgePdf.Layout chosen = layout == null ? BadgePdf.Layout.SHEET : BadgePdf.Layout.named(layout).orElse(null);
        if (chosen == null) {
            checks.reject("layout", "attendance.badges.layout");
        }
        checks.throwIfAny();
        if (!caller.hasRole(DirectoryScope.ORGANIZER)) {
            String delegation = caller.coordinatedCountry();
            if (delegation == null || (country != null && !country.equals(delegation))) {
                throw new FieldRejectedException(Refusal.NOT_ALLOWED, "country", "attendance.badges.other-delegation");
            }
        }
        return new Choice(chosen, only);
    }

    /** The day's badge holders in the caller's scope, by name; none: 404 (an empty PDF would print blank sheets). */
    List<Attendances.BadgeHolder> holders(Caller caller, LocalDate day, String country, AttendeeCategory category) {
        ledger.find(day).orElseThrow(() -> new FieldRejectedException(Refusal.NOT_FOUND, "date",
                "attendance.day.not-found", day.toString()));
        DirectoryScope scope = DirectoryScope.of(caller, country);
        Criteria confirmedThatDay = where("day").is(day.toString()).and("status").is(AttendanceStatus.CONFIRMED);
        if (scope.country() != null) {
            confirmedThatDay = confirmedThatDay.and("country").is(scope.country());
        }
        List<Attendance> thatDay = scope.nobody() ? List.of() : mongo.find(query(confirmedThatDay), Attendance.class).stream()
                // filtered here, not in the query: an attendance without a category is a participant's
                .filter(a -> category == null || a.categoryOrParticipant() == category).toList();
        List<String> ids = thatDay.stream().map(Attendance::participantId).toList();
        Map<String, List<LocalDate>> days = mongo.find(query(where("participantId").in(ids)
                        .and("status").is(AttendanceStatus.CONFIRMED)), Attendance.class).stream()
                .collect(Collectors.groupingBy(Attendance::participantId,
                        Collectors.mapping(a -> LocalDate.parse(a.day()), Collectors.toList())));
        Map<String, DayAttendees.Person> persons = people.describe(ids);
        List<Attendances.BadgeHolder> holders = thatDay.stream()
                // an erased person has no name left: nothing to print
                .filter(a -> persons.containsKey(a.participantId()) && a.badgeCode() != null)
                .map(a -> {
                    DayAttendees.Person person = persons.get(a.participantId());
                    return new Attendances.BadgeHolder(person.name(), person.organization(), a.country(),
                            days.getOrDefault(a.participantId(), List.of(day)).stream().sorted().toList(), a.badgeCode(),
                            a.categoryOrParticipant());
                })
                .sorted(Comparator.comparing((Attendances.BadgeHolder h) -> SearchKey.of(h.name()))
                        .thenComparing(Attendances.BadgeHolder::code))
                .toList();
        if (holders.isEmpty()) {
            throw new NotFoundException("attendance.badges.nobody");
        }
        return holders;
    }
}
