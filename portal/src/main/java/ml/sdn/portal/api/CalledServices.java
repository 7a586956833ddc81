package ml.sdn.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where each service the portal calls runs, in the gateway's shape ({@code sdn.gateway.services.<id>.uris}):
 * {@code sdn.portal.services.<id>.uris}, one or more base URIs (a comma-separated list in the {@code *_URIS}
 * variable, the single {@code *_URI} still works); how often the instances of a service with several are checked
 * ({@code instance-checks}); and how long a call may take ({@code service-timeout}).
 */
@ConfigurationProperties("sdn.portal")
public record CalledServices(Map<String, Service> services, InstanceChecks instanceChecks, Duration serviceTimeout) {

    public CalledServices {
        services = services == null ? Map.of() : Map.copyOf(services);
        instanceChecks = instanceChecks == null ? new InstanceChecks(null, null, null) : instanceChecks;
        serviceTimeout = serviceTimeout == null ? Duration.ofSeconds(10) : serviceTimeout;
    }

    public record Service(List<URI> uris) {
        public Service {
            uris = uris == null ? List.of() : List.copyOf(uris);
        }
    }

    /** Every {@code interval}, {@code path} on each instance, answered 2xx within {@code timeout}, or the instance is out. */
    public record InstanceChecks(Duration interval, Duration timeout, String path) {
        public InstanceChecks {
            interval = interval == null ? Duration.ofSeconds(1) : interval;
            timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
            path = path == null ? "/actuator/health/readiness" : path;
        }
    }

    /** The base URIs of {@code service}; fails at start-up when the configuration names none. */
    List<URI> uris(String service) {
        Service configured = services.get(service);
        if (configured == null || configured.uris().isEmpty()) {
            throw new IllegalStateException("no address for " + service + ": set sdn.portal.services." + service + ".uris");
        }
        return configured.uris();
    }
}
