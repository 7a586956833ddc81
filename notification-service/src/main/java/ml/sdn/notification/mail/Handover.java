package ml.sdn.notification.mail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The e-mails this instance has just queued and reserved for its own sending threads, oldest first: a
 * bounded hand-over from the event listeners to the senders. A slot is reserved <em>before</em> the e-mail
 * is stored as claimed, so an e-mail is stored claimed only when a sender will take it; with no slot free
 * it is stored unclaimed and the poll sends it. Only ids and claims are held: the sender reads the stored
 * e-mail again, so an erasure in between still wins.
 */
final class Handover {

    /** One e-mail reserved for this instance: its id and the claim it was stored with. */
    record Claimed(String id, String claim) {
    }

    private final Semaphore slots;
    private final BlockingQueue<Claimed> queue = new LinkedBlockingQueue<>();

    Handover(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("sdn.mail.handover-capacity must be at least 1, was " + capacity);
        }
        this.slots = new Semaphore(capacity);
    }

    /** @return whether a slot was free (and is now reserved: {@link #put} or {@link #cancel} it) */
    boolean reserve() {
        return slots.tryAcquire();
    }

    /** The reserved slot is not used (the e-mail was already queued, or storing it failed). */
    void cancel() {
        slots.release();
    }

    /** Hands over the e-mail stored with the slot reserved before. */
    void put(Claimed claimed) {
        queue.add(claimed);
    }

    /** The oldest e-mail handed over, waiting for one at most {@code wait}; its slot is free again. Null: none came. */
    Claimed take(Duration wait) throws InterruptedException {
        Claimed next = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (next != null) {
            slots.release();
        }
        return next;
    }

    int waiting() {
        return queue.size();
    }
}
