package ml.sdn.localstack;

import java.util.List;
import java.util.stream.Collectors;

/** What the developer reads once the stack is healthy: where everything is and how to sign in. */
final class Banner {

    static final List<String> ROLES = List.of("participant", "jury", "coach", "coordinator", "organizer", "staff");
    static final List<String> COUNTRIES = List.of("ml", "bf", "ne");

    private Banner() {
    }

    static String render(LocalStack stack) {
        StringBuilder b = new StringBuilder();
        String took = stack.startupTime() == null ? "" : " in " + StartupMonitor.seconds(stack.startupTime());
        b.append("\nSemaine du Numérique — local stack ").append(stack.infraOnly() ? "(infrastructure only) " : "")
                .append("is up").append(took).append('\n');
        if (!stack.infraOnly()) {
            line(b, "Gateway", stack.gatewayUrl());
            for (int instance = 2; instance <= stack.replicas(ServiceModule.GATEWAY); instance++) {
                line(b, "Gateway " + instance, "http://localhost:" + stack.ports().servicePort(ServiceModule.GATEWAY, instance)
                        + "  (same sessions; sign in at " + stack.gatewayUrl() + ")");
            }
            for (ServiceModule module : ServiceModule.services()) {
                line(b, module.moduleName(), stack.serviceUrl(module) + "/actuator/health/readiness");
                for (int instance = 2; instance <= stack.replicas(module); instance++) {
                    line(b, module.moduleName() + "-" + instance, stack.endpoints().serviceUrl(module, instance) + "/actuator/health/readiness");
                }
            }
            line(b, "gateway health", stack.serviceUrl(ServiceModule.GATEWAY) + "/actuator/health/readiness");
        }
        if (stack.startsKeycloak()) {
            line(b, "Keycloak admin", stack.keycloakUrl() + "/admin/  (" + stack.adminUser() + " / "
                    + stack.adminPassword() + ", development only)");
        }
        line(b, "Realm (issuer)", stack.issuerUri() + (stack.startsKeycloak() ? "" : "  (external)"));
        line(b, "Kafka", stack.kafkaBootstrap());
        line(b, "MongoDB", stack.mongoUri() + (stack.startsMongo() ? "  (embedded store)" : "  (external)"));
        line(b, "SMTP sink", "127.0.0.1:" + stack.smtpPort() + "  (each mail is logged here and in logs/smtp.log)");
        line(b, "SMSC (SMPP)", "127.0.0.1:" + stack.smscPort() + "  (each SMS is logged here and in logs/sms.log)");
        line(b, "Data and logs", stack.dataDir() + "  (logs/<name>.log)");
        if (stack.startsKeycloak()) {
            b.append("\nDemo accounts, password \"demo\" (development realm only):\n");
            for (String role : ROLES) {
                b.append("  ").append(COUNTRIES.stream().map(c -> String.format("%-16s", role + "-" + c))
                        .collect(Collectors.joining(" ")).stripTrailing()).append('\n');
            }
        }
        b.append("\nA token for a demo participant from Niger:\n")
                .append("  TOKEN=$(curl -s -d grant_type=password -d client_id=sdn-cli -d username=participant-ne -d password=demo \\\n")
                .append("    ").append(stack.tokenEndpoint()).append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n");
        if (!stack.infraOnly()) {
            b.append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(stack.gatewayUrl())
                    .append("/api/registrations/whoami\n");
        }
        if (!stack.infraOnly()) {
            b.append("\nOne instance restarted (graceful stop, start, readiness), from another terminal:\n")
                    .append("  ./run-local.sh --restart registration-service")
                    .append(stack.replicas(ServiceModule.REGISTRATION) > 1 ? "-2" : "")
                    .append(stack.dataDir().endsWith(".local-stack") ? "" : " --data-dir=" + stack.dataDir()).append('\n');
        }
        b.append("\nCtrl-C stops everything.\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("  %-22s %s%n", label, value));
    }
}
