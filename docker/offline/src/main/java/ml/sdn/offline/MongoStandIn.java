package ml.sdn.offline;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * STAND-IN FOR MONGODB, FOR MACHINES WITHOUT AN IMAGE REGISTRY ONLY: the MongoDB wire protocol served
 * by mongo-java-server with its H2 backend (the store local-stack runs), on 0.0.0.0:27017, persisted
 * in /data/db. It is not MongoDB: no replica set, no transactions, no change streams. mongod's options
 * (the main compose file's {@code --replSet rs0 --bind_ip_all}) are accepted and ignored.
 */
public final class MongoStandIn {

    private MongoStandIn() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("standin.data-dir", "/data/db"));
        int port = Integer.getInteger("standin.port", 27017);
        Files.createDirectories(dataDir);
        System.out.println("MongoDB-protocol STAND-IN (mongo-java-server + H2, not MongoDB) on 0.0.0.0:" + port
                + ", data in " + dataDir + (args.length > 0 ? ", ignoring mongod options " + Arrays.toString(args) : ""));
        MongoServer server = new MongoServer(new H2Backend(dataDir.resolve("store.mv").toString()));
        server.bind("0.0.0.0", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // shutdown() closes the backend, which flushes the MVStore file
            server.shutdown();
            stopped.countDown();
        }, "standin-shutdown"));
        stopped.await();
    }
}
