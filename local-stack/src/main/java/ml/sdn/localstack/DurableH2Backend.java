package ml.sdn.localstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, which answers a write before the MVStore has written it to its file: the
 * store commits in the background about once a second, so a launcher killed with SIGKILL lost the last
 * writes it had acknowledged (a participant's saved profile, answered 200, gone after the restart). Here
 * every command is committed to the file before its answer leaves; a command that changed nothing costs a
 * check and no write. Committed means handed to the operating system, which keeps it through the death of
 * the process (not through a power cut: the MVStore does not sync the disk at each commit).
 */
public final class DurableH2Backend extends H2Backend {

    public DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        commit();
        return answer;
    }
}
