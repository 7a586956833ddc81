package ml.sdn.localstack;

/**
 * Where the infrastructure answers, as the services see it: the locally started parts or the external
 * ones given by environment variables.
 */
public record StackEndpoints(
        PortPlan ports,
        String mongoUri,
        String kafkaBootstrap,
        String issuerUri,
        String jwkSetUri,
        String smtpHost,
        int smtpPort) {

    static final String LOOPBACK = "127.0.0.1";
    static final String REALM = "sdn";
    /** Development realm only: the same value is in identity/realm-sdn.json. */
    static final String GATEWAY_DEV_CLIENT_SECRET = "sdn-gateway-dev-secret";

    /** Endpoints of a stack that starts everything itself. */
    public static StackEndpoints local(PortPlan ports) {
        String issuer = "http://localhost:" + ports.keycloak() + "/realms/" + REALM;
        return new StackEndpoints(ports,
                "mongodb://" + LOOPBACK + ":" + ports.mongo(),
                LOOPBACK + ":" + ports.kafka(),
                issuer,
                jwkSetUriFor(issuer),
                LOOPBACK,
                ports.smtp());
    }

    public static String jwkSetUriFor(String issuerUri) {
        return stripTrailingSlash(issuerUri) + "/protocol/openid-connect/certs";
    }

    public StackEndpoints withMongoUri(String uri) {
        return new StackEndpoints(ports, uri, kafkaBootstrap, issuerUri, jwkSetUri, smtpHost, smtpPort);
    }

    public StackEndpoints withKafkaBootstrap(String bootstrap) {
        return new StackEndpoints(ports, mongoUri, bootstrap, issuerUri, jwkSetUri, smtpHost, smtpPort);
    }

    /** An external issuer; the key set defaults to the issuer's own certs endpoint. */
    public StackEndpoints withIssuer(String issuer, String jwkSetUriOrNull) {
        String issuerUri = stripTrailingSlash(issuer);
        String jwks = jwkSetUriOrNull == null || jwkSetUriOrNull.isBlank() ? jwkSetUriFor(issuerUri) : jwkSetUriOrNull;
        return new StackEndpoints(ports, mongoUri, kafkaBootstrap, issuerUri, jwks, smtpHost, smtpPort);
    }

    public String serviceUrl(ServiceModule module) {
        return "http://" + LOOPBACK + ":" + ports.servicePort(module);
    }

    /** The address of a service's {@code instance}-th instance (1: {@link #serviceUrl(ServiceModule)}). */
    public String serviceUrl(ServiceModule module, int instance) {
        return "http://" + LOOPBACK + ":" + ports.servicePort(module, instance);
    }

    /** The browser-facing gateway address: localhost, as registered in the realm's redirect URIs. */
    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    /** Keycloak's own address (admin API), the issuer without its {@code /realms/<realm>}. */
    public String keycloakBaseUrl() {
        int realms = issuerUri.indexOf("/realms/");
        return realms < 0 ? issuerUri : issuerUri.substring(0, realms);
    }

    public String tokenEndpoint() {
        return issuerUri + "/protocol/openid-connect/token";
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
