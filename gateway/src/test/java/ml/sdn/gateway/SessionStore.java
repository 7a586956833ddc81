package ml.sdn.gateway;

import ml.sdn.testing.EmbeddedMongo;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The MongoDB-protocol store holding the browser sessions, one for every gateway test context of the run. */
final class SessionStore {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.start();

    private SessionStore() {
    }

    static void register(DynamicPropertyRegistry registry) {
        MONGO.register(registry);
    }

    static String uri() {
        return MONGO.uri();
    }
}
