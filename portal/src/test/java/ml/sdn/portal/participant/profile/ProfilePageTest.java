package ml.sdn.portal.participant.profile;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static ml.sdn.portal.participant.PageRendering.render;
import static org.assertj.core.api.Assertions.assertThat;

class ProfilePageTest {

    @Test
    void a_first_visit_asks_to_complete_the_profile_and_a_refused_consent_shows_next_to_the_box() {
        Map<String, Object> model = new HashMap<>();
        model.put("profile", null);
        model.put("form", Map.of("city", "Ouagadougou"));
        model.put("fieldErrors", Map.of("consent.accepted", "le consentement doit être accepté"));

        String page = french("participant/profile", model);

        assertThat(page).contains("Complétez votre profil", "Burkina Faso", "awa@example.org", "value=\"Ouagadougou\"",
                "id=\"consent.accepted-error\"", "le consentement doit être accepté", "Enregistrer mon profil");
    }

    @Test
    void a_saved_profile_shows_the_consent_date_and_the_choices() {
        Profile profile = new Profile("id-1", "awa", "Awa", "awa@example.org", "BF", "+22670123456", "Ouagadougou", "Centre",
                "FEMALE", "en", new Profile.Consent(true, "2026-01", Instant.parse("2026-11-28T10:00:00Z")), null, null);
        Map<String, Object> model = new HashMap<>();
        model.put("profile", profile);
        model.put("form", profile.form());
        model.put("consentAt", LocalDateTime.of(2026, 11, 28, 10, 0));

        String page = render("participant/profile", model, "saved", Locale.FRENCH);

        assertThat(page).contains("Votre profil est enregistré.", "Conditions 2026-01 acceptées le 28 novembre 2026, 10:00",
                "<option value=\"FEMALE\" selected=\"selected\">", "<option value=\"en\" selected=\"selected\">", "checked=\"checked\"");
    }

    @Test
    void the_delegation_shown_is_the_registered_profiles_not_the_country_the_person_set_in_their_account() {
        Profile registeredInMali = new Profile("id-1", "awa", "Awa", "awa@example.org", "ML", null, null, null,
                "FEMALE", "fr", new Profile.Consent(true, "2026-01", Instant.parse("2026-11-28T10:00:00Z")), null, null);
        Map<String, Object> model = new HashMap<>();
        model.put("profile", registeredInMali);
        model.put("form", registeredInMali.form());

        String page = french("participant/profile", model); // the token (see PageRendering) says BF

        assertThat(page).contains("<dd>Mali</dd>").doesNotContain("<dd>Burkina Faso</dd>");
    }
}
