package ml.sdn.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions the build put into versions.properties (the root pom's properties). */
final class Versions {

    private static final Properties PROPERTIES = load();

    private Versions() {
    }

    static String keycloak() {
        return PROPERTIES.getProperty("keycloak.version");
    }

    private static Properties load() {
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
