package ml.sdn.portal.incubation;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the organizer's incubation pages ask incubation-service, and where its refusals land on the page. */
class OrganizerIncubationControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COHORT = """
            {"id":"co-1","editionId":"ed-1","name":"Cohorte 2027","startDate":"2027-01-15","endDate":"2027-07-15",
             "capacity":10,"milestones":[],"seatsTaken":0,"overCapacity":false}""";
    private static final String INCUBATEE = """
            {"id":"in-1","cohortId":"co-1","title":"Sahel Compost","womenLed":false,"status":"ACTIVE","coach":null,"sessions":0,
             "coachHistory":[]}""";
    private static final String COACHES = """
            [{"id":"c-1","name":"Coach Niger","onRoster":true,"verified":true,"activeIncubatees":2},
             {"id":"c-9","name":"Ancien","onRoster":false,"verified":true,"activeIncubatees":1}]""";

    /** As the portal's clients: a refusal becomes an ApiException with the problem's field errors. */
    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                JsonNode body = JSON.readTree(response.getBody().readAllBytes());
                List<ApiProblem.FieldMessage> errors = new ArrayList<>();
                body.path("errors").forEach(e -> errors.add(new ApiProblem.FieldMessage(e.path("field").asString(),
                        e.path("message").asString())));
                throw new ApiException(new ApiProblem(response.getStatusCode().value(), body.path("title").asString(null),
                        body.path("detail").asString(null), errors));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final OrganizerIncubationController controller = new OrganizerIncubationController(
            new Apis(client, client, client, client), PageRendering.messages());

    @BeforeEach
    void french() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static MultiValueMap<String, String> cohortForm(String start, String end) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("editionId", "ed-1");
        form.add("name", "Cohorte 2027");
        form.add("startDate", start);
        form.add("endDate", end);
        form.add("capacity", "10");
        form.put("milestoneTitle", List.of("Modèle économique", "", "MVP"));
        form.put("milestoneDays", List.of("30", "", "90"));
        return form;
    }

    private void expectCohortsPage() {
        server.expect(requestTo("http://service/api/competitions/editions")).andRespond(withSuccess("""
                [{"id":"ed-1","number":4,"year":2027,"current":true,"archived":false},
                 {"id":"ed-0","number":3,"year":2026,"current":false,"archived":true}]""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://service/api/incubation/cohorts")).andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));
    }

    private void expectIncubateePage() {
        server.expect(requestTo("http://service/api/incubation/incubatees/in-1")).andRespond(withSuccess(INCUBATEE, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://service/api/incubation/cohorts/co-1")).andRespond(withSuccess(COHORT, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://service/api/incubation/coaches")).andRespond(withSuccess(COACHES, MediaType.APPLICATION_JSON));
    }

    @Test
    void the_new_cohort_goes_to_the_service_with_its_template_and_opens_its_page() {
        server.expect(requestTo("http://service/api/incubation/cohorts")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"editionId":"ed-1","name":"Cohorte 2027","startDate":"2027-01-15","endDate":"2027-07-15","capacity":10,
                         "milestones":[{"code":"modele-economique","title":"Modèle économique","dueOffsetDays":30},
                                       {"code":"mvp","title":"MVP","dueOffsetDays":90}]}""", true))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(COHORT));

        assertThat(controller.create(cohortForm("2027-01-15", "2027-07-15"), new ExtendedModelMap()))
                .isEqualTo("redirect:/organizer/incubation/cohorts/co-1?created");
        server.verify();
    }

    @Test
    void the_blank_form_offers_the_current_edition_and_never_an_archived_one() {
        expectCohortsPage();
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(controller.cohorts(model)).isEqualTo("incubation/cohorts");

        assertThat(((CohortForm) model.get("cohortForm")).editionId()).isEqualTo("ed-1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> open = (List<Map<String, Object>>) model.get("openEditions");
        assertThat(open).extracting(e -> e.get("id")).containsExactly("ed-1");
    }

    @Test
    void a_refused_cohort_comes_back_with_every_message_next_to_its_field() {
        server.expect(requestTo("http://service/api/incubation/cohorts")).andExpect(method(HttpMethod.POST))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"title":"Requête invalide","errors":[{"field":"name","message":"Le nom est obligatoire."},
                         {"field":"milestones[1].dueOffsetDays","message":"Ce jalon tomberait le 2027-04-15"},
                         {"field":"endDate","message":"La date de fin est obligatoire (AAAA-MM-JJ)."}]}"""));
        expectCohortsPage();
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(controller.create(cohortForm("2027-01-15", "le 1er mars"), model)).isEqualTo("incubation/cohorts");

        server.verify();
        // the service's "milestones[1]" is the page's third row; the unreadable end date is said by the portal, in words
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("name", "Le nom est obligatoire.",
                "milestoneDays-2", "Ce jalon tomberait le 2027-04-15",
                "endDate", "Date illisible : choisissez-la dans le calendrier ou écrivez-la jour/mois/année (15/01/2027)."));
        assertThat(((CohortForm) model.get("cohortForm")).endDate()).isEqualTo("le 1er mars");
    }

    @Test
    void an_edition_that_has_its_cohort_already_is_said_next_to_the_edition() {
        server.expect(requestTo("http://service/api/incubation/cohorts")).andRespond(withStatus(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body("{\"title\":\"Conflit\",\"detail\":\"Cette édition a déjà sa cohorte.\"}"));
        expectCohortsPage();
        ExtendedModelMap model = new ExtendedModelMap();

        controller.create(cohortForm("2027-01-15", "2027-07-15"), model);

        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("editionId", "Cette édition a déjà sa cohorte."));
    }

    @Test
    void the_coach_is_assigned_by_id_and_only_coaches_on_the_roster_are_offered() {
        server.expect(requestTo("http://service/api/incubation/incubatees/in-1/coach")).andExpect(method(HttpMethod.PUT))
                .andExpect(content().json("{\"coachId\":\"c-1\"}", true)).andRespond(withSuccess(INCUBATEE, MediaType.APPLICATION_JSON));
        expectIncubateePage();
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(controller.assignCoach("in-1", " c-1 ", new ExtendedModelMap()))
                .isEqualTo("redirect:/organizer/incubation/incubatees/in-1?assigned");
        controller.incubatee("in-1", model);

        server.verify();
        @SuppressWarnings("unchecked")
        List<Incubation.CoachLoad> offered = (List<Incubation.CoachLoad>) model.get("coaches");
        assertThat(offered).extracting(Incubation.CoachLoad::id).containsExactly("c-1");
    }

    @Test
    void a_drop_without_reason_is_said_next_to_the_reason_and_a_second_graduation_in_words() {
        server.expect(requestTo("http://service/api/incubation/incubatees/in-1/drop")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("{\"reason\":\"\"}", true))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"title":"Requête invalide","errors":[{"field":"reason","message":"Le motif de la sortie est obligatoire."}]}"""));
        expectIncubateePage();
        server.expect(requestTo("http://service/api/incubation/incubatees/in-1/graduate")).andExpect(method(HttpMethod.POST))
                .andRespond(withStatus(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"title\":\"Conflit\",\"detail\":\"statut actuel : GRADUATED\"}"));
        expectIncubateePage();
        server.expect(requestTo("http://service/api/incubation/incubatees/in-1/drop"))
                .andExpect(content().json("{\"reason\":\"L'équipe se sépare.\"}", true))
                .andRespond(withSuccess(INCUBATEE, MediaType.APPLICATION_JSON));
        ExtendedModelMap dropped = new ExtendedModelMap();
        ExtendedModelMap graduated = new ExtendedModelMap();

        assertThat(controller.drop("in-1", "  ", dropped)).isEqualTo("incubation/incubatee");
        assertThat(controller.graduate("in-1", graduated)).isEqualTo("incubation/incubatee");
        assertThat(controller.drop("in-1", " L'équipe se sépare. ", new ExtendedModelMap()))
                .isEqualTo("redirect:/organizer/incubation/incubatees/in-1?dropped");

        server.verify();
        assertThat(dropped.get("fieldErrors")).isEqualTo(Map.of("reason", "Le motif de la sortie est obligatoire."));
        assertThat(graduated.get("fieldErrors")).isEqualTo(Map.of("graduate",
                "Cet incubé n'est plus en incubation : son statut vient de changer (voir ci-dessus)."));
    }
}
