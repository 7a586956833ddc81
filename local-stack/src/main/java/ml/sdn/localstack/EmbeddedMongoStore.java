package ml.sdn.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire-protocol store in this JVM (mongo-java-server), persisted in one H2 MVStore file, every
 * acknowledged write on file before its answer ({@link DurableH2Backend}). No MongoDB binary can be had on a
 * bare machine; this speaks enough of the protocol for the services.
 */
final class EmbeddedMongoStore implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    EmbeddedMongoStore(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    int port() {
        return port;
    }

    void start() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            server = new MongoServer(new DurableH2Backend(file.toAbsolutePath().toString()));
            server.bind(StackEndpoints.LOOPBACK, port);
        } catch (RuntimeException e) {
            throw new StackStartException("could not start the embedded MongoDB-protocol store on port " + port
                    + " with " + file + " (is another local stack using this data directory?): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            // shutdown() also closes the backend, which flushes the MVStore file
            server.shutdown();
            server = null;
        }
    }
}
