package ml.sdn.portal.sms;

import ml.sdn.portal.organizer.Statistics;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMS figures and the budget form, rendered from what notification-service answers: words, never codes. */
class SmsPagesTest {

    private static Map<String, Object> sms(long dailySegments) {
        Map<String, Object> sms = new HashMap<>();
        sms.put("edition", "2027");
        sms.put("editionSegments", 100000);
        sms.put("dailySegments", dailySegments);
        sms.put("setByOrganizers", false);
        sms.put("editionUsed", 12345);
        sms.put("day", "2027-01-28");
        sms.put("dayUsed", 812);
        Map<String, Object> unknownCountry = new HashMap<>(Map.of("kind", "ATTENDANCE_REMINDER", "messages", 2, "segments", 2,
                "notSent", 0));
        unknownCountry.put("country", null);
        sms.put("counts", List.of(
                Map.of("kind", "APPLICATION_SUBMITTED", "country", "NE", "messages", 1200, "segments", 3600, "notSent", 0),
                Map.of("kind", "ATTENDANCE_REMINDER", "country", "BF", "messages", 640, "segments", 640, "notSent", 35),
                unknownCountry));
        return sms;
    }

    private static Map<String, Object> statsPage(Map<String, Object> sms) {
        Map<String, Object> model = new HashMap<>();
        model.put("stats", Statistics.of(Map.of("participants", Map.of("total", 7), "organizations", Map.of("total", 5))));
        model.put("sms", sms);
        model.put("smsRows", sms.get("counts"));
        return model;
    }

    @Test
    void the_statistics_count_sms_by_kind_and_country_in_words_with_the_budget_spent() {
        String french = PageRendering.render("organizer/stats", statsPage(sms(20000)), null, Locale.FRENCH);
        String english = PageRendering.render("organizer/stats", statsPage(sms(0)), null, Locale.ENGLISH);

        assertThat(french).contains("SMS envoyés", "Accusé de réception de votre candidature", "Niger", "Burkina Faso",
                "Pays inconnu", "1 200", "3 600", "12 345 segments sur 100 000", "812 segments sur 20 000",
                "jeudi 28 janvier 2027", "/organizer/sms-budget")
                .doesNotContain("APPLICATION_SUBMITTED", "ATTENDANCE_REMINDER", ">NE<", ">BF<", "2027-01-28");
        assertThat(english).contains("Text messages sent", "Reminder the day before a day", "812 segments, no limit",
                "Thursday 28 January 2027");
    }

    @Test
    void a_notification_service_that_does_not_answer_leaves_the_other_figures() {
        Map<String, Object> model = new HashMap<>();
        model.put("stats", Statistics.of(Map.of("participants", Map.of("total", 7), "organizations", Map.of("total", 5))));
        model.put("smsUnavailable", true);

        assertThat(PageRendering.render("organizer/stats", model, null, Locale.FRENCH))
                .contains("Les chiffres des SMS ne sont pas disponibles").doesNotContain("sms-counts");
    }

    @Test
    void the_budget_form_shows_each_error_next_to_its_field() {
        Map<String, Object> model = new HashMap<>();
        model.put("sms", sms(20000));
        model.put("form", Map.of("editionSegments", "beaucoup", "dailySegments", "-3"));
        model.put("problem", "Certaines valeurs ne conviennent pas.");
        model.put("fieldErrors", Map.of("editionSegments", "indiquez un nombre entier de segments, par exemple 20 000",
                "dailySegments", "doit être un nombre de segments entre 0 (pas de limite) et 10 000 000"));

        String page = PageRendering.render("sms/budget", model, null, Locale.FRENCH);

        assertThat(page).contains("Budget de l&#39;édition 2027 (segments)", "id=\"editionSegments-error\"",
                "id=\"dailySegments-error\"", "value=\"beaucoup\"", "value=\"-3\"", "inputmode=\"numeric\"");
        assertThat(PageRendering.render("sms/budget", Map.of("sms", sms(0), "form", Map.of("editionSegments", "100000",
                "dailySegments", "0")), "saved", Locale.ENGLISH)).contains("Limits saved.", "SMS budget");
    }
}
