package ml.sdn.portal.operations;

import ml.sdn.portal.organizer.When;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery log and the dead letters, rendered from what the services answer: words, never codes or ISO dates. */
class OperationsPagesTest {

    private static Map<String, Object> delivery(String kind, String channel, String to, String status, String lastError,
                                                int attempts) {
        Map<String, Object> delivery = new HashMap<>();
        delivery.put("id", "d-" + kind);
        delivery.put("kind", kind);
        delivery.put("channel", channel);
        delivery.put("to", to);
        delivery.put("status", status);
        delivery.put("lastError", lastError);
        delivery.put("attempts", attempts);
        delivery.put("createdAt", "2027-03-20T10:15:00Z");
        delivery.put("nextAttemptAt", "PENDING".equals(status) || "IN_DOUBT".equals(status) ? "2027-03-20T10:20:00Z" : null);
        delivery.put("sentAt", "SENT".equals(status) ? "2027-03-20T10:16:00Z" : null);
        return delivery;
    }

    private static Map<String, Object> deliveries(int page, long total) {
        Map<String, Object> result = new HashMap<>();
        result.put("items", new ArrayList<>(List.of(
                delivery("APPLICATION_SUBMITTED", "EMAIL", "awa.traore@example.org", "SENT", null, 1),
                delivery("PRESELECTED", "SMS", "+22370000045", "FAILED", "numéro inconnu de l'opérateur", 3),
                delivery("SESSION_MOVED", "EMAIL", "moussa@example.org", "PENDING", "connexion refusée", 1),
                delivery("NOT_A_KIND", "EMAIL", null, "CANCELLED", null, 0),
                delivery("AWARD_GRANTED", "SMS", "+22790000077", "IN_DOUBT",
                        "no answer from the SMSC to segment 1: connection reset — in doubt", 1))));
        result.put("page", page);
        result.put("size", 20);
        result.put("total", total);
        OperationsController.masked(result);
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("totalPages", OperationsController.totalPages(result));
        model.put("statuses", OperationsController.STATUSES);
        model.put("channels", OperationsController.CHANNELS);
        model.put("filters", new LinkedHashMap<>(Map.of("status", "FAILED", "channel", "SMS")));
        model.put("pageLink", "/organizer/deliveries?status=FAILED&channel=SMS");
        model.put("when", new When());
        return model;
    }

    @Test
    void each_delivery_is_read_in_words_with_its_recipient_masked() {
        String page = PageRendering.render("operations/deliveries", deliveries(1, 45), null, Locale.FRENCH);

        assertThat(page).contains("45 envois", "Accusé de réception de votre candidature", "e-mail", "SMS",
                        "a•••@example.org", "+223••••••45", "remis", "échec : numéro inconnu de l&#39;opérateur",
                        "en attente, prochain essai le 20 mars 2027, 10:20", "20 mars 2027, 10:15", "Remis le",
                        "20 mars 2027, 10:16", "3 essais", "un essai", "annulé (personne effacée)", "effacé avec la personne",
                        "sort incertain : l&#39;opérateur n&#39;a pas répondu à l&#39;envoi ; son accusé de réception dira "
                                + "s&#39;il l&#39;a reçu, sinon renvoi le 20 mars 2027, 10:20",
                        "<option value=\"IN_DOUBT\">sort incertain, accusé de réception attendu</option>",
                        "Page 2 sur 3", "href=\"/organizer/deliveries?status=FAILED&amp;channel=SMS&amp;page=0\"",
                        "href=\"/organizer/deliveries?status=FAILED&amp;channel=SMS&amp;page=2\"")
                .containsPattern("<option value=\"FAILED\" selected=\"selected\">échec</option>")
                .containsPattern("<option value=\"SMS\" selected=\"selected\">SMS</option>")
                .doesNotContain("awa.traore@", "+22370000045", "APPLICATION_SUBMITTED<", ">SENT<", ">FAILED<", ">IN_DOUBT<",
                        "2027-03-20", "connection reset");
        String english = PageRendering.render("operations/deliveries", deliveries(0, 4), null, Locale.ENGLISH);
        assertThat(english).contains("4 deliveries", "Receipt of your application", "failed: numéro inconnu",
                        "waiting, next attempt on", "delivered", "cancelled (person erased)",
                        "in doubt: the operator did not answer the submission; its delivery receipt will tell whether it took it, "
                                + "otherwise sent again on")
                .doesNotContain("next-page", "previous-page");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_failed_e_mail_the_service_can_send_again_has_its_button_and_the_outcome_is_said() {
        Map<String, Object> model = deliveries(0, 2);
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) model.get("result")).get("items");
        Map<String, Object> failed = delivery("APPLICATION_SUBMITTED", "EMAIL", "awa@example.org", "FAILED", "550 boîte pleine", 8);
        failed.put("canSendAgain", true);
        items.add(failed);
        OperationsController.masked((Map<String, Object>) model.get("result"));

        String page = PageRendering.render("operations/deliveries", model, "sentAgain", Locale.FRENCH);

