package ml.sdn.portal.api;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

    @Test
    void every_field_the_service_names_and_every_field_the_portal_could_not_read_are_shown_together() {
        ApiException refused = new ApiException(new ApiProblem(400, "Requête invalide", "Certains champs sont invalides.", List.of(
                new ApiProblem.FieldMessage("scores.impact.score", "entre 0 et 10"),
                new ApiProblem.FieldMessage("scores.innovation.score", "une note est obligatoire"),
                new ApiProblem.FieldMessage("scores.team.score", "entre 0 et 10"))));
        ExtendedModelMap model = new ExtendedModelMap();

        FormErrors.show(model, refused, Map.of("scores.innovation.score", "Saisissez un nombre"));

        assertThat(model).containsEntry("problem", "Certains champs sont invalides.");
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("scores.impact.score", "entre 0 et 10",
                "scores.innovation.score", "Saisissez un nombre", "scores.team.score", "entre 0 et 10"));
    }
}
