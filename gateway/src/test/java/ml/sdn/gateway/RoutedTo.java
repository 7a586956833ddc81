package ml.sdn.gateway;

import ml.sdn.testing.TestIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a gateway test context needs before it starts: the session store, the test issuer, and where each routed
 * service runs: every one at {@code everyService}, except those {@code others} names by their variable
 * ({@code COMPETITION_SERVICE_URI}, …).
 */
final class RoutedTo {

    static final List<String> SERVICE_VARIABLES = List.of("REGISTRATION_SERVICE_URI", "COMPETITION_SERVICE_URI",
            "INCUBATION_SERVICE_URI", "NOTIFICATION_SERVICE_URI", "PORTAL_URI");

    private RoutedTo() {
    }

    static void register(DynamicPropertyRegistry registry, TestIssuer issuer, Supplier<Object> everyService) {
        register(registry, issuer, everyService, Map.of());
    }

    static void register(DynamicPropertyRegistry registry, TestIssuer issuer, Supplier<Object> everyService,
                         Map<String, Supplier<Object>> others) {
        if (!SERVICE_VARIABLES.containsAll(others.keySet())) {
            throw new IllegalArgumentException("not a routed service's variable: " + others.keySet());
        }
        SessionStore.register(registry);
        issuer.register(registry);
        for (String variable : SERVICE_VARIABLES) {
            registry.add(variable, others.getOrDefault(variable, everyService));
        }
    }
}
