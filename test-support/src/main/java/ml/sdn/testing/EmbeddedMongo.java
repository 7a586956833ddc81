package ml.sdn.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.InetSocketAddress;

/**
 * The MongoDB wire-protocol store (mongo-java-server, in memory) on a free loopback port, for
 * integration tests. The services talk to it through the official MongoDB driver, as they would to
 * a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongo() {
        this.server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        this.uri = "mongodb://127.0.0.1:" + address.getPort();
    }

    public static EmbeddedMongo start() {
        return new EmbeddedMongo();
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database: each service names its own. */
    public String uri() {
        return uri;
    }

    /** Sets {@code spring.mongodb.uri} the way the services read {@code MONGODB_URI}. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", this::uri);
        registry.add("MONGODB_URI", this::uri);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
