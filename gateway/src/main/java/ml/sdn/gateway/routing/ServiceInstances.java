package ml.sdn.gateway.routing;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances of each routed service ({@code sdn.gateway.services.<id>.uris}) and which of them take
 * requests. A service with two or more instances has each one's readiness probe asked every
 * {@code instance-checks.interval}: an instance that fails it, does not answer within the timeout or refuses the
 * connection is out until it passes again. A request that meets a refused connection or a 503 takes its instance
 * out at once ({@link #markDown}), without waiting for the next check. When no instance is in, all of them are
 * offered: the request then fails as it would have (a 503 problem) rather than the gateway guessing.
 * A service with one instance is never checked: it is always offered, as before replicas.
 */
@Component
public class ServiceInstances implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final WebClient probes;
    private final String readinessPath;
    private final Disposable checks;

    ServiceInstances(RoutedServices routed, @Value("${sdn.gateway.name-cache-ttl:5s}") Duration nameCacheTtl) {
        RoutedServices.InstanceChecks settings = routed.instanceChecks();
        routed.services().forEach((serviceId, service) -> {
            List<ServiceInstance> list = new ArrayList<>();
            for (URI uri : service.uris()) {
                list.add(new DefaultServiceInstance(serviceId + "@" + uri.getHost() + ":" + uri.getPort(), serviceId,
                        uri.getHost(), uri.getPort(), "https".equals(uri.getScheme())));
            }
            instances.put(serviceId, List.copyOf(list));
        });
        this.readinessPath = settings.path();
        this.probes = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(NameLookups.lookingUpAgainWithin(HttpClient.create(), nameCacheTtl)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeout().toMillis())
                        .responseTimeout(settings.timeout())))
                .build();
        List<ServiceInstance> checked = instances.values().stream().filter(list -> list.size() > 1).flatMap(List::stream).toList();
        this.checks = checked.isEmpty() ? null : Flux.interval(settings.interval(), settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> Flux.fromIterable(checked).flatMap(this::check))
                .subscribe();
    }

    /** The instances a request may go to: those in, or all when none is. */
    public List<ServiceInstance> available(String serviceId) {
        List<ServiceInstance> all = instances.getOrDefault(serviceId, List.of());
        if (all.size() < 2 || down.isEmpty()) {
            return all;
        }
        List<ServiceInstance> up = all.stream().filter(instance -> !down.contains(instance.getInstanceId())).toList();
        return up.isEmpty() ? all : up;
    }

    /** How many instances the service has, in or out. */
    public int count(String serviceId) {
        return instances.getOrDefault(serviceId, List.of()).size();
    }

    /** Out until its readiness probe passes again; only for a service with several instances (the only one stays). */
    public void markDown(ServiceInstance instance) {
        if (count(instance.getServiceId()) > 1 && down.add(instance.getInstanceId())) {
            log.info("{} taken out of rotation", instance.getInstanceId());
        }
    }

    private Mono<Void> check(ServiceInstance instance) {
        return probes.get().uri(instance.getUri().resolve(readinessPath))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()))
                .onErrorReturn(false)
                .doOnNext(ready -> {
                    if (ready && down.remove(instance.getInstanceId())) {
                        log.info("{} back in rotation", instance.getInstanceId());
                    } else if (!ready && down.add(instance.getInstanceId())) {
                        log.info("{} taken out of rotation: its readiness probe failed", instance.getInstanceId());
                    }
                })
                .then();
    }

    @Override
    public void destroy() {
        if (checks != null) {
            checks.dispose();
        }
    }
}
