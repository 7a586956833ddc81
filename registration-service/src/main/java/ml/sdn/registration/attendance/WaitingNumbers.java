package ml.sdn.registration.attendance;

import ml.sdn.platform.rules.ConflictException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The numbers of a waiting list kept on one document (an attendance day, a programme session):
 * {@code waitingSequence} is the last number handed out, {@code joining} the numbers handed out to
 * registrations not written yet.
 * <p>
 * A registration takes its number and records it as joining in ONE conditional update, is written, then
 * removes the record and asks for promotions. A promotion reads the document before the list and serves the
 * head only if nobody ahead of it is still joining ({@link #mayServe}). Without that, a registration with the
 * next number could be written first and be given the place meant for the one before it (seen in CI: a
 * confirmed sequence 6 while sequence 5 waited).
 */
public final class WaitingNumbers {

    static final String LAST = "waitingSequence";
    static final String JOINING = "joining";
    /** Each failed try means another registration took a number meanwhile: progress elsewhere. */
    private static final int ATTEMPTS = 1_000;

    /** A number handed out to a registration that is not written yet. */
    public record Joining(String ref, long sequence, Instant at) {
    }

    /** What a promotion may do with the head of the list, as the document read before the list says. */
    public enum Head {
        /** Serve it. */
        SERVE,
        /** It took its number after the document was read: someone before it may not be written yet; read again. */
        READ_AGAIN,
        /** Someone ahead of it is still joining: that registration asks for promotions once written. */
        WAIT_FOR_JOINING
    }

    /** What became of a place offered to the head of the list. */
    public enum Offer {
        /** The first waiting person got it. */
        TAKEN,
        /** Nobody waits: the place is free again. */
        NOBODY_WAITING,
        /** Someone ahead of the head is still joining: the place is free again, and that registration asks for promotions once written. */
        SOMEONE_JOINING
    }

    private WaitingNumbers() {
    }

    /**
     * Takes the document's next number and records it as joining (empty if there is no such document).
     * Compare-and-set rather than {@code $inc}, because the record must carry the number.
     */
    public static Optional<Long> take(MongoTemplate mongo, Class<?> type, String id, String ref, Instant now) {
        String collection = mongo.getCollectionName(type);
        // only the last number: a day's document also holds its holds and joining lists, read on every registration
        Query lastNumber = query(where("_id").is(id));
        lastNumber.fields().include(LAST);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = mongo.findOne(lastNumber, Document.class, collection);
            if (current == null) {
                return Optional.empty();
            }
            Object last = current.get(LAST);
            long number = (last instanceof Number n ? n.longValue() : 0) + 1;
            boolean taken = mongo.updateFirst(query(where("_id").is(id).and(LAST).is(last)),
                    new Update().set(LAST, number).push(JOINING, new Joining(ref, number, now)), type)
                    .getModifiedCount() == 1;
            if (taken) {
                return Optional.of(number);
            }
        }
        throw new ConflictException("sdn.problem.conflict");
    }

    /** The registration holding {@code ref} is written, or gave up: it no longer holds anyone back. */
    public static void joined(MongoTemplate mongo, Class<?> type, String id, String ref) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().pull(JOINING, new Document("ref", ref)), type);
    }

    /** @param head the head's number; {@code last} and {@code joining}: the document as read before the list */
    public static Head mayServe(long head, long last, List<Joining> joining) {
        if (head > last) {
            return Head.READ_AGAIN;
        }
        return ahead(head, joining) ? Head.WAIT_FOR_JOINING : Head.SERVE;
    }

    /** Someone with a smaller number than {@code sequence} is still joining. */
    public static boolean ahead(long sequence, List<Joining> joining) {
        return joining != null && joining.stream().anyMatch(j -> j.sequence() < sequence);
    }
}
