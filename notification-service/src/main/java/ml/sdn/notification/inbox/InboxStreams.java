package ml.sdn.notification.inbox;

import ml.sdn.platform.rules.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The live streams of new inbox items open on this instance. Items are written by whichever instance
 * handled the event, so a stream cannot wait for a local signal: one poller reads the store every
 * {@code sdn.inbox.stream.poll-interval} for everyone connected here (one query per {@value #PEOPLE_PER_READ}
 * people), sends each stream the caller's own new items, and writes a heartbeat comment to the quiet ones.
 * Bounded: {@code max-per-person} streams per person (a new one closes their oldest),
 * {@code max-streams} on the instance (beyond: 503), each closed after {@code timeout}.
 */
@Component
class InboxStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

    static final int PEOPLE_PER_READ = 50;
    private static final int ITEMS_PER_READ = 1000;
    /** A reconnection resumes at most this far back; older items are in the paged inbox. */
    private static final Duration MAX_RESUME = Duration.ofMinutes(10);

    private final Inbox inbox;
    private final InboxStreamProperties properties;
    /** person → their open streams, oldest first. Guarded by {@code this}. */
    private final Map<String, Deque<Connection>> byPerson = new HashMap<>();
    private int open;
    private ScheduledExecutorService poller;

    InboxStreams(Inbox inbox, InboxStreamProperties properties) {
        this.inbox = inbox;
        this.properties = properties;
    }

    /** One open stream. Its cursor is read and moved by the poller only. */
    private static final class Connection {
        final String personId;
        final SseEmitter emitter;
        final StreamCursor cursor;
        volatile Instant lastWrite;

        Connection(String personId, SseEmitter emitter, StreamCursor cursor) {
            this.personId = personId;
            this.emitter = emitter;
            this.cursor = cursor;
            this.lastWrite = Instant.now();
        }
    }

    /**
     * Opens a stream of {@code personId}'s new items: from now on, or after {@code lastEventId} when it
     * names one of their own items (a reconnection; at most {@link #MAX_RESUME} back). Any other
     * Last-Event-ID — malformed, unknown, another person's — is ignored: the stream starts from now.
     */
    SseEmitter open(String personId, String lastEventId) {
        Instant now = Instant.now();
        StreamCursor cursor = inbox.find(personId, lastEventId)
                .filter(last -> last.createdAt() != null && last.createdAt().isAfter(now.minus(MAX_RESUME)))
                .map(StreamCursor::after)
                .orElseGet(() -> new StreamCursor(now));
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Connection connection = new Connection(personId, emitter, cursor);
        Connection evicted = register(connection);
        emitter.onCompletion(() -> unregister(connection));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> unregister(connection));
        if (evicted != null) {
            evicted.emitter.complete();
        }
        try {
            // held until the response starts, then written at once: tells the client the stream is live
            emitter.send(SseEmitter.event().reconnectTime(3000).comment("open"));
        } catch (IOException e) {
            unregister(connection);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    private synchronized Connection register(Connection connection) {
        Deque<Connection> theirs = byPerson.computeIfAbsent(connection.personId, id -> new ArrayDeque<>());
        if (theirs.size() < properties.maxPerPerson() && open >= properties.maxStreams()) {
            if (theirs.isEmpty()) {
                byPerson.remove(connection.personId);
            }
            throw new ServiceUnavailableException("notification.stream.busy", null);
        }
        Connection evicted = theirs.size() >= properties.maxPerPerson() ? theirs.pollFirst() : null;
        if (evicted == null) {
            open++;
        }
        theirs.addLast(connection);
        return evicted;
    }

    private synchronized void unregister(Connection connection) {
        Deque<Connection> theirs = byPerson.get(connection.personId);
        if (theirs != null && theirs.remove(connection)) {
            open--;
            if (theirs.isEmpty()) {
                byPerson.remove(connection.personId);
            }
        }
    }

    synchronized int openStreams() {
        return open;
    }

    private synchronized Map<String, List<Connection>> snapshot() {
        Map<String, List<Connection>> copy = new LinkedHashMap<>();
        byPerson.forEach((person, connections) -> copy.put(person, List.copyOf(connections)));
        return copy;
    }

    /** One round: read the new items of everyone connected, send them, heartbeat the quiet streams. */
    void poll() {
        Map<String, List<Connection>> connected = snapshot();
        if (connected.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<String> people = new ArrayList<>(connected.keySet());
        for (int from = 0; from < people.size(); from += PEOPLE_PER_READ) {
            Map<String, Instant> floors = new LinkedHashMap<>();
            for (String person : people.subList(from, Math.min(people.size(), from + PEOPLE_PER_READ))) {
                floors.put(person, connected.get(person).stream().map(c -> c.cursor.since())
                        .min(Instant::compareTo).orElse(now));
            }
            Map<String, List<InboxItem>> itemsByPerson = inbox.createdSince(floors, ITEMS_PER_READ).stream()
                    .collect(Collectors.groupingBy(InboxItem::recipientId));
            for (String person : floors.keySet()) {
                List<InboxItem> theirs = itemsByPerson.getOrDefault(person, List.of());
                for (Connection connection : connected.get(person)) {
                    push(connection, connection.cursor.take(theirs), now);
                    connection.cursor.advance(now, properties.lookback());
                }
            }
        }
    }

    private void push(Connection connection, List<InboxItem> items, Instant now) {
        try {
            for (InboxItem item : items) {
                connection.emitter.send(SseEmitter.event().id(item.id()).name("notification")
                        .data(InboxController.InboxItemView.of(item), MediaType.APPLICATION_JSON));
                connection.lastWrite = now;
            }
            if (items.isEmpty() && !connection.lastWrite.plus(properties.heartbeat()).isAfter(now)) {
                connection.emitter.send(SseEmitter.event().comment("keep-alive"));
                connection.lastWrite = now;
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away (or the stream was just closed): forget it
            log.debug("Inbox stream of {} closed: {}", connection.personId, gone.toString());
            unregister(connection);
            try {
                connection.emitter.completeWithError(gone);
            } catch (RuntimeException alreadyClosed) {
                // nothing more to do
            }
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the store may be away for a moment: the next round tries again (a scheduled task that throws stops)
            log.warn("Reading new inbox items for the live streams failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "inbox-streams");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Before the web server's graceful shutdown (a higher phase stops first), which would wait for open streams. */
    @Override
    public void stop() {
        List<Connection> all;
        synchronized (this) {
            if (poller != null) {
                poller.shutdownNow();
                poller = null;
            }
            all = byPerson.values().stream().flatMap(Deque::stream).toList();
        }
        all.forEach(connection -> {
            try {
                connection.emitter.complete();
            } catch (RuntimeException alreadyClosed) {
                // nothing more to do
            }
        });
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
