package ml.sdn.localstack;

/**
 * The realm file is written for the default gateway port; a stack on other ports (e2e tests) needs the
 * gateway's redirect URIs and web origins moved with it.
 */
public final class RealmFile {

    static final int DEFAULT_GATEWAY_PORT = 8080;

    private RealmFile() {
    }

    public static String adaptToGatewayPort(String realmJson, int gatewayPort) {
        if (gatewayPort == DEFAULT_GATEWAY_PORT) {
            return realmJson;
        }
        return realmJson
                .replace("http://localhost:" + DEFAULT_GATEWAY_PORT, "http://localhost:" + gatewayPort)
                .replace("http://127.0.0.1:" + DEFAULT_GATEWAY_PORT, "http://127.0.0.1:" + gatewayPort);
    }
}
