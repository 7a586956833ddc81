package ml.sdn.portal.participant.notifications;

import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static ml.sdn.portal.participant.PageRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

class PreferencesPageTest {

    private static Preferences preferences() {
        Map<String, Boolean> email = new LinkedHashMap<>();
        email.put("PROFILE_CREATED", false);
        email.put("ATTENDANCE_CONFIRMED", true);
        email.put("APPLICATION_SUBMITTED", true);
        email.put("MILESTONE_SENT_BACK", true);
        Map<String, Boolean> sms = new LinkedHashMap<>();
        sms.put("ATTENDANCE_CONFIRMED", false);
        sms.put("APPLICATION_SUBMITTED", true);
        sms.put("MILESTONE_SENT_BACK", true);
        return new Preferences(email, List.of("APPLICATION_SUBMITTED"), sms, List.of("APPLICATION_SUBMITTED"), "+227 … 56");
    }

    @Test
    void each_kind_has_an_e_mail_and_an_sms_column_in_words_required_ones_always_on() {
        String page = french("participant/preferences", Map.of("preferences", preferences()));

        assertThat(page).contains("Mes notifications par e-mail et par SMS", "Accusé de réception de votre candidature",
                "Place confirmée pour une journée, avec votre code de badge", "toujours", "non proposé",
                "Enregistrer mes choix", "Les SMS partent vers le +227 … 56, le numéro de votre profil.",
                "name=\"email\" value=\"PROFILE_CREATED\"");
        assertThat(page).doesNotContain("name=\"sms\" value=\"APPLICATION_SUBMITTED\"", "name=\"email\" value=\"APPLICATION_SUBMITTED\"",
                "name=\"sms\" value=\"PROFILE_CREATED\"", "??");
        assertThat(page).containsPattern("name=\"sms\" value=\"MILESTONE_SENT_BACK\"\\s+aria-describedby=\"kind-MILESTONE_SENT_BACK\" checked=\"checked\"");
        assertThat(page).containsPattern("name=\"sms\" value=\"ATTENDANCE_CONFIRMED\"\\s+aria-describedby=\"kind-ATTENDANCE_CONFIRMED\">");
    }

    @Test
    void without_a_phone_number_the_page_says_so_and_leads_to_the_profile() {
        Preferences none = preferences();
        String page = french("participant/preferences", Map.of("preferences", new Preferences(none.email(), none.required(),
                none.sms(), none.smsRequired(), null)));

        assertThat(page).contains("Votre profil n&#39;a pas de numéro de téléphone : vous ne recevez pas de SMS.",
                "href=\"/me/profile\"");
    }

    @Test
    void the_english_page_reads_in_english() {
        String page = PageRendering.render("participant/preferences", Map.of("preferences", preferences()), "saved", Locale.ENGLISH);

        assertThat(page).contains("My notifications by e-mail and SMS", "Your choices are saved.", "Receipt of your application",
                "always", "not offered", "Save my choices").doesNotContain("??");
    }

    @Test
    void the_form_switches_off_what_is_not_ticked_and_never_sends_a_required_kind() {
        Map<String, Object> request = preferences().request(Set.of("ATTENDANCE_CONFIRMED"), Set.of("ATTENDANCE_CONFIRMED"));

        assertThat(request).isEqualTo(Map.of(
                "email", Map.of("PROFILE_CREATED", false, "ATTENDANCE_CONFIRMED", true, "MILESTONE_SENT_BACK", false),
                "sms", Map.of("ATTENDANCE_CONFIRMED", true, "MILESTONE_SENT_BACK", false)));
    }
}
