package ml.sdn.portal.checkin;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the door's page shows, as registration-service answers it: the days one can check in for, the
 * attendees a search found, and the outcome of a check-in. The day and the door the staff chose travel
 * in every form and link of the page (the gateway keeps cookies to itself), so a reload, the back button
 * or a bookmark keeps them.
 */
final class DoorDesk {

    /** As the service accepts a door's name: letters, digits, spaces and dashes, 20 at most. */
    static final Pattern DOOR = Pattern.compile("[\\p{L}\\p{N} -]{1,20}");

    private DoorDesk() {
    }

    /** A day of the week open to registration (other fields of the service's answer are ignored). */
    record Day(LocalDate day) {
    }

    /** One of the day's confirmed attendees: no e-mail, no gender, the phone masked by the service. */
    record Attendee(String attendanceId, String badgeCode, String displayName, String organization, String country,
                    String phone, Instant checkedInAt, String door) {

        public boolean inside() {
            return checkedInAt != null;
        }
    }

    /** Who people are at the week (registration-service's categories): the offline door names them in words. */
    static final List<String> CATEGORIES = List.of("PARTICIPANT", "DELEGATION_MEMBER", "SPEAKER", "JURY", "PRESS",
            "OFFICIAL", "STAFF");

    /** A country as the walk-in form offers it: its code, and its name in the page's language. */
    record Country(String code, String name) {
    }

    /** The three delegations first, then every other country by name: whom the door may register. */
    static List<Country> countries(Locale locale) {
        List<String> delegations = List.of("ML", "BF", "NE");
        Collator collator = Collator.getInstance(locale);
        return Stream.concat(delegations.stream().map(code -> country(code, locale)),
                Arrays.stream(Locale.getISOCountries()).filter(code -> !delegations.contains(code))
                        .map(code -> country(code, locale)).sorted(Comparator.comparing(Country::name, collator)))
                .toList();
    }

    private static Country country(String code, Locale locale) {
        return new Country(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(locale));
    }

    /** The check-in that counted for the person that day; {@code firstCheckIn} false: they were in already. */
    /** The door's walk-in form as typed; {@code clientId} is made when the page is drawn (the same form twice: one person). */
    record WalkInForm(String clientId, String name, String category, String country, String organization, String phone,
                      String email) {

        static WalkInForm fresh() {
            return new WalkInForm(java.util.UUID.randomUUID().toString(), "", "PARTICIPANT", "", "", "", "");
        }
    }

    /** A walk-in registered and let in at the door: the code to write on their paper badge, when and where. */
    record WalkIn(String outcome, String name, String badgeCode, Instant checkedInAt, String door, String category) {

        WalkIn withCategory(String chosen) {
            return new WalkIn(outcome, name, badgeCode, checkedInAt, door, chosen);
        }
    }

    record CheckIn(String displayName, String organization, String country, LocalDate day, Instant checkedInAt,
                   String door, boolean firstCheckIn, String category) {
    }

    /** The door as typed, trimmed; null when it cannot be a door's name. */
    static String door(String typed) {
        if (typed == null) {
            return null;
        }
        String door = typed.strip();
        return DOOR.matcher(door).matches() ? door : null;
    }

    /** The day chosen, if it is one of the open days; null otherwise (nothing chosen, or a day not offered). */
    static LocalDate day(String typed, List<Day> open) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return open.stream().map(Day::day).filter(d -> d.toString().equals(typed.strip())).findFirst().orElse(null);
    }
}
