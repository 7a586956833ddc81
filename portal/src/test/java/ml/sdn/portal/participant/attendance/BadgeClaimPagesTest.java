package ml.sdn.portal.participant.attendance;

import ml.sdn.portal.api.StubbedServices;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.ModelAndView;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static ml.sdn.portal.participant.PageRendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** The page where someone registered without an account links their badge to their account: words, form, refusals. */
class BadgeClaimPagesTest {

    private static final String CLAIMS = "http://service/api/registrations/attendance/me/badge-claims";
    private final StubbedServices services = new StubbedServices();
    private final MockRestServiceServer server = services.server();
    private final BadgeClaimController controller = new BadgeClaimController(services.apis());

    @Test
    void the_form_is_a_plain_form_posted_to_the_portal_in_french_and_english() {
        Map<String, Object> model = Map.of("form", BadgeClaimController.Form.empty());

        String fr = french(BadgeClaimController.VIEW, model);
        String en = render(BadgeClaimController.VIEW, model, null, Locale.ENGLISH);

        assertThat(fr).contains("Rattacher mon badge à mon compte", "method=\"post\"", "action=\"/me/attendance/claim\"",
                "name=\"badgeCode\"", "name=\"contact\"", "name=\"_csrf\"", "Téléphone ou adresse e-mail donnés à l’inscription");
        assertThat(en).contains("Link my badge to my account", "Phone or e-mail address given at registration");
    }

    @Test
    void the_attendance_page_links_to_it_and_says_when_the_badge_was_linked() {
        Map<String, Object> model = new HashMap<>();
        model.put("attendance", AttendanceDays.of(List.of(new AttendanceDays.Day(LocalDate.of(2026, 1, 29), 10, 1, 0, 9)), List.of()));

        assertThat(french("participant/attendance", model)).contains("href=\"/me/attendance/claim\"", "Rattacher mon badge à mon compte");
        assertThat(render("participant/attendance", model, "claimedReplaced", Locale.ENGLISH))
                .contains("Your account already had a badge");
    }

    @Test
    void a_claim_is_sent_as_typed_and_the_person_goes_back_to_their_days() {
        server.expect(requestTo(CLAIMS)).andExpect(method(HttpMethod.POST))
                .andExpect(jsonPath("$.badgeCode").value("k7qm 4tzp 9xrd hb3w"))
                .andExpect(jsonPath("$.contact").value("76 12 34 56"))
                .andRespond(withSuccess("{\"badgeCode\":\"K7QM-4TZP-9XRD-HB3W\",\"paperBadgeReplaced\":false,\"days\":[]}",
                        MediaType.APPLICATION_JSON));

        ModelAndView page = controller.claim(new BadgeClaimController.Form("k7qm 4tzp 9xrd hb3w", "76 12 34 56"),
                new ExtendedModelMap());

        server.verify();
        assertThat(page.getViewName()).isEqualTo("redirect:/me/attendance?claimed");
    }

    @Test
    void a_refusal_is_shown_next_to_its_field_with_what_was_typed_and_the_services_status() {
        server.expect(requestTo(CLAIMS)).andRespond(withStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"status":422,"detail":"Ce n'est ni le téléphone ni l'adresse e-mail donnés.",
                         "errors":[{"field":"contact","message":"Ce n'est ni le téléphone ni l'adresse e-mail donnés."}]}"""));
        ExtendedModelMap model = new ExtendedModelMap();

        ModelAndView page = controller.claim(new BadgeClaimController.Form("K7QM-4TZP-9XRD-HB3W", "70000000"), model);

        assertThat(page.getViewName()).isEqualTo(BadgeClaimController.VIEW);
        assertThat(page.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        String html = french(BadgeClaimController.VIEW, page.getModel());
        assertThat(html).contains("id=\"contact-error\"", "Ce n&#39;est ni le téléphone", "value=\"70000000\"",
                "value=\"K7QM-4TZP-9XRD-HB3W\"");
    }
}
