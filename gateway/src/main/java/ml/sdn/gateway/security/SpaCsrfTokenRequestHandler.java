package ml.sdn.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Scripts read the XSRF-TOKEN cookie and send it back raw in the X-XSRF-TOKEN header; server-rendered
 * forms carry the BREACH-protected (XOR-masked) value in {@code _csrf} (URL-encoded or multipart). Both are accepted.
 */
final class SpaCsrfTokenRequestHandler extends ServerCsrfTokenRequestAttributeHandler {

    private final XorServerCsrfTokenRequestAttributeHandler xor = new XorServerCsrfTokenRequestAttributeHandler();

    SpaCsrfTokenRequestHandler() {
        // the portal's upload form (a PDF) carries _csrf as a part; FormBodyCache keeps the body for the route
        xor.setTokenFromMultipartDataEnabled(true);
    }

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        xor.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        boolean inHeader = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()) != null;
        return inHeader ? super.resolveCsrfTokenValue(exchange, csrfToken) : xor.resolveCsrfTokenValue(exchange, csrfToken);
    }
}
