package ml.sdn.portal.messages;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the message pages send to notification-service, where its answers end up, and how the pages read. */
class MessagePagesTest {

    private static final String REPORT = """
            {"id":"b-1","country":"NE","subjectFr":"Changement de salle","subjectEn":"Room change","sms":true,
             "recipients":12,"requestedAt":"2026-12-07T10:15:00Z","inbox":12,
             "email":{"PENDING":1,"SENT":10,"SUBMITTED":0,"DELIVERED":0,"FAILED":1,"CANCELLED":0},
             "smsDeliveries":{"PENDING":0,"SENT":0,"SUBMITTED":2,"DELIVERED":3,"FAILED":0,"CANCELLED":0}}""";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                int status = response.getStatusCode().value();
                throw new ApiException(new ApiProblem(status, "refusé", "Requête invalide", status == 400
                        ? List.of(new ApiProblem.FieldMessage("subjectFr", "l’objet dépasse 120 caractères"),
                        new ApiProblem.FieldMessage("country", "choisissez le pays"))
                        : List.of()));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    /** registration-service: the week's days, asked each time the form is shown. */
    private final RestClient.Builder registrationBuilder = RestClient.builder().baseUrl("http://registration");
    private final MockRestServiceServer registration = days(registrationBuilder);
    /** competition-service: the current edition and its categories, asked each time the form is shown. */
    private final RestClient.Builder competitionBuilder = RestClient.builder().baseUrl("http://competition");
    private final MockRestServiceServer competition = edition(competitionBuilder);
    private final Apis apis = new Apis(registrationBuilder.build(), competitionBuilder.build(), client, client);

    private static MockRestServiceServer edition(RestClient.Builder builder) {
        MockRestServiceServer edition = MockRestServiceServer.bindTo(builder).build();
        edition.expect(ExpectedCount.manyTimes(), requestTo("http://competition/api/competitions/editions/current"))
                .andRespond(withSuccess("{\"id\":\"ed-1\",\"number\":12}", MediaType.APPLICATION_JSON));
        edition.expect(ExpectedCount.manyTimes(), requestTo("http://competition/api/competitions/editions/ed-1/categories"))
                .andRespond(withSuccess("[{\"id\":\"cat-1\",\"code\":\"START_UP_CHALLENGE\",\"name\":{\"fr\":\"Start-up Challenge\","
                        + "\"en\":\"Start-up Challenge\"}}]", MediaType.APPLICATION_JSON));
        return edition;
    }

    private static MockRestServiceServer days(RestClient.Builder builder) {
        MockRestServiceServer days = MockRestServiceServer.bindTo(builder).build();
        days.expect(ExpectedCount.manyTimes(), requestTo("http://registration/api/registrations/attendance/days"))
                .andRespond(withSuccess("[{\"day\":\"2026-01-29\",\"capacity\":300},{\"day\":\"2026-01-30\",\"capacity\":300}]",
                        MediaType.APPLICATION_JSON));
        return days;
    }
    private final OrganizerMessagesController organizer = new OrganizerMessagesController(apis);
    private final CoordinatorMessagesController coordinator = new CoordinatorMessagesController(apis);

    private static MessagePages.Form typed(String audience, String country, String token) {
        return new MessagePages.Form(audience, country, null, null, null, null, "Changement de salle", "Le pitch a lieu en salle Niger.",
                "Room change", "The pitch is in the Niger room.", true, token);
    }

    @Test
    void a_send_goes_with_the_forms_token_as_idempotency_key_and_ends_on_its_report() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts")).andExpect(method(HttpMethod.POST))
                .andExpect(header("Idempotency-Key", "token-1"))
                .andExpect(content().json("""
                        {"audience":"COUNTRY","country":"NE","subjectFr":"Changement de salle","bodyFr":"Le pitch a lieu en salle Niger.",
                         "subjectEn":"Room change","bodyEn":"The pitch is in the Niger room.","sms":true}""", true))
                .andRespond(withSuccess(REPORT, MediaType.APPLICATION_JSON));

