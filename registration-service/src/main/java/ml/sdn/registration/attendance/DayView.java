package ml.sdn.registration.attendance;

import java.time.LocalDate;

/**
 * A day open to registration. {@code confirmed} counts the places taken; {@code placesLeft} is never
 * negative, and {@code overbooked} is how many people hold a place beyond a capacity lowered after they
 * were confirmed (nobody is ever removed).
 */
public record DayView(LocalDate day, int capacity, int confirmed, long waiting, int placesLeft, int overbooked) {

    static DayView of(AttendanceDay day, long waiting) {
        Places places = day.places();
        return new DayView(LocalDate.parse(day.id()), day.capacity(), day.confirmed(), waiting, places.left(),
                places.overbooked());
    }
}
