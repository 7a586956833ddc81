package ml.sdn.portal.participant.attendance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
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
}
