package ml.sdn.incubation.risk;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static ml.sdn.incubation.risk.RiskRule.NO_RECENT_SESSION;
import static ml.sdn.incubation.risk.RiskRule.OVERDUE_MILESTONES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskRuleTest {

    private static final RiskRule.Thresholds DEFAULTS = new RiskRule.Thresholds(14, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    @Test
    void a_session_thirteen_days_ago_is_recent_enough_fourteen_is_not() {
        // 6 March 23:30 in Bamako (UTC+0) is the 6th: 14 days before the 20th
        RiskRule.Assessment fourteen = assess(Instant.parse("2026-03-06T23:30:00Z"), null, null, 0);
        assertThat(fourteen.atRisk()).isTrue();
        assertThat(fourteen.reasons()).containsExactly(NO_RECENT_SESSION);
        assertThat(fourteen.daysWithoutSession()).isEqualTo(14);
        assertThat(fourteen.quietSince()).isEqualTo(LocalDate.of(2026, 3, 6));

        RiskRule.Assessment thirteen = assess(Instant.parse("2026-03-07T00:10:00Z"), null, null, 0);
        assertThat(thirteen.atRisk()).isFalse();
        assertThat(thirteen.reasons()).isEmpty();
        assertThat(thirteen.daysWithoutSession()).isEqualTo(13);
    }

    @Test
    void without_any_session_the_days_count_from_enrolment_when_it_came_after_the_cohorts_start() {
        // cohort started 1 Feb, enrolled 10 March: 10 days, not at risk
        RiskRule.Assessment late = assess(null, Instant.parse("2026-03-10T08:00:00Z"), LocalDate.of(2026, 2, 1), 0);
        assertThat(late.quietSince()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(late.atRisk()).isFalse();
        // enrolled 1 March: 19 days, at risk
        assertThat(assess(null, Instant.parse("2026-03-01T08:00:00Z"), LocalDate.of(2026, 2, 1), 0).reasons())
                .containsExactly(NO_RECENT_SESSION);
    }

    @Test
    void without_any_session_the_days_count_from_the_cohorts_start_when_enrolled_before_it() {
        // enrolled 15 Jan for a cohort starting 10 March: 10 days since the start, not at risk
        RiskRule.Assessment early = assess(null, Instant.parse("2026-01-15T08:00:00Z"), LocalDate.of(2026, 3, 10), 0);
        assertThat(early.quietSince()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(early.atRisk()).isFalse();
        // a cohort that has not started yet: nothing to count
        RiskRule.Assessment notYet = assess(null, Instant.parse("2026-01-15T08:00:00Z"), LocalDate.of(2026, 4, 1), 0);
        assertThat(notYet.daysWithoutSession()).isZero();
        assertThat(notYet.atRisk()).isFalse();
    }

    @Test
    void the_last_session_decides_whatever_the_enrolment_and_cohort_dates() {
        RiskRule.Assessment assessment = assess(Instant.parse("2026-03-19T10:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"),
                LocalDate.of(2026, 1, 1), 0);
        assertThat(assessment.atRisk()).isFalse();
        assertThat(assessment.daysWithoutSession()).isEqualTo(1);
    }

    @Test
    void two_overdue_milestones_put_an_incubatee_at_risk_one_does_not() {
        Instant yesterday = Instant.parse("2026-03-19T10:00:00Z");
        assertThat(assess(yesterday, null, null, 1).atRisk()).isFalse();
        RiskRule.Assessment two = assess(yesterday, null, null, 2);
        assertThat(two.atRisk()).isTrue();
        assertThat(two.reasons()).containsExactly(OVERDUE_MILESTONES);
        assertThat(two.overdueMilestones()).isEqualTo(2);
    }

    @Test
    void both_reasons_are_given_in_a_fixed_order() {
        RiskRule.Assessment both = assess(Instant.parse("2026-02-01T10:00:00Z"), null, null, 3);
        assertThat(both.reasons()).containsExactly(NO_RECENT_SESSION, OVERDUE_MILESTONES);
    }

    @Test
    void thresholds_come_from_configuration() {
        RiskRule.Thresholds strict = new RiskRule.Thresholds(7, 1);
        RiskRule.Assessment assessment = RiskRule.assess(
                new RiskRule.Facts(Instant.parse("2026-03-13T10:00:00Z"), null, null, 1), TODAY, strict);
        assertThat(assessment.reasons()).containsExactly(NO_RECENT_SESSION, OVERDUE_MILESTONES);
        assertThatThrownBy(() -> new RiskRule.Thresholds(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothing_known_is_not_a_risk() {
        assertThat(assess(null, null, null, 0).atRisk()).isFalse();
    }

    private static RiskRule.Assessment assess(Instant lastSession, Instant enrolledAt, LocalDate cohortStart, int overdue) {
        return RiskRule.assess(new RiskRule.Facts(lastSession, enrolledAt, cohortStart, overdue), TODAY, DEFAULTS);
    }
}
