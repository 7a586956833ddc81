package ml.sdn.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_same_request_has_the_same_fingerprint() {
        assertThat(RequestFingerprint.of("POST", "/api/x/organizations", null, json("{\"name\":\"A\"}")))
                .isEqualTo(RequestFingerprint.of("POST", "/api/x/organizations", null, json("{\"name\":\"A\"}")))
                .hasSize(64);
    }

    @Test
    void another_body_path_query_or_method_changes_it() {
        String first = RequestFingerprint.of("POST", "/api/x/organizations", null, json("{\"name\":\"A\"}"));

        assertThat(RequestFingerprint.of("POST", "/api/x/organizations", null, json("{\"name\":\"B\"}"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST", "/api/x/organisations", null, json("{\"name\":\"A\"}"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST", "/api/x/organizations", "dry=1", json("{\"name\":\"A\"}"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("PUT", "/api/x/organizations", null, json("{\"name\":\"A\"}"))).isNotEqualTo(first);
    }

    @Test
    void the_body_is_compared_byte_for_byte_whitespace_included() {
        assertThat(RequestFingerprint.of("POST", "/p", null, json("{\"a\":1}")))
                .isNotEqualTo(RequestFingerprint.of("POST", "/p", null, json("{ \"a\": 1 }")));
    }

    @Test
    void parts_cannot_run_into_each_other() {
        assertThat(RequestFingerprint.of("POST", "/a", "b", new byte[0]))
                .isNotEqualTo(RequestFingerprint.of("POST", "/ab", null, new byte[0]))
                .isNotEqualTo(RequestFingerprint.of("POST", "/a", null, json("b")));
    }

    @Test
    void no_body_and_an_empty_body_are_the_same_request() {
        assertThat(RequestFingerprint.of("POST", "/p", null, null)).isEqualTo(RequestFingerprint.of("POST", "/p", null, new byte[0]));
    }
}
