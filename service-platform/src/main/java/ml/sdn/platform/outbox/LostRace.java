package ml.sdn.platform.outbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.util.function.Supplier;

/**
 * Runs a read-change-save again when its save lost a race: another request changed the document, or
 * the outbox relay bumped its version while publishing, or a parallel first write inserted the same id.
 * The write must read afresh on each run. After {@code attempts} losses the last one is thrown.
 */
public final class LostRace {

    private LostRace() {
    }

    public static <T> T retry(int attempts, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (OptimisticLockingFailureException | DuplicateKeyException lost) {
                if (attempt >= attempts) {
                    throw lost;
                }
            }
        }
    }
}
