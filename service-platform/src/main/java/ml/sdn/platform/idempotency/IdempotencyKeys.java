package ml.sdn.platform.idempotency;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The keys callers sent, in the service's own database. A request claims its (caller, key) with an insert,
 * which MongoDB's unique {@code _id} makes atomic: of two requests arriving together, one claims and the
 * other finds the claim (409 while it runs). Taking over an expired or abandoned record is a compare-and-set
 * on its {@code claim}, so two retries cannot both take it over.
 */
public class IdempotencyKeys {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;
    private final Duration inProgressTimeout;

    public IdempotencyKeys(MongoTemplate mongo, Clock clock, Duration retention, Duration inProgressTimeout) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        this.inProgressTimeout = inProgressTimeout;
    }

    /** The store deletes a record once past {@code expiresAt} (within a minute or so); the rules never wait for that. */
    public void createExpiryIndex() {
        mongo.indexOps(IdempotentRequest.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiresAt_ttl"));
    }

    /** What the request may do: run, holding this claim, or give the recorded answer. */
    public sealed interface Outcome permits Claimed, Replay {
    }

    /** The request runs; its answer is to be recorded with {@link #complete} or the claim dropped with {@link #release}. */
    public record Claimed(String id, String claim) implements Outcome {
    }

    public record Replay(IdempotentRequest answered) implements Outcome {
    }

    /** The first request under the key is still running (409; the client tries again shortly). */
    public static final class InProgress extends ConflictException {
        InProgress() {
            super("sdn.problem.idempotency-key-in-progress", IdempotencyKey.HEADER);
        }
    }

    /**
     * @throws InProgress             the first request under this key has not answered yet
     * @throws FieldRejectedException 422: the key was used by this caller for another request
     */
    public Outcome claim(String caller, IdempotencyKey key, String fingerprint) {
        String id = IdempotentRequest.idOf(caller, key);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = now();
            String claim = UUID.randomUUID().toString();
            try {
                mongo.insert(new IdempotentRequest(id, caller, key.value(), fingerprint, claim,
                        now.plus(inProgressTimeout), now.plus(retention), null, null, null));
                return new Claimed(id, claim);
            } catch (DuplicateKeyException taken) {
                // judged below
            }
            IdempotentRequest existing = mongo.findById(id, IdempotentRequest.class);
            if (existing == null) {
                continue; // deleted by the TTL monitor in between: insert again
            }
            switch (existing.judge(fingerprint, now)) {
                case REPLAY -> {
                    return new Replay(existing);
                }
                case OTHER_REQUEST -> throw new FieldRejectedException(Refusal.UNUSABLE,
                        IdempotencyKey.HEADER, "sdn.problem.idempotency-key-reused", IdempotencyKey.HEADER);
                case IN_PROGRESS -> throw new InProgress();
                case START_OVER -> {
                    Query same = new Query(Criteria.where("_id").is(id).and("claim").is(existing.claim()));
                    Update fresh = new Update().set("fingerprint", fingerprint).set("claim", claim)
                            .set("lockedUntil", now.plus(inProgressTimeout)).set("expiresAt", now.plus(retention))
                            .unset("status").unset("headers").unset("body");
                    if (mongo.findAndModify(same, fresh, FindAndModifyOptions.options().returnNew(true),
                            IdempotentRequest.class) != null) {
                        return new Claimed(id, claim);
                    }
                    // another retry took it over first: judge again
                }
            }
        }
        throw new InProgress();
    }

    /** Records the answer to give again; ignored if the claim was taken over meanwhile. */
    public void complete(Claimed claimed, int status, List<IdempotentRequest.StoredHeader> headers, byte[] body) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(claimed.id()).and("claim").is(claimed.claim())),
                new Update().set("status", status).set("headers", headers).set("body", body), IdempotentRequest.class);
    }

    /** Forgets the claim (the request failed on the server's side), so that the client can try again at once. */
    public void release(Claimed claimed) {
        mongo.remove(new Query(Criteria.where("_id").is(claimed.id()).and("claim").is(claimed.claim())),
                IdempotentRequest.class);
    }

    private Instant now() {
        // millisecond precision, as MongoDB keeps it
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
