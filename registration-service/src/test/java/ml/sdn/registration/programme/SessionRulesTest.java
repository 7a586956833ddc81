package ml.sdn.registration.programme;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRulesTest {

    private static final EventDays WEEK = new EventDays(LocalDate.of(2026, 1, 29), LocalDate.of(2026, 1, 31),
            ZoneId.of("Africa/Bamako"));

    private static List<String> faults(String kind, String start, String end, Integer capacity, SessionRules.Taken taken) {
        return SessionRules.check(new SessionRules.Draft(kind, start == null ? null : LocalDateTime.parse(start),
                end == null ? null : LocalDateTime.parse(end), capacity), WEEK, taken).stream()
                .map(f -> f.field() + ":" + f.messageKey()).toList();
    }

    @Test
    void a_workshop_on_the_first_morning_is_accepted() {
        assertThat(faults("workshop", "2026-01-29T10:00", "2026-01-29T11:30", 40, SessionRules.Taken.NOBODY)).isEmpty();
        assertThat(faults("AWARD_CEREMONY", "2026-01-31T18:00", "2026-01-31T20:00", null, SessionRules.Taken.NOBODY)).isEmpty();
    }

    @Test
    void every_fault_is_named_at_once() {
        assertThat(faults("keynote", "2026-02-03T10:00", "2026-02-03T09:00", 5, new SessionRules.Taken(8, 0)))
                .containsExactly("kind:programme.kind.unknown", "startsAt:programme.startsAt.outside",
                        "endsAt:programme.endsAt.before-start", "capacity:programme.capacity.below-registered");
    }

    @Test
    void an_end_equal_to_the_start_or_on_another_day_is_refused() {
        assertThat(faults("panel", "2026-01-30T10:00", "2026-01-30T10:00", null, SessionRules.Taken.NOBODY))
                .containsExactly("endsAt:programme.endsAt.before-start");
        assertThat(faults("panel", "2026-01-30T22:00", "2026-01-31T01:00", null, SessionRules.Taken.NOBODY))
                .containsExactly("endsAt:programme.endsAt.other-day");
    }

    @Test
    void the_day_before_and_the_day_after_the_week_are_outside_it() {
        assertThat(faults("pitch", "2026-01-28T10:00", "2026-01-28T11:00", null, SessionRules.Taken.NOBODY))
                .containsExactly("startsAt:programme.startsAt.outside");
        assertThat(faults("pitch", "2026-02-01T10:00", "2026-02-01T11:00", null, SessionRules.Taken.NOBODY))
                .containsExactly("startsAt:programme.startsAt.outside");
    }

    @Test
    void the_capacity_may_go_down_to_the_places_taken_but_not_below_nor_away() {
        assertThat(faults("workshop", "2026-01-29T10:00", "2026-01-29T11:00", 8, new SessionRules.Taken(8, 3))).isEmpty();
        assertThat(faults("workshop", "2026-01-29T10:00", "2026-01-29T11:00", 7, new SessionRules.Taken(8, 3)))
                .containsExactly("capacity:programme.capacity.below-registered");
        assertThat(faults("workshop", "2026-01-29T10:00", "2026-01-29T11:00", null, new SessionRules.Taken(0, 1)))
                .containsExactly("capacity:programme.capacity.still-needed");
    }

    @Test
    void missing_values_are_left_to_bean_validation() {
        assertThat(faults(null, null, null, null, SessionRules.Taken.NOBODY)).isEmpty();
        assertThat(faults("", null, "2026-01-29T11:00", null, SessionRules.Taken.NOBODY)).isEmpty();
    }

    @Test
    void a_new_time_or_room_is_a_move_the_title_is_not() {
        ProgrammeSession before = new ProgrammeSession("s", "Atelier", "Workshop", SessionKind.WORKSHOP, "Salle 1",
                WEEK.instant(LocalDateTime.parse("2026-01-29T10:00")), WEEK.instant(LocalDateTime.parse("2026-01-29T11:00")),
                List.of(), 10, 0, 0, List.of(), 0, null, null, null, null, List.of());

        assertThat(SessionRules.moved(before, before.startsAt(), before.endsAt(), " salle 1 ")).isFalse();
        assertThat(SessionRules.moved(before, before.startsAt(), before.endsAt(), "Salle 2")).isTrue();
        assertThat(SessionRules.moved(before, before.startsAt().plusSeconds(1800), before.endsAt(), "Salle 1")).isTrue();
        assertThat(SessionRules.moved(before, before.startsAt(), before.endsAt().plusSeconds(600), "Salle 1")).isTrue();
    }

    @Test
    void kinds_are_read_in_any_case_and_nothing_else_is_a_kind() {
        assertThat(SessionKind.parse("award_ceremony")).contains(SessionKind.AWARD_CEREMONY);
        assertThat(SessionKind.parse(" Panel ")).contains(SessionKind.PANEL);
        assertThat(SessionKind.parse("keynote")).isEmpty();
        assertThat(SessionKind.parse(null)).isEmpty();
    }
}
