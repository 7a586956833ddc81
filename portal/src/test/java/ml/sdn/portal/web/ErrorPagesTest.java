package ml.sdn.portal.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.NoHandlerFoundException;

import java.util.Locale;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static ml.sdn.portal.participant.PageRendering.render;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorPagesTest {

    private final ErrorPages pages = new ErrorPages();

    @Test
    void an_unknown_address_is_the_not_found_page_of_the_layout() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();

        String view = pages.notFound(new MockHttpServletRequest("GET", "/programme"), response, model);

        assertThat(view).isEqualTo("error/problem");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(model).containsEntry("status", 404).containsKey("user").containsKey("csrf");
        assertThat(pages.failed(new NoHandlerFoundException("GET", "/programme", new HttpHeaders()),
                new MockHttpServletRequest(), new MockHttpServletResponse(), new ExtendedModelMap())).isEqualTo("error/problem");
    }

    @Test
    void a_page_that_fails_is_a_server_error_page_of_the_layout() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();

        String view = pages.failed(new IllegalStateException("boom"), new MockHttpServletRequest("GET", "/me/profile"), response, model);

        assertThat(view).isEqualTo("error/problem");
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(model).containsEntry("status", 500);
        assertThat(french("error/problem", Map.of("status", 500))).contains("La page n&#39;a pas pu s&#39;afficher",
                "Se déconnecter", "action=\"/logout\"", "Awa Ouédraogo");
    }

    @Test
    void a_reader_gone_mid_page_gets_no_page_and_no_error_log() {
        assertThat(pages.failed(new AsyncRequestNotUsableException("Broken pipe"),
                new MockHttpServletRequest(), new MockHttpServletResponse(), new ExtendedModelMap())).isNull();
    }

    @Test
    void boots_error_view_has_the_header_too() {
        String page = render("error", Map.of("status", 500), null, Locale.ENGLISH);

        assertThat(page).contains("<header class=\"top\">", "Sign out", "action=\"/logout\"", "This page could not be shown.");
        assertThat(french("error", Map.of("status", 404))).contains("Cette page n&#39;existe pas", "Se déconnecter");
    }
}
