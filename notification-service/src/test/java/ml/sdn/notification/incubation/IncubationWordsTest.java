package ml.sdn.notification.incubation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IncubationWordsTest {

    private static final Instant LAST_SESSION = Instant.parse("2026-02-03T09:30:00Z");

    @Test
    void both_known_reasons_give_the_last_session_and_the_overdue_count() {
        assertThat(IncubationWords.riskReasons(List.of("NO_RECENT_SESSION", "OVERDUE_MILESTONES"), 2, LAST_SESSION))
                .isEqualTo(Map.of("noRecentSession", true, "lastSessionAt", "2026-02-03T09:30:00Z",
                        "overdueMilestones", true, "overdueCount", 2, "oneOverdue", false, "otherReason", false));
    }

    @Test
    void no_recent_session_without_any_session_has_no_last_session() {
        assertThat(IncubationWords.riskReasons(List.of("NO_RECENT_SESSION"), 0, null))
                .isEqualTo(Map.of("noRecentSession", true, "overdueMilestones", false, "otherReason", false));
    }

    @Test
    void the_last_session_is_only_told_with_the_no_recent_session_reason() {
        assertThat(IncubationWords.riskReasons(List.of("OVERDUE_MILESTONES"), 1, LAST_SESSION))
                .isEqualTo(Map.of("noRecentSession", false, "overdueMilestones", true, "overdueCount", 1, "oneOverdue", true,
                        "otherReason", false));
    }

    @Test
    void overdue_milestones_without_a_count_are_told_without_one() {
        assertThat(IncubationWords.riskReasons(List.of("OVERDUE_MILESTONES"), 0, null))
                .isEqualTo(Map.of("noRecentSession", false, "overdueMilestones", true, "otherReason", false));
    }

    @Test
    void a_reason_this_service_does_not_know_is_told_as_other_never_as_its_code() {
        assertThat(IncubationWords.riskReasons(List.of("NO_RECENT_SESSION", "KPI_NOT_REPORTED"), 0, LAST_SESSION))
                .containsEntry("noRecentSession", true).containsEntry("otherReason", true)
                .doesNotContainValue("KPI_NOT_REPORTED");
    }

    @Test
    void a_flag_without_reasons_is_still_told_in_general_words() {
        assertThat(IncubationWords.riskReasons(null, 0, null))
                .isEqualTo(Map.of("noRecentSession", false, "overdueMilestones", false, "otherReason", true));
        assertThat(IncubationWords.riskReasons(List.of(), 3, null)).containsEntry("otherReason", true)
                .doesNotContainKey("overdueCount");
    }

    @Test
    void a_session_mode_is_a_known_code_or_nothing() {
        assertThat(IncubationWords.mode("AT_THE_CENTRE")).isEqualTo("AT_THE_CENTRE");
        assertThat(IncubationWords.mode("REMOTE")).isEqualTo("REMOTE");
        assertThat(IncubationWords.mode("HYBRID")).isNull();
        assertThat(IncubationWords.mode(null)).isNull();
    }
}
