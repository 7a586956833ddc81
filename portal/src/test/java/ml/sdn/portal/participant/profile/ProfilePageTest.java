package ml.sdn.portal.participant.profile;

import org.junit.jupiter.api.Test;

import ml.sdn.portal.web.CurrentUser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

        assertThat(page).as("what to do next, in order").contains("Complétez votre profil ci-dessous, puis enregistrez votre organisation",
                "puis déposez votre candidature");
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

        assertThat(page).contains("Votre profil est enregistré.", "Conditions de janvier 2026 acceptées le 28 novembre 2026, 10:00",
                "value=\"+226 70 12 34 56\"", "<option value=\"FEMALE\" selected=\"selected\">", "<option value=\"en\" selected=\"selected\">", "checked=\"checked\"");
    }

    @Test
    void the_phone_hint_gives_an_example_of_the_persons_own_country() {
        Map<String, Object> model = new HashMap<>();
        model.put("profile", null);
        model.put("form", Map.of());
        model.put("user", new CurrentUser("id-2", "moussa", "Moussa Issa", "moussa@example.org", "NE", Set.of("participant"), "token"));

        assertThat(french("participant/profile", model)).contains("+227 93 12 34 56").doesNotContain("+226");
        model.put("user", new CurrentUser("id-3", "aminata", "Aminata Traoré", "aminata@example.org", "ML", Set.of("participant"), "token"));
        assertThat(render("participant/profile", model, null, Locale.ENGLISH)).contains("A number from Mali", "+223 65 01 23 45")
                .doesNotContain("+226");
    }

    @Test
    void a_saved_profile_links_to_the_export_and_to_the_erasure_and_a_first_visit_does_not() {
        Map<String, Object> model = new HashMap<>();
        model.put("profile", savedProfile());
        model.put("form", savedProfile().form());

        assertThat(french("participant/profile", model)).contains("href=\"/me/profile/export\"", "Télécharger mes données",
                "href=\"/me/profile/erase\"", "Supprimer mon compte");
        model.put("profile", null);
        assertThat(french("participant/profile", model)).doesNotContain("/me/profile/export", "/me/profile/erase");
    }

    @Test
    void the_erasure_asks_for_confirmation_saying_what_goes_and_what_is_kept_anonymised() {
        String french = french("participant/erase", Map.of());
        String english = render("participant/erase", Map.of(), null, Locale.ENGLISH);

        assertThat(french).contains("Ce qui est effacé", "Ce qui est gardé, sans votre nom (anonymisé)",
                "<form method=\"post\" action=\"/me/profile/erase\">", "name=\"_csrf\" value=\"csrf-token\"",
                "Effacer définitivement mes données", "href=\"/me/profile\"").doesNotContain("<script>");
        assertThat(english).contains("What is erased", "What is kept, without your name (anonymised)", "Erase my data for good");
    }

    @Test
    void after_the_erasure_the_page_says_so_instead_of_welcoming() {
        Map<String, Object> model = new HashMap<>();
        model.put("profile", null);
        model.put("form", Map.of());

        assertThat(render("participant/profile", model, "erased", Locale.FRENCH))
                .contains("Vos données personnelles sont effacées.").doesNotContain("Bienvenue !");
    }

    private static Profile savedProfile() {
        return new Profile("id-1", "awa", "Awa", "awa@example.org", "BF", "+22670123456", "Ouagadougou", "Centre",
                "FEMALE", "en", new Profile.Consent(true, "2026-01", Instant.parse("2026-11-28T10:00:00Z")), null, null);
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
