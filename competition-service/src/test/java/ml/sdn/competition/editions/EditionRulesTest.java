package ml.sdn.competition.editions;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EditionRulesTest {

    private static Edition edition(String id, boolean archived) {
        return new Edition(id, 4, 2027, "2027-11-18", "2027-11-20", "CICB, Bamako", "Thème", List.of(), false, archived, null,
                "organizer", Instant.EPOCH, 0L, List.of());
    }

    @Test
    void an_archived_edition_cannot_become_the_current_one() {
        assertThat(EditionRules.whyNotCurrent(edition("e4", true))).contains("edition.current.archived");
        assertThat(EditionRules.whyNotCurrent(edition("e4", false))).isEmpty();
    }

    @Test
    void the_current_edition_cannot_be_archived_but_any_other_can() {
        assertThat(EditionRules.whyNotArchivable(edition("e4", false), "e4")).contains("edition.archive.current");
        assertThat(EditionRules.whyNotArchivable(edition("e4", false), "e3")).isEmpty();
        assertThat(EditionRules.whyNotArchivable(edition("e4", false), null)).isEmpty();
    }

    @Test
    void default_phases_follow_the_edition_week() {
        Map<Phase, LocalDateTime> phases = EditionRules.defaultPhases(LocalDate.of(2027, 11, 18), LocalDate.of(2027, 11, 20));

        assertThat(phases).containsExactly(
                Map.entry(Phase.SUBMISSION, LocalDateTime.of(2027, 3, 18, 8, 0)),
                Map.entry(Phase.EVALUATION, LocalDateTime.of(2027, 4, 18, 0, 0)),
                Map.entry(Phase.PRESELECTION, LocalDateTime.of(2027, 5, 18, 0, 0)),
                Map.entry(Phase.INCUBATION, LocalDateTime.of(2027, 6, 1, 0, 0)),
                Map.entry(Phase.FINAL, LocalDateTime.of(2027, 11, 18, 9, 0)),
                Map.entry(Phase.CLOSED, LocalDateTime.of(2027, 11, 21, 0, 0)));
    }

    @Test
    void default_phases_of_a_one_day_edition_still_follow_one_another() {
        Map<Phase, LocalDateTime> phases = EditionRules.defaultPhases(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 1, 31));

        // May 31 minus months lands on the last day of shorter months; the order still holds
        assertThat(phases.get(Phase.SUBMISSION)).isEqualTo(LocalDateTime.of(2027, 5, 31, 8, 0));
        assertThat(phases.get(Phase.PRESELECTION)).isEqualTo(LocalDateTime.of(2027, 7, 31, 0, 0));
        assertThat(phases.get(Phase.CLOSED)).isEqualTo(LocalDateTime.of(2028, 2, 1, 0, 0));
        Timeline timeline = Timeline.ofLocal(phases);
        assertThat(timeline.start(Phase.FINAL)).isBefore(timeline.start(Phase.CLOSED));
    }
}
