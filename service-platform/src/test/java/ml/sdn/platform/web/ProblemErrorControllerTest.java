package ml.sdn.platform.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The error page's problem, with the platform's bundles read as a service reads them (MessageFormat always). */
class ProblemErrorControllerTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ProblemErrorControllerTest() {
        messages.setBasenames("sdn-platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static MockHttpServletRequest failed(Throwable error) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/things");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        return request;
    }

    @Test
    void an_error_raised_in_a_filter_reads_as_a_sentence_and_says_nothing_of_its_cause() {
        LocaleContextHolder.setLocale(Locale.FRENCH);

        ProblemDetail problem = new ProblemErrorController(messages, false)
                .error(failed(new IllegalStateException("keys unavailable"))).getBody();

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getTitle()).isEqualTo("Erreur interne");
        assertThat(problem.getDetail()).isEqualTo("Une erreur inattendue s'est produite.");
        assertThat(problem.getProperties()).isNull();
    }

    @Test
    void the_builds_integration_tests_see_the_exception_and_its_causes() {
        ProblemDetail problem = new ProblemErrorController(messages, true)
                .error(failed(new IllegalStateException("outer", new java.io.IOException("inner")))).getBody();

        assertThat(problem.getProperties()).containsEntry("exception",
                "java.lang.IllegalStateException: outer <- java.io.IOException: inner");
    }
}
