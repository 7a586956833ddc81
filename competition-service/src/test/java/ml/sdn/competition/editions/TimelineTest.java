package ml.sdn.competition.editions;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineTest {

    /** Bamako wall-clock starts; Bamako is UTC+0 all year, so the instants read the same with a Z. */
    private static Map<Phase, LocalDateTime> edition2026() {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.SUBMISSION, LocalDateTime.parse("2026-03-01T08:00"));
        starts.put(Phase.EVALUATION, LocalDateTime.parse("2026-04-01T00:00"));
        starts.put(Phase.PRESELECTION, LocalDateTime.parse("2026-05-01T00:00"));
        starts.put(Phase.INCUBATION, LocalDateTime.parse("2026-05-15T00:00"));
        starts.put(Phase.FINAL, LocalDateTime.parse("2026-11-18T09:00"));
        starts.put(Phase.CLOSED, LocalDateTime.parse("2026-11-21T00:00"));
        return starts;
    }

    private final Timeline timeline = Timeline.ofLocal(edition2026());

    @Test
    void bamako_wall_clock_is_utc() {
        assertThat(timeline.start(Phase.SUBMISSION)).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(timeline.start(Phase.CLOSED)).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void no_phase_is_open_before_submission_starts() {
        assertThat(timeline.phaseAt(Instant.parse("2026-03-01T07:59:59.999Z"))).isEmpty();
        assertThat(timeline.allows(Action.SUBMIT_APPLICATION, Instant.parse("2026-03-01T07:59:59Z"))).isFalse();
    }

    @Test
    void a_phase_opens_at_its_start_included() {
        assertThat(timeline.phaseAt(Instant.parse("2026-03-01T08:00:00Z"))).contains(Phase.SUBMISSION);
        assertThat(timeline.allows(Action.SUBMIT_APPLICATION, Instant.parse("2026-03-01T08:00:00Z"))).isTrue();
    }

    @Test
    void a_phase_ends_when_the_next_one_starts() {
        Instant lastMoment = Instant.parse("2026-03-31T23:59:59.999999999Z");
        Instant evaluationStart = Instant.parse("2026-04-01T00:00:00Z");
        assertThat(timeline.phaseAt(lastMoment)).contains(Phase.SUBMISSION);
        assertThat(timeline.phaseAt(evaluationStart)).contains(Phase.EVALUATION);
        assertThat(timeline.allows(Action.SUBMIT_APPLICATION, lastMoment)).isTrue();
        assertThat(timeline.allows(Action.SUBMIT_APPLICATION, evaluationStart)).isFalse();
        assertThat(timeline.allows(Action.SCORE_REVIEW, lastMoment)).isFalse();
        assertThat(timeline.allows(Action.SCORE_REVIEW, evaluationStart)).isTrue();
        assertThat(timeline.end(Phase.SUBMISSION)).contains(evaluationStart);
    }

    @Test
    void each_phase_is_open_in_the_middle_of_its_window() {
        assertThat(timeline.phaseAt(Instant.parse("2026-04-15T12:00:00Z"))).contains(Phase.EVALUATION);
        assertThat(timeline.phaseAt(Instant.parse("2026-05-10T12:00:00Z"))).contains(Phase.PRESELECTION);
        assertThat(timeline.phaseAt(Instant.parse("2026-08-01T12:00:00Z"))).contains(Phase.INCUBATION);
        assertThat(timeline.phaseAt(Instant.parse("2026-11-18T08:59:59Z"))).contains(Phase.INCUBATION);
        assertThat(timeline.phaseAt(Instant.parse("2026-11-18T09:00:00Z"))).contains(Phase.FINAL);
        assertThat(timeline.phaseAt(Instant.parse("2026-11-20T23:59:59Z"))).contains(Phase.FINAL);
    }

    @Test
    void closed_never_ends() {
        assertThat(timeline.phaseAt(Instant.parse("2026-11-21T00:00:00Z"))).contains(Phase.CLOSED);
        assertThat(timeline.phaseAt(Instant.parse("2040-01-01T00:00:00Z"))).contains(Phase.CLOSED);
        assertThat(timeline.end(Phase.CLOSED)).isEmpty();
        assertThat(timeline.windows().get(5).end()).isNull();
    }

    @Test
    void each_action_is_gated_by_its_phases() {
        Instant preselection = Instant.parse("2026-05-10T00:00:00Z");
        Instant finalDay = Instant.parse("2026-11-19T10:00:00Z");
        Instant closed = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(timeline.allows(Action.CONFIRM_PRESELECTION, preselection)).isTrue();
        assertThat(timeline.allows(Action.CONFIRM_PRESELECTION, finalDay)).isFalse();
        assertThat(timeline.allows(Action.WITHDRAW_APPLICATION, preselection)).isFalse();
        assertThat(timeline.allows(Action.SCORE_FINALIST, finalDay)).isTrue();
        assertThat(timeline.allows(Action.SCORE_FINALIST, closed)).isFalse();
        assertThat(timeline.allows(Action.PUBLISH_RESULTS, finalDay)).isTrue();
        assertThat(timeline.allows(Action.PUBLISH_RESULTS, closed)).isTrue();
        assertThat(timeline.allows(Action.PUBLISH_RESULTS, preselection)).isFalse();
    }

    @Test
    void a_missing_phase_is_named() {
        Map<Phase, LocalDateTime> starts = edition2026();
        starts.remove(Phase.INCUBATION);
        assertThatThrownBy(() -> Timeline.ofLocal(starts)).isInstanceOfSatisfying(Timeline.Invalid.class, invalid -> {
            assertThat(invalid.phase()).isEqualTo(Phase.INCUBATION);
            assertThat(invalid.reason()).isEqualTo(Timeline.Invalid.Reason.MISSING);
        });
    }

    @Test
    void a_phase_starting_before_the_previous_one_is_named() {
        Map<Phase, LocalDateTime> starts = edition2026();
        starts.put(Phase.PRESELECTION, LocalDateTime.parse("2026-03-31T00:00"));
        assertThatThrownBy(() -> Timeline.ofLocal(starts)).isInstanceOfSatisfying(Timeline.Invalid.class, invalid -> {
            assertThat(invalid.phase()).isEqualTo(Phase.PRESELECTION);
            assertThat(invalid.reason()).isEqualTo(Timeline.Invalid.Reason.NOT_AFTER_PREVIOUS);
            assertThat(invalid.previous()).isEqualTo(Phase.EVALUATION);
        });
    }

    @Test
    void a_phase_starting_at_the_same_instant_as_the_previous_one_leaves_it_empty_and_is_refused() {
        Map<Phase, LocalDateTime> starts = edition2026();
        starts.put(Phase.CLOSED, LocalDateTime.parse("2026-11-18T09:00"));
        assertThatThrownBy(() -> Timeline.ofLocal(starts)).isInstanceOfSatisfying(Timeline.Invalid.class,
                invalid -> assertThat(invalid.phase()).isEqualTo(Phase.CLOSED));
    }

    @Test
    void one_nanosecond_after_the_previous_start_is_enough() {
        Map<Phase, LocalDateTime> starts = edition2026();
        starts.put(Phase.CLOSED, LocalDateTime.parse("2026-11-18T09:00:00.000000001"));
        Timeline tight = Timeline.ofLocal(starts);
        assertThat(tight.phaseAt(Instant.parse("2026-11-18T09:00:00Z"))).contains(Phase.FINAL);
        assertThat(tight.phaseAt(Instant.parse("2026-11-18T09:00:00.000000001Z"))).contains(Phase.CLOSED);
    }
}
