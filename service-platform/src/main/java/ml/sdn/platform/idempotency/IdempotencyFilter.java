package ml.sdn.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The servlet half of idempotency keys. A POST carrying an {@code Idempotency-Key} gets a re-readable body
 * and a captured response; if {@link IdempotencyKeyInterceptor} claimed the key for the endpoint (it is
 * marked {@link AcceptsIdempotencyKey}), the answer is recorded before it leaves, so a client that saw an
 * answer always gets the same one again. An answer of 500 or more, or an exception, is not recorded: the
 * claim is dropped and the client may try again. Other requests pass untouched.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request attribute holding the {@link IdempotencyKeys.Claimed} claim, set by the interceptor. */
    static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    /** The headers of an answer that are part of it; others (dates, security, tracing) are the server's each time. */
    static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LANGUAGE,
            HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.RETRY_AFTER);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;

    public IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        try {
            return request.getHeader(IdempotencyKey.HEADER) == null;
        } catch (RequestRejectedException controlCharacter) {
            return false; // a malformed key: the interceptor refuses it on the endpoints that take one
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedBodyRequest(request), captured);
        } catch (IOException | ServletException | RuntimeException failed) {
            if (request.getAttribute(CLAIM) instanceof IdempotencyKeys.Claimed claimed) {
                release(claimed);
            }
            throw failed;
        }
        if (request.getAttribute(CLAIM) instanceof IdempotencyKeys.Claimed claimed) {
            if (captured.getStatus() >= 500) {
                release(claimed);
            } else {
                record(claimed, captured);
            }
        }
        captured.copyBodyToResponse();
    }

    private void record(IdempotencyKeys.Claimed claimed, ContentCachingResponseWrapper captured) {
        List<IdempotentRequest.StoredHeader> headers = new ArrayList<>();
        if (captured.getContentType() != null) {
            headers.add(new IdempotentRequest.StoredHeader(HttpHeaders.CONTENT_TYPE, captured.getContentType()));
        }
        for (String name : KEPT_HEADERS) {
            for (String value : captured.getHeaders(name)) {
                headers.add(new IdempotentRequest.StoredHeader(name, value));
            }
        }
        try {
            keys.complete(claimed, captured.getStatus(), headers, captured.getContentAsByteArray());
        } catch (RuntimeException e) {
            // the answer still goes out; a retry gets 409 until the claim's lock runs out, then runs again
            log.warn("Answer under idempotency key {} not recorded: {}", claimed.id(), e.toString());
        }
    }

    private void release(IdempotencyKeys.Claimed claimed) {
        try {
            keys.release(claimed);
        } catch (RuntimeException e) {
            log.warn("Idempotency claim {} not released, its lock runs out on its own: {}", claimed.id(), e.toString());
        }
    }
}
