package ml.sdn.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What waits in the outbox, for operators: per outbox collection, the events not yet published
 * ({@code sdn_outbox_pending_events}) and the age of the oldest one ({@code sdn_outbox_oldest_pending_age_seconds},
 * 0 when none waits). Every instance of a service reports the same backlog (the store is shared).
 * <p>
 * The store is read at most once per {@code refresh}, by the scrape that finds the last reading older: a
 * scrape costs no query in between, and nothing is read while nobody scrapes. A failed read reports NaN
 * (unknown), not the last figures.
 */
public class OutboxBacklog implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    /** One collection's backlog at {@code readAt}; {@code oldest} is null when nothing waits. */
    record Reading(long pending, Instant oldest) {
        static final Reading UNKNOWN = new Reading(-1, null);
    }

    private final MongoTemplate mongo;
    private final List<OutboxCollection> collections;
    private final Duration refresh;
    private final Clock clock;
    private Map<String, Reading> readings = Map.of();
    private Instant readAt;

    public OutboxBacklog(MongoTemplate mongo, List<OutboxCollection> collections, Duration refresh, Clock clock) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxCollection collection : collections) {
            String name = collection.name();
            Gauge.builder("sdn.outbox.pending", this, backlog -> backlog.pending(name))
                    .baseUnit("events")
                    .description("Events written by the service and not yet published to Kafka")
                    .tag("collection", name)
                    .register(registry);
            TimeGauge.builder("sdn.outbox.oldest.pending.age", this, TimeUnit.SECONDS, backlog -> backlog.oldestAgeSeconds(name))
                    .description("How long the oldest unpublished event has waited (0 when none waits)")
                    .tag("collection", name)
                    .register(registry);
        }
    }

    double pending(String collection) {
        Reading reading = reading(collection);
        return reading.pending() < 0 ? Double.NaN : reading.pending();
    }

    double oldestAgeSeconds(String collection) {
        Reading reading = reading(collection);
        if (reading.pending() < 0) {
            return Double.NaN;
        }
        if (reading.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(reading.oldest(), clock.instant()).toMillis() / 1000.0);
    }

    private synchronized Reading reading(String collection) {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(refresh))) {
            Map<String, Reading> fresh = new HashMap<>();
            for (OutboxCollection each : collections) {
                fresh.put(each.name(), read(each));
            }
            readings = fresh;
            readAt = now;
        }
        return readings.getOrDefault(collection, Reading.UNKNOWN);
    }

    /** Only the documents that hold events, and of them only the events' times. */
    private Reading read(OutboxCollection collection) {
        Query holding = new Query(Criteria.where(OutboxCollection.FIELD + ".0").exists(true));
        holding.fields().include(OutboxCollection.FIELD + ".time");
        try {
            long pending = 0;
            Instant oldest = null;
            for (Document document : mongo.find(holding, Document.class, collection.name())) {
                for (Document event : document.getList(OutboxCollection.FIELD, Document.class, List.of())) {
                    pending++;
                    if (event.get("time") instanceof Date time && (oldest == null || time.toInstant().isBefore(oldest))) {
                        oldest = time.toInstant();
                    }
                }
            }
            return new Reading(pending, oldest);
        } catch (RuntimeException e) {
            log.warn("Outbox backlog of {} not read: {}", collection.name(), e.toString());
            return Reading.UNKNOWN;
        }
    }
}
