package ml.sdn.portal.participant.attendance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The week's days side by side with where the participant stands on each. */
record AttendanceDays(List<Line> lines, boolean hasBadge) {

    /** A day open to registration, as registration-service counts it. */
    record Day(LocalDate day, int capacity, int confirmed, long waiting, int placesLeft) {
    }

    /** Where I stand on a day: CONFIRMED, WAITING (position, 1 = next) or CANCELLED. */
    record Mine(LocalDate day, String status, Integer position, String badgeCode) {
    }

    record Line(Day day, Mine mine) {

        /** Registered (with a place or waiting): the day offers cancelling, else registering. */
        public boolean registered() {
            return mine != null && ("CONFIRMED".equals(mine.status()) || "WAITING".equals(mine.status()));
        }
    }

    static AttendanceDays of(List<Day> days, List<Mine> mine) {
        Map<LocalDate, Mine> byDay = mine.stream().collect(Collectors.toMap(Mine::day, Function.identity(), (a, b) -> a));
        List<Line> lines = days.stream().sorted(Comparator.comparing(Day::day)).map(day -> new Line(day, byDay.get(day.day()))).toList();
        return new AttendanceDays(lines, mine.stream().anyMatch(m -> "CONFIRMED".equals(m.status())));
    }
}
