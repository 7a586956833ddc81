package ml.sdn.portal.participant.attendance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static ml.sdn.portal.participant.PageRendering.render;
import static org.assertj.core.api.Assertions.assertThat;

class AttendancePageTest {

    @Test
    void the_badge_and_each_day_with_the_right_button() {
        LocalDate monday = LocalDate.of(2026, 11, 16);
        AttendanceDays days = AttendanceDays.of(List.of(new AttendanceDays.Day(monday, 10, 1, 0, 9),
                        new AttendanceDays.Day(monday.plusDays(1), 1, 1, 3, 0)),
                List.of(new AttendanceDays.Mine(monday, "CONFIRMED", null, "B-42"),
                        new AttendanceDays.Mine(monday.plusDays(1), "WAITING", 3, null)));
        Map<String, Object> model = new HashMap<>();
        model.put("attendance", days);
        model.put("badgeCode", "B-42");

        String page = french("participant/attendance", model);

        assertThat(page).contains("/me/attendance/badge.png", "Code QR du badge B-42", "lundi 16 novembre 2026", "Place confirmée",
                "Liste d’attente : position 3", "/me/attendance/2026-11-16/cancel", "9 place(s) libre(s) sur 10");
    }

    @Test
    void a_confirmed_attendee_has_a_plain_link_to_their_printable_badge_in_their_language() {
        LocalDate monday = LocalDate.of(2026, 11, 16);
        Map<String, Object> model = new HashMap<>();
        model.put("attendance", AttendanceDays.of(List.of(new AttendanceDays.Day(monday, 10, 1, 0, 9)),
                List.of(new AttendanceDays.Mine(monday, "CONFIRMED", null, "B-42"))));
        model.put("badgeCode", "B-42");

        assertThat(french("participant/attendance", model))
                .contains("href=\"/me/attendance/badge.pdf\"", "Télécharger mon badge (PDF)");
        assertThat(render("participant/attendance", model, null, Locale.ENGLISH))
                .contains("href=\"/me/attendance/badge.pdf\"", "Download my badge (PDF)");
    }

    @Test
    void someone_without_a_badge_has_no_link_to_print_one() {
        LocalDate monday = LocalDate.of(2026, 11, 16);
        Map<String, Object> model = new HashMap<>();
        model.put("attendance", AttendanceDays.of(List.of(new AttendanceDays.Day(monday, 1, 1, 3, 0)),
                List.of(new AttendanceDays.Mine(monday, "WAITING", 3, null))));

        assertThat(french("participant/attendance", model)).doesNotContain("badge.pdf");
    }
}
