package ml.sdn.portal.jury;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JuryControllerTest {

    @Test
    void a_finalist_opens_on_the_round_being_scored() {
        JuryReview preselection = review("r1", "a1", "PRESELECTION", false);
        JuryReview finalRound = review("r2", "a1", "FINAL", true);

        assertThat(JuryController.pick(List.of(finalRound, preselection), "a1")).contains(finalRound);
        assertThat(JuryController.pick(List.of(preselection, review("r3", "a1", "FINAL", false)), "a1"))
                .get().extracting(JuryReview::reviewId).isEqualTo("r3");
    }

    @Test
    void an_application_the_juror_does_not_review_is_not_found() {
        assertThat(JuryController.pick(List.of(review("r1", "a1", "PRESELECTION", true)), "a2")).isEmpty();
    }

    private static JuryReview review(String id, String application, String round, boolean open) {
        return new JuryReview(id, round, "ASSIGNED", "e1", "c1", null, List.of(), new JuryReview.Scale(0, 10, 0.5), null, null,
                null, null, open, null, new JuryReview.Application(application, "c1", "Titre", null, null, null, null, null,
                null, 1, List.of(), null, false, true, null, null, null), null);
    }
}
