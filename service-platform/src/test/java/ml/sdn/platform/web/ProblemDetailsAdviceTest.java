package ml.sdn.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

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
}
