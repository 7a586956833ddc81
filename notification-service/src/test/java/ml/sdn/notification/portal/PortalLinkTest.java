package ml.sdn.notification.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortalLinkTest {

    @Test
    void joins_the_portal_and_the_path_with_one_slash() {
        assertThat(PortalLink.of("https://sdn.gouv.ml", "/invitations/accept?token=abc"))
                .isEqualTo("https://sdn.gouv.ml/invitations/accept?token=abc");
        assertThat(PortalLink.of("https://sdn.gouv.ml/", "/invitations/accept?token=abc"))
                .isEqualTo("https://sdn.gouv.ml/invitations/accept?token=abc");
        assertThat(PortalLink.of("http://localhost:8080/portail", "/i/42?t=x-y_z"))
                .isEqualTo("http://localhost:8080/portail/i/42?t=x-y_z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "invitations/1", "//evil.example/accept?token=secret", "https://evil.example/?token=secret",
            "/accept?token=se cret", "/accept\\..\\x?token=secret", "/accept?token=secret\n"})
    void refuses_a_path_that_is_not_a_path_on_the_portal_without_quoting_it(String path) {
        assertThatThrownBy(() -> PortalLink.of("https://sdn.gouv.ml", path))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret").doesNotContain(path.isEmpty() ? "\u0000" : path);
    }

    @Test
    void a_missing_path_is_refused() {
        assertThatThrownBy(() -> PortalLink.of("https://sdn.gouv.ml", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sdn.gouv.ml", "ftp://sdn.gouv.ml", "https://sdn.gouv.ml/?a=b", "https://"})
    void a_portal_url_that_is_not_a_plain_http_url_is_a_configuration_error(String base) {
        assertThatThrownBy(() -> PortalLink.of(base, "/accept")).isInstanceOf(IllegalStateException.class);
    }
}
