package ml.sdn.gateway.portal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The portal renders forms, so it needs the CSRF token the gateway will check on their submission; and it
 * remembers the language in a cookie, while the gateway keeps every cookie to itself (RemoveRequestHeader
 * =Cookie). Requests routed to the portal therefore carry both as headers: {@code X-Sdn-Csrf-Token} (the
 * masked token forms send back as {@code _csrf}) and {@code X-Sdn-Lang} (from the {@code sdn_lang} cookie).
 * Whatever a client sent under those names is replaced.
 */
@Component
class PortalForwarding implements GlobalFilter, Ordered {

    static final String ROUTE_ID = "portal";
    static final String CSRF_HEADER = "X-Sdn-Csrf-Token";
    static final String LANG_HEADER = "X-Sdn-Lang";
    static final String LANG_COOKIE = "sdn_lang";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !ROUTE_ID.equals(route.getId())) {
            return chain.filter(exchange);
        }
        HttpCookie lang = exchange.getRequest().getCookies().getFirst(LANG_COOKIE);
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.map(CsrfToken::getToken).defaultIfEmpty("").flatMap(token -> chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(CSRF_HEADER);
                    headers.remove(LANG_HEADER);
                    if (!token.isEmpty()) {
                        headers.set(CSRF_HEADER, token);
                    }
                    if (lang != null && ("fr".equals(lang.getValue()) || "en".equals(lang.getValue()))) {
                        headers.set(LANG_HEADER, lang.getValue());
                    }
                }))
                .build()));
    }

    /** Before the route's filters, among them the one removing the Cookie header. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
