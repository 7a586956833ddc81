package ml.sdn.portal.sms;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the SMS budget form sends to notification-service, and where each refusal ends up. */
class SmsBudgetControllerTest {

    private static final String FIGURES = """
            {"edition":"2027","editionSegments":100000,"dailySegments":20000,"setByOrganizers":false,"editionUsed":120,
             "day":"2027-01-28","dayUsed":12,"counts":[]}""";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw new ApiException(new ApiProblem(400, "refusé", "Certaines valeurs ne conviennent pas.",
                        List.of(new ApiProblem.FieldMessage("editionSegments", "indiquez un nombre de segments (0 : pas de limite)"),
                                new ApiProblem.FieldMessage("dailySegments", "doit être un nombre de segments entre 0 (pas de limite) et 10 000 000"))));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final SmsBudgetController controller = new SmsBudgetController(new Apis(client, client, client, client),
            PageRendering.messages());

    @Test
    void limits_typed_with_spaces_are_sent_as_numbers_and_the_page_says_they_are_saved() {
        server.expect(requestTo("http://service/api/notifications/admin/sms/budget")).andExpect(method(HttpMethod.PUT))
                .andExpect(content().json("{\"editionSegments\":150000,\"dailySegments\":0}"))
                .andRespond(withSuccess(FIGURES, MediaType.APPLICATION_JSON));

        assertThat(controller.change("150 000", "0", new ExtendedModelMap())).isEqualTo("redirect:/organizer/sms-budget?saved");
        server.verify();
    }

    @Test
    void a_word_and_a_negative_number_are_both_named_next_to_their_fields() {
        server.expect(requestTo("http://service/api/notifications/admin/sms/budget")).andExpect(method(HttpMethod.PUT))
                .andExpect(content().json("{\"editionSegments\":null,\"dailySegments\":-3}"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST));
        server.expect(requestTo("http://service/api/notifications/admin/sms"))
                .andRespond(withSuccess(FIGURES, MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        LocaleContextHolder.setLocale(Locale.FRENCH); // as the portal's locale resolver does for a French page
        try {
            assertThat(controller.change("beaucoup", "-3", model)).isEqualTo("sms/budget");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        String page = PageRendering.render("sms/budget", model, null, Locale.FRENCH);

        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.get("fieldErrors");
        assertThat(errors).containsOnlyKeys("editionSegments", "dailySegments");
        assertThat(errors.get("editionSegments")).isEqualTo("indiquez un nombre entier de segments, par exemple 20 000");
        assertThat(page).contains("value=\"beaucoup\"", "value=\"-3\"", "12 segments sur 20 000",
                "doit être un nombre de segments entre 0");
        server.verify();
    }
}
