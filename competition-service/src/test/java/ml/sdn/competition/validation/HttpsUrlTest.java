package ml.sdn.competition.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpsUrlTest {

    @Test
    void accepts_full_https_links() {
        assertThat(HttpsUrl.Validator.valid("https://example.org/deck.pdf")).isTrue();
        assertThat(HttpsUrl.Validator.valid("https://docs.google.com/presentation/d/1a2b/edit?usp=sharing")).isTrue();
        assertThat(HttpsUrl.Validator.valid("HTTPS://EXAMPLE.ORG")).isTrue();
    }

    @Test
    void refuses_other_schemes_relative_links_credentials_and_spaces() {
        assertThat(HttpsUrl.Validator.valid("http://example.org/deck.pdf")).isFalse();
        assertThat(HttpsUrl.Validator.valid("javascript:alert(1)")).isFalse();
        assertThat(HttpsUrl.Validator.valid("data:text/html,<script>")).isFalse();
        assertThat(HttpsUrl.Validator.valid("//example.org/deck.pdf")).isFalse();
        assertThat(HttpsUrl.Validator.valid("example.org/deck.pdf")).isFalse();
        assertThat(HttpsUrl.Validator.valid("https://user:secret@example.org/")).isFalse();
        assertThat(HttpsUrl.Validator.valid("https:///nohost")).isFalse();
        assertThat(HttpsUrl.Validator.valid("https://example.org/a deck.pdf")).isFalse();
        assertThat(HttpsUrl.Validator.valid(" https://example.org")).isFalse();
        assertThat(HttpsUrl.Validator.valid("")).isFalse();
    }
}
