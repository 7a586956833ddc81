package ml.sdn.incubation.milestones;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A template milestone falls due its offset after the cohort's start, or after the enrolment day when later. */
class TemplateDueDateTest {

    private static final LocalDate START = LocalDate.parse("2027-02-01");

    @Test
    void enrolled_before_the_start_counts_from_the_start() {
        // 2027-02-01 + 30 days = 2027-03-03
        assertThat(MilestoneDirectory.dueDate(START, Instant.parse("2027-01-20T10:00:00Z"), 30)).isEqualTo("2027-03-03");
    }

    @Test
    void enrolled_on_the_start_day_counts_from_the_start() {
        assertThat(MilestoneDirectory.dueDate(START, Instant.parse("2027-02-01T23:59:00Z"), 0)).isEqualTo("2027-02-01");
    }

    @Test
    void enrolled_after_the_start_counts_from_the_enrolment_day_in_bamako() {
        // enrolled 2027-02-15 (Bamako is UTC all year) + 30 days = 2027-03-17, not 2027-03-03
        assertThat(MilestoneDirectory.dueDate(START, Instant.parse("2027-02-15T23:30:00Z"), 30)).isEqualTo("2027-03-17");
    }
}
