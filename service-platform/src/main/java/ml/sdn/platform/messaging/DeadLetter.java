package ml.sdn.platform.messaging;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A record that could not be processed, as it arrived on a DLT (collection {@code dead_letters}):
 * enough to understand it and to send it again, unchanged, to its original topic. The id is the DLT
 * position ({@code <dlt>-<partition>-<offset>}), so a redelivered dead letter is kept once.
 * {@code replayingSince} is set while one request replays it, so two replays cannot both send.
 */
@Document(DeadLetter.COLLECTION)
public record DeadLetter(
        @Id String id,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String key,
        byte[] value,
        List<StoredHeader> headers,
        String eventType,
        String exceptionClass,
        String exceptionMessage,
        Instant deadAt,
        Instant replayedAt,
        int replayCount,
        Instant replayingSince) {

    public static final String COLLECTION = "dead_letters";

    public record StoredHeader(String name, byte[] value) {
    }
}
