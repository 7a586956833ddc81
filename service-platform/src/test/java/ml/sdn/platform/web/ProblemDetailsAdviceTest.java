package ml.sdn.platform.web;

import ml.sdn.platform.rules.FieldProblem;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemDetailsAdviceTest {

    record Consent(Boolean accepted) {
    }

    record Body(String preferredLanguage, Consent consent) {
    }

    private static HttpMessageNotReadableException unreadable(String json) {
        JacksonException cause = catchThrowableOfType(JacksonException.class,
                () -> JsonMapper.builder().build().readValue(json, Body.class));
        return new HttpMessageNotReadableException("unreadable", cause, (HttpInputMessage) null);
    }

    @Test
    void names_the_nested_field_whose_value_has_the_wrong_type() {
        assertThat(ProblemDetailsAdvice.fieldOf(unreadable("{\"consent\":{\"accepted\":[1,2]}}"))).isEqualTo("consent.accepted");
    }

    @Test
    void gives_no_field_for_a_body_that_is_not_json() {
        assertThat(ProblemDetailsAdvice.fieldOf(unreadable("not json"))).isNull();
    }

    /** A rule's refusal carrying a fact for programs, as the door's refused badge does. */
    static final class Refused extends FieldRejectedException {
        Refused(Refusal refusal) {
            super(refusal, "badgeCode", "door.refused");
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("refusal", "UNKNOWN_BADGE");
        }
    }

    @Test
    void a_refusal_names_its_field_with_its_status_and_carries_the_facts_the_rule_adds() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("door.refused", Locale.FRENCH, "Aucun badge n'a ce code.");
        messages.addMessage("sdn.problem.validation", Locale.FRENCH, "La demande contient des erreurs.");
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.FRENCH);
        try {
            ProblemDetailsAdvice advice = new ProblemDetailsAdvice(messages);
            ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

            ResponseEntity<Object> unusable = advice.refused(new Refused(Refusal.UNUSABLE), request);
            ResponseEntity<Object> invalid = advice.refused(new Refused(Refusal.INVALID), request);

            ProblemDetail problem = (ProblemDetail) unusable.getBody();
            assertThat(unusable.getStatusCode().value()).isEqualTo(422);
            assertThat(problem.getDetail()).isEqualTo("Aucun badge n'a ce code.");
            assertThat(problem.getProperties()).containsEntry("refusal", "UNKNOWN_BADGE")
                    .containsEntry("errors", List.of(new FieldProblem("badgeCode", "Aucun badge n'a ce code.")));
            ProblemDetail badRequest = (ProblemDetail) invalid.getBody();
            assertThat(invalid.getStatusCode().value()).isEqualTo(400);
            assertThat(badRequest.getDetail()).isEqualTo("La demande contient des erreurs.");
            assertThat(badRequest.getProperties()).containsEntry("refusal", "UNKNOWN_BADGE");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
