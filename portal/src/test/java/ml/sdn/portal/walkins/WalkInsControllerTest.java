package ml.sdn.portal.walkins;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the walk-in pages send registration-service, and where its answers and refusals end up. */
class WalkInsControllerTest {

    private static final String DAYS = "[{\"day\":\"2026-01-28\"},{\"day\":\"2026-01-29\"},{\"day\":\"2026-01-30\"}]";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                JsonNode problem = JSON.readTree(response.getBody().readAllBytes());
                List<ApiProblem.FieldMessage> errors = new ArrayList<>();
                problem.path("errors").forEach(e -> errors.add(new ApiProblem.FieldMessage(e.path("field").asString(),
                        e.path("message").asString())));
                throw new ApiException(new ApiProblem(response.getStatusCode().value(), "refusé",
                        problem.path("detail").asString(null), errors));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    // in Bamako it is 29 January: the 28th is over and not offered
    private final WalkInsController controller = new WalkInsController(new Apis(client, client, client, client),
            PageRendering.messages(), Clock.fixed(Instant.parse("2026-01-29T08:00:00Z"), ZoneOffset.UTC));

    @org.junit.jupiter.api.BeforeEach
    void french() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
    }

    @org.junit.jupiter.api.AfterEach
    void noLocale() {
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    private void days() {
        server.expect(requestTo("http://service/api/registrations/attendance/days"))
                .andRespond(withSuccess(DAYS, MediaType.APPLICATION_JSON));
    }

    @Test
    void a_coordinators_form_sends_no_country_whatever_was_slipped_into_it_and_shows_the_badge_code() {
        server.expect(requestTo("http://service/api/registrations/attendance/walk-ins")).andExpect(method(HttpMethod.POST))
                .andExpect(jsonPath("$.country").doesNotExist())
                .andExpect(jsonPath("$.name").value("Salif Ouédraogo"))
                .andExpect(jsonPath("$.days[0]").value("2026-01-29"))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body("""
                        {"walkInId":"walkin:1","name":"Salif Ouédraogo","category":"DELEGATION_MEMBER","country":"BF",
                         "badgeCode":"K7QM-4TZP-9XRD-HB3W","days":[{"day":"2026-01-29","newlyRegistered":true}]}"""));
        days();
        ExtendedModelMap model = new ExtendedModelMap();

        ModelAndView page = controller.registerByCoordinator(new WalkInsController.Form("Salif Ouédraogo", "DELEGATION_MEMBER",
                "ML", "", "+226 70 00 00 01", "", List.of("2026-01-29")), model);

        server.verify();
        assertThat(page.getViewName()).isEqualTo("walkins/walk-ins");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(((WalkInsController.WalkIn) model.get("registered")).badgeCode()).isEqualTo("K7QM-4TZP-9XRD-HB3W");
        assertThat(model.get("days")).asString().doesNotContain("2026-01-28").contains("2026-01-29", "2026-01-30");
        assertThat(((WalkInsController.Form) model.get("form")).name()).isEmpty();
    }

    @Test
    void every_field_the_service_refuses_is_kept_for_its_field_and_what_was_typed_stays() {
        server.expect(requestTo("http://service/api/registrations/attendance/walk-ins"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"detail":"La demande contient des champs invalides.","errors":[
                         {"field":"name","message":"le nom est obligatoire"},
                         {"field":"phone","message":"indiquez un téléphone ou une adresse e-mail"},
                         {"field":"email","message":"indiquez un téléphone ou une adresse e-mail"},
                         {"field":"days","message":"choisissez au moins une journée"}]}"""));
        days();
        ExtendedModelMap model = new ExtendedModelMap();
        WalkInsController.Form typed = new WalkInsController.Form(" ", "PRESS", "SN", "Dakar Média", "", "", null);

        ModelAndView page = controller.registerByOrganizer(typed, model);

        assertThat(page.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(model.get("fieldErrors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("name", "phone", "email", "days");
        assertThat(model.get("form")).isEqualTo(typed);
    }

    @Test
    void a_file_goes_to_the_service_as_csv_with_the_days_and_the_report_comes_back() throws Exception {
        byte[] csv = "Awa Traoré;speaker;ML;;;awa@exemple.ml\n".getBytes(StandardCharsets.UTF_8);
        server.expect(requestTo("http://service/api/registrations/attendance/walk-ins/import?day=2026-01-29&day=2026-01-30"))
                .andExpect(method(HttpMethod.POST)).andExpect(header("Content-Type", "text/csv"))
                .andExpect(content().bytes(csv))
                .andRespond(withSuccess("""
                        {"registered":1,"alreadyRegistered":0,"rejected":0,
                         "lines":[{"line":1,"name":"Awa Traoré","outcome":"REGISTERED","badgeCode":"K7QM-4TZP-9XRD-HB3W"}]}""",
                        MediaType.APPLICATION_JSON));
        days();
        ExtendedModelMap model = new ExtendedModelMap();

        ModelAndView page = controller.importByOrganizer(new MockMultipartFile("file", "invites.csv", "text/csv", csv),
                List.of("2026-01-29", "2026-01-30"), model);

        server.verify();
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        WalkInsController.Report report = (WalkInsController.Report) model.get("report");
        assertThat(report.lines()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo("REGISTERED");
            assertThat(line.errors()).isEmpty();
        });
        assertThat(model.get("importDays")).isEqualTo(List.of("2026-01-29", "2026-01-30"));
    }

    @Test
    void no_file_and_no_day_are_both_said_at_once_without_asking_the_service_and_its_days_refusal_lands_on_the_days() throws Exception {
        days();
        ExtendedModelMap nothing = new ExtendedModelMap();

        ModelAndView empty = controller.importByOrganizer(null, null, nothing);

        server.verify();
        assertThat(empty.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nothing.get("fieldErrors")).isEqualTo(Map.of("file", "choisissez un fichier CSV",
                "importDays", "choisissez au moins une journée"));

        server.reset();
        server.expect(requestTo("http://service/api/registrations/attendance/walk-ins/import"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"errors":[{"field":"days","message":"choisissez au moins une journée"},
                         {"field":"file","message":"le fichier n'est pas en UTF-8"}]}"""));
        days();
        ExtendedModelMap refused = new ExtendedModelMap();

        controller.importByCoordinator(new MockMultipartFile("file", "x.csv", "text/csv", new byte[]{(byte) 0xE9}), List.of(),
                refused);

        server.verify();
        assertThat(refused.get("fieldErrors")).isEqualTo(Map.of("importDays", "choisissez au moins une journée",
                "file", "le fichier n'est pas en UTF-8"));
    }
}