        assertThat(page).contains("action=\"/organizer/deliveries/d-APPLICATION_SUBMITTED/send-again\"",
                "name=\"_csrf\" value=\"csrf-token\"", "Renvoyer l&#39;e-mail", "L&#39;e-mail repart dans un instant");
        assertThat(page.split("class=\"send-again\"", -1)).as("one button: the other rows cannot be sent again").hasSize(2);
        assertThat(PageRendering.render("operations/deliveries", model, "notSentAgain", Locale.ENGLISH))
                .contains("Send the e-mail again", "This e-mail was not sent again");
    }

    /** notification-service says which failure was a refusal for good ({@code refused}); the page never reads the text for it. */
    @Test
    @SuppressWarnings("unchecked")
    void an_e_mail_refused_for_good_is_said_so_with_the_servers_reply() {
        Map<String, Object> model = deliveries(0, 0);
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) model.get("result")).get("items");
        Map<String, Object> refused = delivery("PROFILE_CREATED", "EMAIL", "awa@refused.example.org", "FAILED",
                "550 5.1.1 mailbox unavailable", 1);
        refused.put("refused", true);
        items.add(refused);
        Map<String, Object> failed = delivery("APPLICATION_SUBMITTED", "EMAIL", "issa@example.org", "FAILED",
                "550 looks like a reply", 8);
        failed.put("refused", false);
        items.add(failed);
        OperationsController.masked((Map<String, Object>) model.get("result"));

        assertThat(PageRendering.render("operations/deliveries", model, null, Locale.FRENCH))
                .contains("échec : le serveur de messagerie du destinataire refuse cet e-mail pour de bon (sa réponse : "
                        + "550 5.1.1 mailbox unavailable)", "échec : 550 looks like a reply")
                .doesNotContain("refuse cet e-mail pour de bon (sa réponse : 550 looks like a reply");
        assertThat(PageRendering.render("operations/deliveries", model, null, Locale.ENGLISH))
                .contains("failed: the recipient&#39;s mail server refuses this e-mail for good (its reply: 550 5.1.1 mailbox unavailable)");
    }

    @Test
    void a_refused_filter_or_a_silent_service_is_said_on_the_page() {
        Map<String, Object> model = deliveries(0, 4);
        model.remove("result");
        model.put("totalPages", 0);
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("channel", "Cette valeur n'est pas reconnue."));
        assertThat(PageRendering.render("operations/deliveries", model, null, Locale.FRENCH))
                .contains("La demande contient des erreurs.", "id=\"channel-error\"", "Cette valeur n&#39;est pas reconnue.");

        model.remove("problem");
        model.remove("fieldErrors");
        model.put("unavailable", true);
        assertThat(PageRendering.render("operations/deliveries", model, null, Locale.FRENCH))
                .contains("Le service des notifications ne répond pas pour le moment").doesNotContain("503");
    }

    @Test
    void an_address_or_a_number_keeps_only_what_recognises_it() {
        assertThat(OperationsController.mask("awa.traore@example.org")).isEqualTo("a•••@example.org");
        assertThat(OperationsController.mask("+22670000012")).isEqualTo("+226••••••12");
        assertThat(OperationsController.mask("12345")).isEqualTo("1••45");
        assertThat(OperationsController.mask("123")).isEqualTo("•••");
        assertThat(OperationsController.mask(" ")).isNull();
        assertThat(OperationsController.mask(null)).isNull();
    }

    private static Map<String, Object> letter(String topic, String error) {
        Map<String, Object> letter = new HashMap<>();
        letter.put("id", "dl-1");
        letter.put("originalTopic", topic);
        letter.put("eventType", "ml.sdn.competition.application-submitted");
        letter.put("exceptionClass", "java.lang.IllegalStateException");
        letter.put("exceptionMessage", error);
        letter.put("deadAt", "2027-03-20T10:15:00Z");
        letter.put("replayedAt", "2027-03-21T08:00:00Z");
        letter.put("replayCount", 2);
        return letter;
    }

    @Test
    void dead_letters_are_listed_per_service_each_with_its_replay_form() {
        List<OperationsController.ServiceLetters> services = List.of(
                new OperationsController.ServiceLetters("registration", true, List.of(), 0),
                new OperationsController.ServiceLetters("competition", true,
                        List.of(letter("competition.applications", "catégorie inconnue")), 1),
                new OperationsController.ServiceLetters("incubation", false, List.of(), 0),
                new OperationsController.ServiceLetters("notification", true, List.of(), 0));

        String page = PageRendering.render("operations/dead-letters",
                Map.of("services", services, "none", false, "when", new When()), "replayed", Locale.FRENCH);

        assertThat(page).contains("Le message a été rejoué", "Le service du concours", "Un message en souffrance",
                        "Concours : candidatures", "20 mars 2027, 10:15", "catégorie inconnue", "le 21 mars 2027, 08:00 (2 fois)",
                        "action=\"/organizer/dead-letters/competition/dl-1/replay\"", "name=\"_csrf\" value=\"csrf-token\"",
                        ">Rejouer</button>", "Le service de l&#39;incubation ne répond pas pour le moment")
                .doesNotContain("Le service des inscriptions", "Aucun message en souffrance", "2027-03-20",
                        "IllegalStateException", "application-submitted");
    }

    @Test
    void with_no_dead_letter_anywhere_the_page_says_so() {
        List<OperationsController.ServiceLetters> services = OperationsController.SERVICES.keySet().stream()
                .map(name -> new OperationsController.ServiceLetters(name, true, List.of(), 0)).toList();

        String page = PageRendering.render("operations/dead-letters",
                Map.of("services", services, "none", true, "when", new When()), null, Locale.ENGLISH);

        assertThat(page).contains("No dead letters: every service has processed everything it received.")
                .doesNotContain("class=\"card dead-letter\"", "<h2>");
    }
}
