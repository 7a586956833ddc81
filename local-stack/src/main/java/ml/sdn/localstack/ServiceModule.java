package ml.sdn.localstack;

import java.util.List;

/** The Spring Boot applications the stack runs as {@code java -jar <module>/target/<module>.jar}. */
public enum ServiceModule {
    REGISTRATION("registration-service", "REGISTRATION_SERVICE_URI"),
    COMPETITION("competition-service", "COMPETITION_SERVICE_URI"),
    INCUBATION("incubation-service", "INCUBATION_SERVICE_URI"),
    NOTIFICATION("notification-service", "NOTIFICATION_SERVICE_URI"),
    /** The web pages; started with the services, before the gateway that routes {@code /} to it. */
    PORTAL("portal", "PORTAL_URI"),
    GATEWAY("gateway", null);

    private final String moduleName;
    private final String uriVariable;

    ServiceModule(String moduleName, String uriVariable) {
        this.moduleName = moduleName;
        this.uriVariable = uriVariable;
    }

    /** The Maven module, also the jar's name and the log file's name. */
    public String moduleName() {
        return moduleName;
    }

    /** The gateway's variable holding this service's base URI; null for the gateway itself. */
    String uriVariable() {
        return uriVariable;
    }

    /** The gateway's variable holding all the instances of this service (comma-separated), when it has several. */
    String urisVariable() {
        return uriVariable + "S";
    }

    /** The module of this Maven module name ({@code registration-service}), or an exception naming the known ones. */
    public static ServiceModule named(String moduleName) {
        return services().stream().filter(module -> module.moduleName.equals(moduleName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + moduleName + "'; known: "
                        + String.join(", ", services().stream().map(ServiceModule::moduleName).toList())));
    }

    /** The four services and the portal, without the gateway, in start order. */
    public static List<ServiceModule> services() {
        return List.of(REGISTRATION, COMPETITION, INCUBATION, NOTIFICATION, PORTAL);
    }

    public String jarPath() {
        return moduleName + "/target/" + moduleName + ".jar";
    }
}
