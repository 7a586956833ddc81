package ml.sdn.incubation.milestones;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpsUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://drive.example.org/preuve.pdf", "HTTPS://example.org", "https://example.org/a?b=c#d"})
    void keeps_full_https_links(String link) {
        assertThat(HttpsUrl.Validator.valid(link)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org", "javascript:alert(1)", "data:text/html,x", "https://user:pw@example.org",
            "example.org/preuve.pdf", "https:///nohost", " https://example.org", "https://exa mple.org"})
    void refuses_anything_else(String link) {
        assertThat(HttpsUrl.Validator.valid(link)).isFalse();
    }
}