        assertThat(organizer.send(typed("COUNTRY", " NE ", "token-1"), new ExtendedModelMap()))
                .isEqualTo("redirect:/organizer/messages/b-1?sent");
        server.verify();
    }

    @Test
    void a_refused_send_shows_each_fields_error_and_comes_back_with_a_new_token_for_the_corrected_form() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts")).andRespond(withStatus(HttpStatus.BAD_REQUEST));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(organizer.send(typed("COUNTRY", "", "token-2"), model)).isEqualTo("messages/compose");

        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("subjectFr", "l’objet dépasse 120 caractères",
                "country", "choisissez le pays"));
        String renewed = ((MessagePages.Form) model.get("form")).token();
        assertThat(renewed).isNotBlank().isNotEqualTo("token-2");
        String page = PageRendering.french("messages/compose", model);
        assertThat(page).contains("id=\"subjectFr-error\"", "l’objet dépasse 120 caractères", "id=\"country-error\"",
                "choisissez le pays", "value=\"" + renewed + "\"", "Le pitch a lieu en salle Niger.");
    }

    @Test
    void the_preview_counts_the_audience_as_typed_and_says_it_in_words() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts/audience?audience=COUNTRY&country=NE"))
                .andRespond(withSuccess("{\"audience\":\"COUNTRY\",\"country\":\"NE\",\"people\":12}", MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        organizer.preview(typed("COUNTRY", "NE", "token-3"), model);

        server.verify();
        assertThat(PageRendering.french("messages/compose", model)).contains("Ce message ira à 12 personnes de la délégation Niger.");
        assertThat(PageRendering.render("messages/compose", model, null, Locale.ENGLISH))
                .contains("This message will reach 12 people of the Niger delegation.", "Subject, in French");
    }

    @Test
    void a_coordinator_names_no_audience_the_service_counts_their_delegation() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts/audience"))
                .andRespond(withSuccess("{\"audience\":\"COUNTRY\",\"country\":\"BF\",\"people\":4}", MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(coordinator.compose(model)).isEqualTo("messages/compose");

        server.verify();
        String page = PageRendering.french("messages/compose", model);
        assertThat(page).contains("Ce message ira à 4 personnes de la délégation Burkina Faso.", "action=\"/coordinator/messages\"",
                "Retour à ma délégation", "Toute ma délégation", "Les jurés d’une catégorie")
                .doesNotContain("value=\"EVERYONE\"", "name=\"country\"");
    }

    @Test
    void a_tampered_country_from_a_coordinator_is_the_services_refusal_and_the_not_allowed_page() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("{\"country\":\"NE\"}"))
                .andRespond(withStatus(HttpStatus.FORBIDDEN));

        assertThatThrownBy(() -> coordinator.send(typed(null, "NE", "token-4"), new ExtendedModelMap()))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.status()).isEqualTo(403));
        server.verify();
    }

    @Test
    void the_report_says_each_channel_in_words_in_both_languages() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts/b-1"))
                .andRespond(withSuccess(REPORT, MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(organizer.report("b-1", model)).isEqualTo("messages/report");

        String french = PageRendering.render("messages/report", model, "sent", Locale.FRENCH);
        assertThat(french).contains("Changement de salle", "Niger", "12 personnes", "12 messages écrits",
                "10 envoyé(s), 1 en attente, 1 en échec", "3 remis, 2 transmis à l’opérateur, 0 en attente, 0 en échec",
                "7 décembre 2026, 10:15", "Le message est parti").doesNotContain(">NE<", "2026-12-07");
        String english = PageRendering.render("messages/report", model, null, Locale.ENGLISH);
        assertThat(english).contains("Room change", "10 sent, 1 waiting, 1 failed", "3 delivered")
                .doesNotContain("Le message est parti");
    }

    @Test
    void the_report_says_how_many_sms_the_budget_stopped() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts/b-1"))
                .andRespond(withSuccess(REPORT.replace("\"CANCELLED\":0}}", "\"CANCELLED\":0,\"NOT_SENT\":4}}"),
                        MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();
        organizer.report("b-1", model);

        assertThat(PageRendering.render("messages/report", model, null, Locale.FRENCH))
                .contains("4 non envoyés : budget SMS atteint").doesNotContain("NOT_SENT");
        assertThat(PageRendering.render("messages/report", model, null, Locale.ENGLISH))
                .contains("4 not sent: SMS budget reached");
    }

    @Test
    void a_day_narrows_the_count_and_the_form_offers_the_weeks_days_in_words() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts/audience?audience=COUNTRY&country=NE&day=2026-01-29"))
                .andRespond(withSuccess("{\"audience\":\"COUNTRY\",\"country\":\"NE\",\"day\":\"2026-01-29\",\"people\":3}",
                        MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        organizer.preview(new MessagePages.Form("COUNTRY", "NE", "2026-01-29", null, null, null, "Rappel", "Demain 9 h.", "Reminder",
                "Tomorrow 9 am.", false, "token-5"), model);

        server.verify();
        String page = PageRendering.french("messages/compose", model);
        assertThat(page).contains("Ce message ira à 3 personnes de la délégation Niger.",
                "Parmi les personnes qui ont une place le jeudi 29 janvier 2026.", "name=\"day\"",
                "<option value=\"2026-01-29\" selected=\"selected\">jeudi 29 janvier 2026</option>", "vendredi 30 janvier 2026")
                .doesNotContain(">2026-01-29<");
    }

    @Test
    void a_categorys_preselected_applicants_are_counted_and_said_in_words_and_the_form_offers_the_editions_categories() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts/audience?audience=APPLICANTS&country=NE"
                        + "&category=cat-1&status=PRESELECTED&edition=ed-1"))
                .andRespond(withSuccess("""
                        {"audience":"APPLICANTS","country":"NE","category":"cat-1","categoryCode":"START_UP_CHALLENGE",
                         "status":"PRESELECTED","people":3}""", MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        organizer.preview(new MessagePages.Form("APPLICANTS", "NE", null, "cat-1", "PRESELECTED", "ed-1", "Rappel", "Demain 9 h.",
                "Reminder", "Tomorrow 9 am.", false, "token-6"), model);

        server.verify();
        String page = PageRendering.french("messages/compose", model);
        assertThat(page).contains("Ce message ira à 3 personnes :", "Les candidats de la catégorie Start-up Challenge, candidature "
                        + "présélectionnée, délégation : Niger.", "<option value=\"cat-1\" selected=\"selected\">Start-up Challenge</option>",
                "name=\"edition\" value=\"ed-1\"", "value=\"EVERYONE\"")
                .doesNotContain("START_UP_CHALLENGE", "PRESELECTED<");
        assertThat(PageRendering.render("messages/compose", model, null, Locale.ENGLISH))
                .contains("This message will reach 3 people:", "The applicants of the Start-up Challenge category, application preselected");
    }

    @Test
    void the_messages_sent_are_listed_with_their_audience_and_delivery_in_words() {
        server.expect(requestTo("http://service/api/notifications/admin/broadcasts"))
                .andRespond(withSuccess("[" + REPORT.replace("\"country\":\"NE\"", "\"audience\":\"CHECKED_IN\",\"country\":\"NE\","
                        + "\"day\":\"2026-01-29\"") + "]", MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(coordinator.sent(model)).isEqualTo("messages/sent");

        server.verify();
        assertThat(PageRendering.french("messages/sent", model)).contains("Changement de salle",
                "Les personnes entrées le jeudi 29 janvier 2026, délégation : Niger.", "12 personnes",
                "Messagerie : 12 écrit(s) ; e-mail : 10 envoyé(s), 1 en attente, 1 en échec", "SMS : 3 remis, 2 en cours, 0 en échec",
                "href=\"/coordinator/messages/b-1\"").doesNotContain("CHECKED_IN", "2026-01-29<");
    }
}
