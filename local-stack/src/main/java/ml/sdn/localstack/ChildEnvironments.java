package ml.sdn.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The environment variables of docs/platform-contract.md, as each child process gets them. */
public final class ChildEnvironments {

    private ChildEnvironments() {
    }

    public static Map<String, String> forModule(ServiceModule module, StackEndpoints endpoints) {
        return forModule(module, endpoints, Map.of());
    }

    /**
     * {@code replicas}: how many instances a service runs (absent: one). The gateway and the portal get the addresses
     * of all of them ({@code REGISTRATION_SERVICE_URIS=http://127.0.0.1:8081,http://127.0.0.1:9081}) and balance over them.
     */
    public static Map<String, String> forModule(ServiceModule module, StackEndpoints endpoints, Map<ServiceModule, Integer> replicas) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(endpoints.ports().servicePort(module)));
        // Spring's relaxed binding of server.address: nothing listens beyond this machine.
        env.put("SERVER_ADDRESS", StackEndpoints.LOOPBACK);
        env.put("KEYCLOAK_ISSUER_URI", endpoints.issuerUri());
        env.put("KEYCLOAK_JWK_SET_URI", endpoints.jwkSetUri());
        if (module == ServiceModule.GATEWAY) {
            for (ServiceModule service : ServiceModule.services()) {
                putAddresses(env, service, endpoints, replicas);
            }
            // its actuator (metrics) on a port of its own; the health probes answer on SERVER_PORT too
            env.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(endpoints.ports().gatewayManagement()));
            env.put("GATEWAY_CLIENT_SECRET", StackEndpoints.GATEWAY_DEV_CLIENT_SECRET);
            env.put("CORS_ALLOWED_ORIGINS", endpoints.gatewayUrl());
            // browser sessions, shared by every gateway instance (its own database, sdn_gateway)
            env.put("MONGODB_URI", endpoints.mongoUri());
            return env;
        }
        if (module == ServiceModule.PORTAL) {
            // no store, no broker: the portal calls the services with the signed-in user's token
            for (ServiceModule service : ServiceModule.services()) {
                if (service != ServiceModule.PORTAL) {
                    putAddresses(env, service, endpoints, replicas);
                }
            }
            return env;
        }
        env.put("MONGODB_URI", endpoints.mongoUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrap());
        if (module == ServiceModule.REGISTRATION) {
            // an organizer's move also sets the Keycloak attribute (client sdn-registration of the realm file)
            env.put("KEYCLOAK_ADMIN_ENABLED", "true");
            env.put("KEYCLOAK_ADMIN_URL", endpoints.keycloakBaseUrl());
        }
        if (module == ServiceModule.NOTIFICATION) {
            env.put("SMTP_HOST", endpoints.smtpHost());
            env.put("SMTP_PORT", Integer.toString(endpoints.smtpPort()));
            // the local SMSC (an SMPP sink in the launcher's JVM): accepts the development account
            env.put("SMSC_HOST", StackEndpoints.LOOPBACK);
            env.put("SMSC_PORT", Integer.toString(endpoints.ports().smsc()));
            // links in e-mails (invitations) point at the portal, which the gateway serves
            env.put("PORTAL_BASE_URL", endpoints.gatewayUrl());
        }
        return env;
    }

    /** The first instance's address ({@code *_URI}), and every instance's ({@code *_URIS}) when there are several. */
    private static void putAddresses(Map<String, String> env, ServiceModule service, StackEndpoints endpoints,
                                     Map<ServiceModule, Integer> replicas) {
        env.put(service.uriVariable(), endpoints.serviceUrl(service));
        int instances = replicas.getOrDefault(service, 1);
        if (instances > 1) {
            env.put(service.urisVariable(), IntStream.rangeClosed(1, instances)
                    .mapToObj(instance -> endpoints.serviceUrl(service, instance)).collect(Collectors.joining(",")));
        }
    }
}
