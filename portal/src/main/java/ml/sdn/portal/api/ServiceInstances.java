package ml.sdn.portal.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of each service the portal calls and which of them take calls, as the gateway's
 * {@code routing/ServiceInstances} decides for its routes: a service with two or more instances has each one's
 * readiness probe asked every {@code instance-checks.interval}; an instance that fails it, does not answer in time or
 * refuses the connection is out until it passes again, and a call that meets a refused connection or a 503 takes its
 * instance out at once ({@link #markDown}). When no instance is in, all are offered: the call then fails as it would
 * have. A service with one instance is never checked.
 */
public final class ServiceInstances implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    private final Map<String, List<URI>> instances = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    private final Set<URI> down = ConcurrentHashMap.newKeySet();
    private final CalledServices.InstanceChecks settings;
    private final HttpClient probes;
    private final ScheduledExecutorService checks;

    public ServiceInstances(CalledServices called, List<String> services) {
        for (String service : services) {
            instances.put(service, called.uris(service));
            turns.put(service, new AtomicInteger());
        }
        this.settings = called.instanceChecks();
        this.probes = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        List<URI> checked = instances.values().stream().filter(list -> list.size() > 1).flatMap(List::stream).toList();
        if (checked.isEmpty()) {
            checks = null;
            return;
        }
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "service-instance-checks");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.interval().toMillis();
        checks.scheduleWithFixedDelay(() -> checkAll(checked), interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * The instances to try for one call, in order: the next in turn of those in, then the others in, then those out
     * (all in turn when none is in).
     */
    public List<URI> inTurn(String service) {
        List<URI> all = instances.getOrDefault(service, List.of());
        if (all.size() < 2) {
            return all;
        }
        int first = Math.floorMod(turns.get(service).getAndIncrement(), all.size());
        List<URI> in = new ArrayList<>();
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            URI instance = all.get((first + i) % all.size());
            (down.contains(instance) ? out : in).add(instance);
        }
        in.addAll(out);
        return in;
    }

    /** Out until its readiness probe passes again. */
    public void markDown(URI instance) {
        if (down.add(instance)) {
            log.info("{} taken out of rotation", instance);
        }
    }

    private void checkAll(List<URI> checked) {
        try {
            CompletableFuture.allOf(checked.stream().map(this::check).toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            // a task that throws is never run again
            log.warn("Instance checks failed: {}", e.toString());
        }
    }

    private CompletableFuture<Void> check(URI instance) {
        HttpRequest probe = HttpRequest.newBuilder(instance.resolve(settings.path())).timeout(settings.timeout()).GET().build();
        return probes.sendAsync(probe, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null && response.statusCode() / 100 == 2)
                .thenAccept(ready -> {
                    if (ready && down.remove(instance)) {
                        log.info("{} back in rotation", instance);
                    } else if (!ready && down.add(instance)) {
                        log.info("{} taken out of rotation: its readiness probe failed", instance);
                    }
                });
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
    }
}
