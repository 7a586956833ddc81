package ml.sdn.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where each route's service runs: {@code sdn.gateway.services.<id>.uris}, one or more base URIs (a comma-separated
 * list in one variable), which the route {@code lb://<id>} balances over; and how often the instances of a service
 * with several are checked ({@code instance-checks}).
 */
@ConfigurationProperties("sdn.gateway")
public record RoutedServices(Map<String, Service> services, InstanceChecks instanceChecks) {

    public RoutedServices {
        services = services == null ? Map.of() : Map.copyOf(services);
        instanceChecks = instanceChecks == null ? new InstanceChecks(null, null, null) : instanceChecks;
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
}
