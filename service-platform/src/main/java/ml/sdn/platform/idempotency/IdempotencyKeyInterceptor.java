package ml.sdn.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ml.sdn.platform.rules.FieldRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The Spring MVC half of idempotency keys: on an endpoint marked {@link AcceptsIdempotencyKey}, checks the
 * key, fingerprints the request and claims (caller, key) before the endpoint runs; or answers the recorded
 * answer again, or refuses (400 malformed key, 422 key used for another request, 409 first request still
 * running, with Retry-After). The caller is the token's subject: keys are never shared between people.
 */
public class IdempotencyKeyInterceptor implements HandlerInterceptor {

    /** Set on an answer given again from the record, so that a client (or a test) can tell. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyKeys keys;

    public IdempotencyKeyInterceptor(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(AcceptsIdempotencyKey.class)
                || !"POST".equals(request.getMethod())) {
            return true;
        }
        List<String> values;
        try {
            values = Collections.list(request.getHeaders(IdempotencyKey.HEADER));
        } catch (RequestRejectedException controlCharacter) {
            // the security firewall refuses some control characters in any header as soon as it is read
            throw malformed();
        }
        if (values.isEmpty()) {
            return true;
        }
        IdempotencyKey key;
        try {
            key = IdempotencyKey.of(values);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        String caller = subject();
        BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
        if (caller == null || buffered == null) {
            return true; // no token (the endpoint refuses it) or not through the platform's filter
        }
        byte[] body;
        try {
            body = buffered.body();
        } catch (IOException unreadable) {
            // over the size limit (413) or cut short (400), answered as when the endpoint reads it
            throw new HttpMessageNotReadableException("Request body not readable", unreadable,
                    new ServletServerHttpRequest(request));
        }
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
        IdempotencyKeys.Outcome outcome;
        try {
            outcome = keys.claim(caller, key, fingerprint);
        } catch (IdempotencyKeys.InProgress running) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            throw running;
        }
        if (outcome instanceof IdempotencyKeys.Replay replay) {
            IdempotentRequest answered = replay.answered();
            response.setStatus(answered.status());
            List<IdempotentRequest.StoredHeader> headers = answered.headers() == null ? List.of() : answered.headers();
            for (IdempotentRequest.StoredHeader header : headers) {
                if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header.name())) {
                    response.setContentType(header.value());
                } else {
                    response.addHeader(header.name(), header.value());
                }
            }
            response.setHeader(REPLAYED_HEADER, "true");
            if (answered.body() != null) {
                response.getOutputStream().write(answered.body());
            }
            return false;
        }
        request.setAttribute(IdempotencyFilter.CLAIM, outcome);
        return true;
    }

    private static FieldRejectedException malformed() {
        return new FieldRejectedException(IdempotencyKey.HEADER, "sdn.problem.idempotency-key-malformed",
                IdempotencyKey.HEADER, IdempotencyKey.MAX_LENGTH);
    }

    private static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? token.getToken().getSubject() : null;
    }
}
