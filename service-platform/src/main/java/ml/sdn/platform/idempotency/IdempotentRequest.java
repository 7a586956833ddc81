package ml.sdn.platform.idempotency;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One caller's use of one key (collection {@code idempotency_keys}): the request's fingerprint, and once it
 * has been answered, the answer to give again. {@code claim} identifies the request that is (or was) running
 * it, so that only that request records the answer; {@code lockedUntil} is how long an unanswered claim is
 * trusted to be still running. The store deletes the document at {@code expiresAt} (TTL index); the rules
 * do not rely on that, they compare with the service's clock.
 */
@Document(IdempotentRequest.COLLECTION)
public record IdempotentRequest(
        @Id String id,
        String caller,
        String key,
        String fingerprint,
        String claim,
        Instant lockedUntil,
        Instant expiresAt,
        Integer status,
        List<StoredHeader> headers,
        byte[] body) {

    public static final String COLLECTION = "idempotency_keys";

    public record StoredHeader(String name, String value) {
    }

    /** One document per caller and key; the length prefix keeps ("ab", "c") apart from ("a", "bc"). */
    public static String idOf(String caller, IdempotencyKey key) {
        return caller.length() + ":" + caller + ":" + key.value();
    }

    public boolean answered() {
        return status != null;
    }

    /** What a request with this fingerprint, arriving at {@code now}, gets from this record. Plain rules. */
    public Verdict judge(String requestFingerprint, Instant now) {
        if (!expiresAt.isAfter(now)) {
            return Verdict.START_OVER;
        }
        if (!fingerprint.equals(requestFingerprint)) {
            return Verdict.OTHER_REQUEST;
        }
        if (answered()) {
            return Verdict.REPLAY;
        }
        return lockedUntil.isAfter(now) ? Verdict.IN_PROGRESS : Verdict.START_OVER;
    }

    public enum Verdict {
        /** Answered: give the same answer again. */
        REPLAY,
        /** The key was used for another request (body, path or method): 422. */
        OTHER_REQUEST,
        /** The first request is still running: 409, try again shortly. */
        IN_PROGRESS,
        /** Expired, or claimed by a request that never answered (its instance stopped): run the request anew. */
        START_OVER
    }
}
