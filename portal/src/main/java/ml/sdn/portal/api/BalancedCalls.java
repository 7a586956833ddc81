package ml.sdn.portal.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.Set;

/**
 * Sends each call of one service's client to an instance {@link ServiceInstances} offers, in turn, and tries it a
 * second time, on another instance, where that cannot do harm (the gateway's rules, routing/RetrySafeRequests): a call
 * whose connection was refused or not accepted in time was never sent, whatever its method; GET and HEAD, and writes
 * carrying an {@code Idempotency-Key} (the service answers a repeated key with the first answer), also after a 503
 * from the instance (Tomcat's answer while it shuts down) or a connection broken under them. No other write that
 * reached an instance is sent twice. The body is the one the client already holds, sent again as it is.
 */
final class BalancedCalls implements ClientHttpRequestInterceptor {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(BalancedCalls.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final String service;
    private final ServiceInstances instances;
    /** The base URI the client was built with: the part of each call's URI replaced by the chosen instance's. */
    private final String base;

    BalancedCalls(String service, ServiceInstances instances, URI base) {
        this.service = service;
        this.instances = instances;
        this.base = withoutTrailingSlash(base);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        List<URI> order = instances.inTurn(service);
        boolean repeatable = SAFE.contains(request.getMethod()) || request.getHeaders().containsHeader(IDEMPOTENCY_KEY);
        URI first = order.get(0);
        try {
            ClientHttpResponse response = execution.execute(at(request, first), body);
            if (order.size() < 2 || !repeatable || !HttpStatus.SERVICE_UNAVAILABLE.isSameCodeAs(response.getStatusCode())) {
                return response;
            }
            response.close();
            instances.markDown(first);
        } catch (IOException e) {
            boolean neverSent = neverSent(e);
            if (order.size() < 2 || !(neverSent || repeatable)) {
                throw e;
            }
            if (neverSent) {
                instances.markDown(first);
            }
            log.debug("{} {} again on another instance: {}", request.getMethod(), request.getURI().getPath(), e.toString());
        }
        return execution.execute(at(request, order.get(1)), body);
    }

    private static boolean neverSent(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest at(HttpRequest request, URI instance) {
        String uri = request.getURI().toString();
        if (!uri.startsWith(base)) {
            return request; // an absolute address given by the caller: not this service's
        }
        URI target = URI.create(withoutTrailingSlash(instance) + uri.substring(base.length()));
        return new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return target;
            }
        };
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
