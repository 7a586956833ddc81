package ml.sdn.portal.jury;

import ml.sdn.portal.home.PublicEdition.Text;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreFormTest {

    private static final List<JuryReview.Criterion> CRITERIA = List.of(
            new JuryReview.Criterion("impact", new Text("Impact", "Impact"), 40),
            new JuryReview.Criterion("team", new Text("Équipe", "Team"), 60));

    @Test
    void reads_half_points_written_with_a_comma_or_a_dot() {
        ScoreForm form = ScoreForm.typed(CRITERIA, Map.of("score.impact", "7,5", "comment.impact", "Bien",
                "score.team", " 8.0 ", "comment.team", "Solide"));

        assertThat(form.unreadable()).isEmpty();
        assertThat(form.body()).containsEntry("impact", Map.of("score", 7.5, "comment", "Bien"))
                .containsEntry("team", Map.of("score", 8.0, "comment", "Solide"));
    }

    @Test
    void sends_a_blank_score_as_missing_so_the_service_names_the_field() {
        ScoreForm form = ScoreForm.typed(CRITERIA, Map.of("comment.impact", "Bien"));

        assertThat(form.unreadable()).isEmpty();
        assertThat(form.body().get("impact")).containsEntry("score", null);
        assertThat(form.body().get("team")).containsEntry("comment", "");
    }

    @Test
    void names_the_criteria_whose_score_is_no_number() {
        ScoreForm form = ScoreForm.typed(CRITERIA, Map.of("score.impact", "huit", "score.team", "NaN"));

        assertThat(form.unreadable()).containsExactly("impact", "team");
    }

    @Test
    void fills_the_form_with_the_stored_scores_as_a_juror_writes_them() {
        JuryReview review = new JuryReview("r1", "PRESELECTION", "SUBMITTED", "e1", "c1", null, CRITERIA,
                new JuryReview.Scale(0, 10, 0.5), Map.of("impact", new JuryReview.Score(7.5, "Bien"),
                "team", new JuryReview.Score(8, "Solide")), 7.8, null, null, true, null, null, null);

        ScoreForm form = ScoreForm.stored(review);

        assertThat(form.of("impact")).isEqualTo(new ScoreForm.Entry("7.5", "Bien"));
        assertThat(form.of("team")).isEqualTo(new ScoreForm.Entry("8", "Solide"));
    }

    @Test
    void a_score_that_is_no_number_goes_as_missing_and_is_named_as_no_number_next_to_the_services_errors() {
        ScoreForm form = ScoreForm.typed(CRITERIA, Map.of("score.impact", "huit", "score.team", "11"));

        assertThat(form.body().get("impact")).containsEntry("score", null);
        assertThat(form.body().get("team")).containsEntry("score", 11.0);
        assertThat(form.unreadableErrors("Saisissez un nombre")).containsExactly(Map.entry("scores.impact.score", "Saisissez un nombre"));
    }
}
