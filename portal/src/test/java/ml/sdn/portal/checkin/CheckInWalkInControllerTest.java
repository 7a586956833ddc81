package ml.sdn.portal.checkin;

import ml.sdn.portal.api.StubbedServices;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** The door's walk-in form without the script: what it sends registration-service, and where the answers end up. */
class CheckInWalkInControllerTest {

    private static final String SERVICE = "http://service/api/registrations/attendance";
    private final StubbedServices services = new StubbedServices();
    private final MockRestServiceServer server = services.server();
    private final CheckInController controller = new CheckInController(services.apis(), PageRendering.messages());

    private void days() {
        server.expect(requestTo(SERVICE + "/days")).andRespond(withSuccess("[{\"day\":\"2026-01-29\"}]", MediaType.APPLICATION_JSON));
    }

    private static DoorDesk.WalkInForm form(String name, String phone) {
        return new DoorDesk.WalkInForm("walk-in-1", name, "PRESS", "NE", "Radio Kledu", phone, "");
    }

    @Test
    void the_walk_in_goes_to_the_door_with_the_forms_client_id_and_the_code_comes_back_to_be_written_down() {
        days();
        server.expect(requestTo(SERVICE + "/days/2026-01-29/door-walk-ins")).andExpect(method(HttpMethod.POST))
                .andExpect(jsonPath("$.clientId").value("walk-in-1"))
                .andExpect(jsonPath("$.door").value("A"))
                .andExpect(jsonPath("$.name").value("Hadiza Issoufou"))
                .andExpect(jsonPath("$.country").value("NE"))
                .andRespond(withSuccess("""
                        {"clientId":"walk-in-1","outcome":"REGISTERED","name":"Hadiza Issoufou","badgeCode":"K7QM-4TZP-9XRD-HB3W",
                         "checkedInAt":"2026-01-29T09:12:30Z","door":"A"}""", MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        ModelAndView page = controller.walkIn("2026-01-29", "A", form("Hadiza Issoufou", "+227 90 12 34 56"), model);

        server.verify();
        assertThat(page.getViewName()).isEqualTo("checkin/door");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        DoorDesk.WalkIn walkIn = (DoorDesk.WalkIn) page.getModel().get("walkIn");
        assertThat(walkIn.badgeCode()).isEqualTo("K7QM-4TZP-9XRD-HB3W");
        assertThat(walkIn.category()).isEqualTo("PRESS");
        assertThat(((DoorDesk.WalkInForm) page.getModel().get("walkInForm")).clientId())
                .as("a fresh form for the next person").isNotEqualTo("walk-in-1");
    }

    @Test
    void every_refused_detail_is_kept_for_its_field_with_the_form_as_typed() {
        days();
        server.expect(requestTo(SERVICE + "/days/2026-01-29/door-walk-ins")).andRespond(withStatus(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"status":400,"detail":"La demande contient des erreurs.","errors":[
                         {"field":"name","message":"le nom est obligatoire"},
                         {"field":"phone","message":"le téléphone a de 8 à 15 chiffres"}]}"""));
        ExtendedModelMap model = new ExtendedModelMap();
        DoorDesk.WalkInForm typed = form("", "12");

        ModelAndView page = controller.walkIn("2026-01-29", "A", typed, model);

        assertThat(page.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getModel().get("walkInForm")).isEqualTo(typed);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) page.getModel().get("fieldErrors");
        assertThat(errors).containsOnlyKeys("name", "phone");
        assertThat(page.getModel().get("walkIn")).isNull();
    }

    @Test
    void without_a_day_and_door_nothing_is_sent() {
        days();
        ExtendedModelMap model = new ExtendedModelMap();

        ModelAndView page = controller.walkIn(null, "", form("Hadiza Issoufou", "+227 90 12 34 56"), model);

        server.verify();
        assertThat(page.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getModel()).containsKey("fieldErrors");
    }
}
