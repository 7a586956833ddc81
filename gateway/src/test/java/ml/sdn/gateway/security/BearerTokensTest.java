package ml.sdn.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's bearer token converter gives Spring Security's answer to every header, well formed or not. */
class BearerTokensTest {

    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final BearerTokens plain = new BearerTokens();

    @Test
    void the_same_answers_as_spring_security() {
        List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc.def-ghi_jkl~mno+pqr/stu==",
                "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer abc\n", "Bearer ab=c", "Bearer ===", "Bearer a===",
                "Bearer\tabc", "Bearerabc", "Basic dXNlcjpwYXNz", "bear abc", "", "Bearer a\u00e9b", "Bearer abc,def",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
        Random random = new Random(17);
        String alphabet = "aZ09-._~+/= \t,;\"\u00e9\n";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : random.nextBoolean() ? "bEaReR" : "");
            for (int n = random.nextInt(8); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        headers.add(null);

        for (String header : headers) {
            assertThat(answer(plain, header)).as("Authorization: %s", header).isEqualTo(answer(spring, header));
        }
    }

    @Test
    void a_malformed_bearer_header_is_an_invalid_token() {
        assertThat(answer(plain, "Bearer not a token")).isEqualTo("error invalid_token Bearer token is malformed");
        assertThat(answer(plain, "Bearer abc==")).isEqualTo("token abc==");
        assertThat(answer(plain, "Basic dXNlcjpwYXNz")).isEqualTo("none");
    }

    private static String answer(org.springframework.security.web.server.authentication.ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/registrations/whoami");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        ServerWebExchange exchange = MockServerWebExchange.from(request);
        try {
            Authentication authentication = converter.convert(exchange).block();
            return authentication == null ? "none" : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
