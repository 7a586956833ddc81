package ml.sdn.registration.attendance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * A badge holder in words, for the printed badge: the country's name, not its code; the days and the
 * event's dates as people write them ("jeudi 29 janvier 2026", "29–31 janvier 2026"). French unless
 * the reader asked for English, like the service's messages.
 */
final class BadgeWords {

    private static final Locale FRENCH = Locale.FRENCH;

    private BadgeWords() {
    }

    /** The event as printed on every badge: its name and its first and last days. */
    record Event(String name, LocalDate firstDay, LocalDate lastDay) {
    }

    static BadgePdf.Content of(Attendances.BadgeHolder holder, Event event, Locale requested, String daysLabel) {
        return of(holder, event, requested, daysLabel, null);
    }

    /** With the holder's category in words ({@code categoryName}, from the bundle) on its colour; none, no band. */
    static BadgePdf.Content of(Attendances.BadgeHolder holder, Event event, Locale requested, String daysLabel,
                               String categoryName) {
        Locale locale = language(requested);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        AttendeeCategory category = AttendeeCategory.orParticipant(holder.category());
        return new BadgePdf.Content(event.name(), dates(event.firstDay(), event.lastDay(), locale), holder.name(),
                holder.organization(), country(holder.country(), locale), daysLabel,
                holder.days().stream().map(day::format).toList(), holder.code(), categoryName, category.colour());
    }

    static Locale language(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : FRENCH;
    }

    static String country(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            String name = new Locale.Builder().setRegion(code.strip()).build().getDisplayCountry(locale);
            return name.isBlank() ? code : name;
        } catch (IllformedLocaleException e) {
            return code;
        }
    }

    /** "29–31 janvier 2026", "30 janvier – 2 février 2026", or both dates in full across a new year. */
    static String dates(LocalDate first, LocalDate last, Locale locale) {
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        if (first.equals(last)) {
            return full.format(first);
        }
        if (first.getYear() != last.getYear()) {
            return full.format(first) + " – " + full.format(last);
        }
        if (first.getMonth() != last.getMonth()) {
            return DateTimeFormatter.ofPattern("d MMMM", locale).format(first) + " – " + full.format(last);
        }
        return first.getDayOfMonth() + "–" + full.format(last);
    }
}
