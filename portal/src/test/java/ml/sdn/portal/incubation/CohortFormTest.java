package ml.sdn.portal.incubation;

import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The new-cohort form: what it sends incubation-service and where each message lands on the page. */
class CohortFormTest {

    private static MultiValueMap<String, String> posted(String start, String end, String capacity, List<String> titles,
                                                       List<String> days) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", "token");
        form.add("editionId", "ed-1");
        form.add("name", " Cohorte 2027 ");
        form.add("startDate", start);
        form.add("endDate", end);
        form.add("capacity", capacity);
        form.put("milestoneTitle", titles);
        form.put("milestoneDays", days);
        return form;
    }

    @Test
    void empty_rows_are_not_milestones_and_codes_are_made_from_the_titles() {
        CohortForm form = CohortForm.of(posted("2027-01-15", "15/07/2027", "12",
                List.of("Modèle économique validé", "", "Modèle économique validé", "MVP !", ""),
                List.of("30", "", "45", "90", "")));

        Map<String, Object> request = form.request();

        assertThat(request).containsEntry("editionId", "ed-1").containsEntry("name", "Cohorte 2027")
                .containsEntry("startDate", "2027-01-15").containsEntry("endDate", "2027-07-15").containsEntry("capacity", 12);
        assertThat(request.get("milestones")).isEqualTo(List.of(
                Map.of("code", "modele-economique-valide", "title", "Modèle économique validé", "dueOffsetDays", 30),
                Map.of("code", "modele-economique-valide-2", "title", "Modèle économique validé", "dueOffsetDays", 45),
                Map.of("code", "mvp", "title", "MVP !", "dueOffsetDays", 90)));
        assertThat(form.rows()).hasSize(CohortForm.ROWS);
        assertThat(form.sentRows()).containsExactly(0, 2, 3);
    }

    @Test
    void the_services_field_names_go_next_to_the_rows_they_came_from() {
        CohortForm form = CohortForm.of(posted("2027-01-15", "2027-07-15", "12", List.of("", "", "", "Prototype"),
                List.of("", "", "30", "")));

        Map<String, String> fields = form.pageFields(Map.of("milestones[0].code", "code invalide",
                "milestones[0].title", "Le titre du jalon est obligatoire.",
                "milestones[1].dueOffsetDays", "L'échéance est un nombre de jours", "capacity", "La capacité…",
                "milestones", "Le modèle compte entre 1 et 30 jalons."));

        // the row with only a number of days is request index 0, row 2; the title row is index 1, row 3
        assertThat(fields).containsEntry("milestoneTitle-2", "Le titre du jalon est obligatoire.")
                .containsEntry("milestoneDays-3", "L'échéance est un nombre de jours").containsEntry("capacity", "La capacité…")
                .containsEntry("milestones", "Le modèle compte entre 1 et 30 jalons.").hasSize(4);
    }

    @Test
    void what_the_portal_cannot_read_is_said_in_words_all_at_once() {
        CohortForm form = CohortForm.of(posted("15 janvier", "2027-01-10", "douze", List.of("Prototype", "MVP"),
                List.of("trente", "400")));
        assertThat(form.portalErrors(PageRendering.messages(), Locale.FRENCH))
                .containsOnlyKeys("startDate", "capacity", "milestoneDays-0")
                .containsEntry("milestoneDays-0", "L'échéance s'écrit en chiffres : un nombre de jours entre 0 et 730.");
        assertThat(form.request()).containsEntry("startDate", null).containsEntry("capacity", null);

        CohortForm late = CohortForm.of(posted("2027-01-15", "2027-01-10", "12", List.of("MVP"), List.of("10")));
        assertThat(late.portalErrors(PageRendering.messages(), Locale.FRENCH))
                .containsEntry("endDate", "La fin doit venir après le début (15 janvier 2027).");
        CohortForm after = CohortForm.of(posted("2027-01-15", "2027-03-01", "12", List.of("MVP"), List.of("60")));
        assertThat(after.portalErrors(PageRendering.messages(), Locale.ENGLISH))
                .containsEntry("milestoneDays-0", "This milestone would fall on 16 March 2027, after the end of the cohort (1 March 2027).");
    }

    @Test
    void a_title_without_letters_still_gets_a_code_and_a_blank_one_none() {
        Set<String> taken = new HashSet<>();
        assertThat(CohortForm.uniqueCode("« ! »", 4, taken)).isEqualTo("jalon-5");
        assertThat(CohortForm.uniqueCode("   ", 1, taken)).isEmpty();
        assertThat(CohortForm.uniqueCode("Un intitulé très long qui dépasse largement quarante caractères", 0, taken))
                .hasSizeLessThanOrEqualTo(40).matches("[a-z0-9-]+");
    }
}
