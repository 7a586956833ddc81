package ml.sdn.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store keeps every write it acknowledged through the death of its process: a store in a JVM of
 * its own takes acknowledged inserts through the official driver, is killed with SIGKILL right after the
 * last answer (no shutdown hook, nothing flushed on the way out), and the file then holds every one of them.
 * Before each command was committed, the MVStore wrote its changes about once a second, so the writes of
 * the last second were gone.
 */
class EmbeddedStoreCrashTest {

    static final int WRITES = 300;

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_write_survives_a_sigkill_of_the_store() throws Exception {
        Path file = dir.resolve("store.mv");
        int port = freePort();
        Process store = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                Host.class.getName(), file.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        try {
            awaitReady(store);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> profiles = client.getDatabase("sdn_registration").getCollection("profiles");
                for (int i = 0; i < WRITES; i++) {
                    // insertOne returns once the store has answered: an acknowledged write
                    profiles.insertOne(new Document("_id", "p" + i).append("displayName", "Personne " + i));
                }
                profiles.updateOne(new Document("_id", "p0"), new Document("$set", new Document("city", "Niamey")));
            }
        } finally {
            store.destroyForcibly(); // SIGKILL
            assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        EmbeddedMongoStore reopened = new EmbeddedMongoStore(file, freePort());
        reopened.start();
        try (reopened; MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + reopened.port())) {
            MongoCollection<Document> profiles = client.getDatabase("sdn_registration").getCollection("profiles");
            assertThat(profiles.countDocuments()).isEqualTo(WRITES);
            assertThat(profiles.find(new Document("_id", "p0")).first()).containsEntry("city", "Niamey");
        }
    }

    /** The store alone in its JVM, as the launcher hosts it: says "ready" once it listens, then waits to be killed. */
    public static final class Host {

        public static void main(String[] args) throws InterruptedException {
            EmbeddedMongoStore store = new EmbeddedMongoStore(Path.of(args[0]), Integer.parseInt(args[1]));
            store.start();
            System.out.println("ready");
            System.out.flush();
            Thread.currentThread().join();
        }
    }

    private static void awaitReady(Process store) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new java.util.ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("ready")) {
                return;
            }
            lines.add(line);
        }
        throw new IllegalStateException("the store's JVM ended before it listened: " + lines);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
