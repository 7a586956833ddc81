package ml.sdn.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import ml.sdn.localstack.DurableH2Backend;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the local stack's embedded store pays for keeping every acknowledged write through a crash: one
 * acknowledged insert of a profile-sized document through the official driver, with every command committed
 * to the MVStore file before its answer ({@code durable}, {@code DurableH2Backend}) and with the H2 backend's
 * background commit about once a second ({@code asynchronous}, what the launcher ran before), side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EmbeddedStoreBenchmark {

    @Param({"durable", "asynchronous"})
    String backend;

    private Path dir;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> profiles;
    private final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("sdn-store-bench");
        String file = dir.resolve("store.mv").toString();
        server = new MongoServer("durable".equals(backend) ? new DurableH2Backend(file) : new H2Backend(file));
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        profiles = client.getDatabase("sdn_registration").getCollection("profiles");
    }

    @Benchmark
    public void acknowledgedInsert() {
        long id = ids.incrementAndGet();
        profiles.insertOne(new Document("_id", "p" + id).append("displayName", "Aïssata Traoré " + id)
                .append("country", "ML").append("email", "p" + id + "@example.ml").append("phone", "+22370000000")
                .append("city", "Bamako").append("preferredLanguage", "fr"));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        server.shutdown();
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
