package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-picked instants around a call open 1 March 08:00 – 1 April 00:00 (Bamako = UTC, no daylight saving). */
class SubmissionWindowTest {

    private static final Timeline TIMELINE = timeline();
    private static final String AWA = "awa";
    private static final String MOUSSA = "moussa";

    private static Timeline timeline() {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.SUBMISSION, LocalDateTime.parse("2026-03-01T08:00"));
        starts.put(Phase.EVALUATION, LocalDateTime.parse("2026-04-01T00:00"));
        starts.put(Phase.PRESELECTION, LocalDateTime.parse("2026-05-01T00:00"));
        starts.put(Phase.INCUBATION, LocalDateTime.parse("2026-05-15T00:00"));
        starts.put(Phase.FINAL, LocalDateTime.parse("2026-11-18T09:00"));
        starts.put(Phase.CLOSED, LocalDateTime.parse("2026-11-21T00:00"));
        return Timeline.ofLocal(starts);
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void without_extensions_the_call_is_open_from_its_start_included_to_the_deadline_excluded() {
        SubmissionWindow window = SubmissionWindow.of(TIMELINE, List.of());

        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, at("2026-03-01T07:59:59Z"))).isFalse();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, at("2026-03-01T08:00:00Z"))).isTrue();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, at("2026-03-31T23:59:59Z"))).isTrue();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, at("2026-04-01T00:00:00Z"))).isFalse();
        assertThat(window.deadlineFor(AWA)).isEqualTo(at("2026-04-01T00:00:00Z"));
    }

    @Test
    void an_applicants_extension_lets_that_applicant_act_until_it_ends_and_nobody_else() {
        SubmissionWindow window = SubmissionWindow.of(TIMELINE,
                List.of(new SubmissionWindow.Extension(AWA, at("2026-04-03T18:00:00Z"))));

        for (Action action : List.of(Action.DRAFT_APPLICATION, Action.SUBMIT_APPLICATION, Action.WITHDRAW_APPLICATION)) {
            assertThat(window.allows(action, AWA, at("2026-04-03T17:59:59Z"))).as(action.name()).isTrue();
            assertThat(window.allows(action, AWA, at("2026-04-03T18:00:00Z"))).as(action.name()).isFalse();
            assertThat(window.allows(action, MOUSSA, at("2026-04-02T10:00:00Z"))).as(action.name()).isFalse();
        }
        assertThat(window.deadlineFor(AWA)).isEqualTo(at("2026-04-03T18:00:00Z"));
        assertThat(window.deadlineFor(MOUSSA)).isEqualTo(at("2026-04-01T00:00:00Z"));
    }

    @Test
    void a_category_extension_covers_everyone_and_the_latest_covering_extension_wins() {
        SubmissionWindow window = SubmissionWindow.of(TIMELINE, List.of(
                new SubmissionWindow.Extension(null, at("2026-04-02T00:00:00Z")),
                new SubmissionWindow.Extension(AWA, at("2026-04-05T00:00:00Z")),
                new SubmissionWindow.Extension(MOUSSA, at("2026-04-01T12:00:00Z"))));

        assertThat(window.deadlineFor("someone")).isEqualTo(at("2026-04-02T00:00:00Z"));
        assertThat(window.deadlineFor(AWA)).isEqualTo(at("2026-04-05T00:00:00Z"));
        // Moussa's own extension is shorter than the category's: the category's still covers him
        assertThat(window.deadlineFor(MOUSSA)).isEqualTo(at("2026-04-02T00:00:00Z"));
        assertThat(window.allows(Action.SUBMIT_APPLICATION, "someone", at("2026-04-01T23:00:00Z"))).isTrue();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, "someone", at("2026-04-02T00:00:00Z"))).isFalse();
    }

    @Test
    void an_extension_never_opens_the_call_early_nor_allows_actions_of_other_phases() {
        SubmissionWindow window = SubmissionWindow.of(TIMELINE,
                List.of(new SubmissionWindow.Extension(null, at("2026-04-10T00:00:00Z"))));

        assertThat(window.allows(Action.DRAFT_APPLICATION, AWA, at("2026-02-28T12:00:00Z"))).isFalse();
        assertThat(window.notYetOpen(at("2026-02-28T12:00:00Z"))).isTrue();
        assertThat(window.allows(Action.CONFIRM_PRESELECTION, AWA, at("2026-04-05T00:00:00Z"))).isFalse();
        // the timeline's own rule is untouched: scoring is open in EVALUATION with or without extensions
        assertThat(window.allows(Action.SCORE_REVIEW, AWA, at("2026-04-05T00:00:00Z"))).isTrue();
    }

    @Test
    void an_extension_ending_before_the_deadline_changes_nothing() {
        SubmissionWindow window = SubmissionWindow.of(TIMELINE,
                List.of(new SubmissionWindow.Extension(AWA, at("2026-03-20T00:00:00Z"))));

        assertThat(window.deadlineFor(AWA)).isEqualTo(at("2026-04-01T00:00:00Z"));
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, at("2026-03-25T00:00:00Z"))).isTrue();
    }

    @Test
    void an_extension_must_end_after_the_deadline_in_the_future_within_30_days_and_before_preselection() {
        Instant now = at("2026-04-01T09:00:00Z");

        assertThat(SubmissionWindow.checkExtension(TIMELINE, at("2026-04-01T00:00:00Z"), now))
                .contains(SubmissionWindow.ExtensionProblem.NOT_AFTER_DEADLINE);
        assertThat(SubmissionWindow.checkExtension(TIMELINE, at("2026-04-01T08:00:00Z"), now))
                .contains(SubmissionWindow.ExtensionProblem.IN_THE_PAST);
        assertThat(SubmissionWindow.checkExtension(TIMELINE, at("2026-04-01T09:00:01Z"), now)).isEmpty();
        assertThat(SubmissionWindow.checkExtension(TIMELINE, at("2026-05-01T00:00:00Z"), now))
                .contains(SubmissionWindow.ExtensionProblem.TOO_LATE);
        assertThat(SubmissionWindow.checkExtension(TIMELINE, at("2026-04-30T23:59:59Z"), now)).isEmpty();
    }

    @Test
    void the_30_day_bound_applies_when_preselection_starts_later() {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        TIMELINE.starts().forEach((phase, start) -> starts.put(phase, LocalDateTime.ofInstant(start, Timeline.BAMAKO)));
        starts.put(Phase.PRESELECTION, LocalDateTime.parse("2026-05-10T00:00"));
        Timeline longEvaluation = Timeline.ofLocal(starts);
        Instant now = at("2026-03-15T00:00:00Z");

        assertThat(SubmissionWindow.checkExtension(longEvaluation, at("2026-05-01T00:00:00Z"), now)).isEmpty();
        assertThat(SubmissionWindow.checkExtension(longEvaluation, at("2026-05-01T00:00:01Z"), now))
                .contains(SubmissionWindow.ExtensionProblem.TOO_LATE);
    }

    @Test
    void an_extension_ends_when_preselection_starts_even_if_preselection_was_moved_earlier_after_it_was_granted() {
        // granted until 20 April while PRESELECTION started 1 May; PRESELECTION then moved to 10 April
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        TIMELINE.starts().forEach((phase, start) -> starts.put(phase, LocalDateTime.ofInstant(start, Timeline.BAMAKO)));
        starts.put(Phase.PRESELECTION, LocalDateTime.parse("2026-04-10T00:00"));
        SubmissionWindow window = SubmissionWindow.of(Timeline.ofLocal(starts), List.of(
                new SubmissionWindow.Extension(null, at("2026-04-20T00:00:00Z")),
                new SubmissionWindow.Extension(AWA, at("2026-04-25T00:00:00Z"))));

        assertThat(window.allows(Action.SUBMIT_APPLICATION, MOUSSA, at("2026-04-09T23:59:59Z"))).isTrue();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, MOUSSA, at("2026-04-10T00:00:00Z"))).isFalse();
        assertThat(window.allows(Action.WITHDRAW_APPLICATION, AWA, at("2026-04-15T00:00:00Z"))).isFalse();
        assertThat(window.deadlineFor(MOUSSA)).isEqualTo(at("2026-04-10T00:00:00Z"));
        assertThat(window.deadlineFor(AWA)).isEqualTo(at("2026-04-10T00:00:00Z"));
    }

    @Test
    void a_category_extension_does_not_reopen_an_application_submitted_before_the_deadline() {
        SubmissionWindow window = SubmissionWindow.of(TIMELINE,
                List.of(new SubmissionWindow.Extension(null, at("2026-04-05T00:00:00Z"))));
        Instant onTime = at("2026-03-31T23:59:59Z");
        Instant underTheExtension = at("2026-04-01T00:00:00Z");
        Instant during = at("2026-04-02T12:00:00Z");

        // submitted on time: jurors may already read it, so it is frozen at the category's deadline
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, onTime, during)).isFalse();
        assertThat(window.allows(Action.WITHDRAW_APPLICATION, AWA, onTime, during)).isFalse();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, onTime, at("2026-03-31T23:59:59Z"))).isTrue();
        assertThat(window.deadlineFor(AWA, onTime)).isEqualTo(at("2026-04-01T00:00:00Z"));
        // submitted at the deadline itself, under the extension: editable and withdrawable until it ends
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, underTheExtension, during)).isTrue();
        assertThat(window.allows(Action.WITHDRAW_APPLICATION, AWA, underTheExtension, during)).isTrue();
        assertThat(window.deadlineFor(AWA, underTheExtension)).isEqualTo(at("2026-04-05T00:00:00Z"));
        // not submitted (a draft, or withdrawn): the extension is for it
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, null, during)).isTrue();
        assertThat(window.allows(Action.DRAFT_APPLICATION, MOUSSA, null, during)).isTrue();
    }

    @Test
    void an_applicants_own_extension_covers_only_their_application_not_in_by_the_deadline() {
        SubmissionWindow window = SubmissionWindow.of(TIMELINE,
                List.of(new SubmissionWindow.Extension(AWA, at("2026-04-03T18:00:00Z"))));
        Instant during = at("2026-04-02T08:00:00Z");

        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, null, during)).isTrue();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, at("2026-04-01T10:00:00Z"), during)).isTrue();
        assertThat(window.allows(Action.SUBMIT_APPLICATION, AWA, at("2026-03-20T10:00:00Z"), during)).isFalse();
        assertThat(window.allows(Action.WITHDRAW_APPLICATION, AWA, at("2026-03-20T10:00:00Z"), during)).isFalse();
        assertThat(window.deadlineFor(AWA, at("2026-03-20T10:00:00Z"))).isEqualTo(at("2026-04-01T00:00:00Z"));
        assertThat(window.allows(Action.SUBMIT_APPLICATION, MOUSSA, null, during)).isFalse();
    }
}
