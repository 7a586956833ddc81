package ml.sdn.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port the local stack binds on 127.0.0.1. Defaults follow docs/platform-contract.md; an offset
 * moves the whole plan (the e2e tests run a second stack beside a developer's one), and single ports
 * can be overridden by name.
 */
public record PortPlan(
        int gateway,
        int gatewayManagement,
        int registration,
        int competition,
        int incubation,
        int notification,
        int portal,
        int keycloak,
        int keycloakManagement,
        int kafka,
        int kafkaController,
        int mongo,
        int smtp,
        int smsc) {

    /** Names used on the command line ({@code --<name>-port=N}) and in messages. */
    public static final String GATEWAY = "gateway";
    /** The gateway's actuator (metrics, probes): never the public port. */
    public static final String GATEWAY_MANAGEMENT = "gateway-management";
    public static final String REGISTRATION = "registration";
    public static final String COMPETITION = "competition";
    public static final String INCUBATION = "incubation";
    public static final String NOTIFICATION = "notification";
    public static final String PORTAL = "portal";
    public static final String KEYCLOAK = "keycloak";
    public static final String KEYCLOAK_MANAGEMENT = "keycloak-management";
    public static final String KAFKA = "kafka";
    public static final String KAFKA_CONTROLLER = "kafka-controller";
    public static final String MONGO = "mongo";
    public static final String SMTP = "smtp";
    public static final String SMSC = "smsc";

    public PortPlan {
        byName(gateway, gatewayManagement, registration, competition, incubation, notification, portal, keycloak, keycloakManagement,
                kafka, kafkaController, mongo, smtp, smsc).forEach(PortPlan::checkRange);
    }

    public static PortPlan defaults() {
        return new PortPlan(8080, 9080, 8081, 8082, 8083, 8084, 8085, 8180, 9180, 9092, 9093, 27017, 2525, 2775);
    }

    public PortPlan offsetBy(int offset) {
        return new PortPlan(gateway + offset, gatewayManagement + offset, registration + offset, competition + offset, incubation + offset,
                notification + offset, portal + offset, keycloak + offset, keycloakManagement + offset, kafka + offset,
                kafkaController + offset, mongo + offset, smtp + offset, smsc + offset);
    }

    public PortPlan with(String name, int port) {
        Map<String, Integer> ports = byName();
        if (!ports.containsKey(name)) {
            throw new IllegalArgumentException("unknown port name '" + name + "'; known: " + String.join(", ", ports.keySet()));
        }
        ports.put(name, port);
        return fromMap(ports);
    }

    public int servicePort(ServiceModule module) {
        return switch (module) {
            case GATEWAY -> gateway;
            case REGISTRATION -> registration;
            case COMPETITION -> competition;
            case INCUBATION -> incubation;
            case NOTIFICATION -> notification;
            case PORTAL -> portal;
        };
    }

    /**
     * The port of a service's {@code instance}-th instance (1: its own port): 1000 above for each further one
     * (registration-service's second instance on 9081 by default), clear of every other port of the plan. The
     * gateway's further instances are 10 above instead (8090, 8100): 1000 above is its own management port.
     */
    public int servicePort(ServiceModule module, int instance) {
        checkInstance(module, instance);
        int port = servicePort(module) + instanceStep(module) * (instance - 1);
        checkRange(module.moduleName() + "-" + instance, port);
        return port;
    }

    /** The management (metrics) port of the gateway's {@code instance}-th instance: 9080, 9090, 9100 by default. */
    public int gatewayManagement(int instance) {
        checkInstance(ServiceModule.GATEWAY, instance);
        int port = gatewayManagement + instanceStep(ServiceModule.GATEWAY) * (instance - 1);
        checkRange(GATEWAY_MANAGEMENT + "-" + instance, port);
        return port;
    }

    private static int instanceStep(ServiceModule module) {
        return module == ServiceModule.GATEWAY ? 10 : 1000;
    }

    private static void checkInstance(ServiceModule module, int instance) {
        if (instance < 1 || instance > LauncherOptions.MAX_REPLICAS) {
            throw new IllegalArgumentException("instance " + instance + " of " + module.moduleName() + " is outside 1.."
                    + LauncherOptions.MAX_REPLICAS);
        }
    }

    /** name → port, in a stable order. */
    public Map<String, Integer> byName() {
        return byName(gateway, gatewayManagement, registration, competition, incubation, notification, portal, keycloak, keycloakManagement,
                kafka, kafkaController, mongo, smtp, smsc);
    }

    private static Map<String, Integer> byName(int gateway, int gatewayManagement, int registration, int competition, int incubation,
            int notification, int portal, int keycloak, int keycloakManagement, int kafka, int kafkaController, int mongo, int smtp, int smsc) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(GATEWAY, gateway);
        ports.put(GATEWAY_MANAGEMENT, gatewayManagement);
        ports.put(REGISTRATION, registration);
        ports.put(COMPETITION, competition);
        ports.put(INCUBATION, incubation);
        ports.put(NOTIFICATION, notification);
        ports.put(PORTAL, portal);
        ports.put(KEYCLOAK, keycloak);
        ports.put(KEYCLOAK_MANAGEMENT, keycloakManagement);
        ports.put(KAFKA, kafka);
        ports.put(KAFKA_CONTROLLER, kafkaController);
        ports.put(MONGO, mongo);
        ports.put(SMTP, smtp);
        ports.put(SMSC, smsc);
        return ports;
    }

    private static PortPlan fromMap(Map<String, Integer> p) {
        return new PortPlan(p.get(GATEWAY), p.get(GATEWAY_MANAGEMENT), p.get(REGISTRATION), p.get(COMPETITION), p.get(INCUBATION),
                p.get(NOTIFICATION), p.get(PORTAL), p.get(KEYCLOAK), p.get(KEYCLOAK_MANAGEMENT), p.get(KAFKA),
                p.get(KAFKA_CONTROLLER), p.get(MONGO), p.get(SMTP), p.get(SMSC));
    }

    private static void checkRange(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + name + " = " + port + " is outside 1..65535");
        }
    }
}
