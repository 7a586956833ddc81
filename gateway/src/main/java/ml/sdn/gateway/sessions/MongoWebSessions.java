package ml.sdn.gateway.sessions;

import com.mongodb.MongoException;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Browser sessions (the sign-in in progress, the security context, the user's tokens) in the gateway's
 * own MongoDB database, so that any gateway instance serves any signed-in browser without sticky
 * sessions. Bearer API calls never reach this store (see SecurityConfig).
 *
 * <p>One document per session; the attributes are Java-serialised as one binary field (Spring Security's
 * contexts and OAuth2 clients are {@link java.io.Serializable}), as Spring Session's former MongoDB module
 * did. {@code expireAt} carries a TTL index so MongoDB removes abandoned sessions; a read also refuses an
 * expired one, because a TTL monitor runs only once a minute (and the embedded store has none).
 */
public class MongoWebSessions implements ReactiveSessionRepository<MapSession> {

    public static final String COLLECTION = "web_sessions";
    private static final Logger log = LoggerFactory.getLogger(MongoWebSessions.class);

    private final ReactiveMongoOperations mongo;
    private final Duration maxInactive;
    private final Clock clock;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    public MongoWebSessions(ReactiveMongoOperations mongo, Duration maxInactive, Clock clock) {
        this.mongo = mongo;
        this.maxInactive = maxInactive;
        this.clock = clock;
        this.deserializer = new DeserializingConverter(MongoWebSessions.class.getClassLoader());
    }

    /** The TTL index; called once at start. */
    public Mono<String> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("expireAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expireAt_ttl"));
    }

    @Override
    public Mono<MapSession> createSession() {
        return Mono.fromSupplier(() -> {
            MapSession session = new MapSession();
            Instant now = clock.instant();
            session.setCreationTime(now);
            session.setLastAccessedTime(now);
            session.setMaxInactiveInterval(maxInactive);
            return session;
        });
    }

    @Override
    public Mono<Void> save(MapSession session) {
        Document document = new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expireAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                .append("attributes", new Binary(serializer.convert(attributes(session))));
        // a signed-in session gets a new id (session fixation): the document under the old id goes
        Mono<Void> renamed = session.getOriginalId().equals(session.getId()) ? Mono.empty() : deleteById(session.getOriginalId());
        return renamed.then(mongo.getCollection(COLLECTION)
                        .flatMap(collection -> Mono.from(collection.replaceOne(new Document("_id", session.getId()), document,
                                new ReplaceOptions().upsert(true)))))
                // Saving runs as the response is committed, too late to answer 503; an error there would reach
                // the browser as an empty 500 (and fail the error page's commit again). The person's next
                // request, which must read the session, gets the 503 problem instead.
                .onErrorResume(MongoWebSessions::storeFailure, e -> {
                    log.warn("A browser session could not be saved: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return mongo.getCollection(COLLECTION)
                .flatMap(collection -> Mono.from(collection.find(new Document("_id", id)).first()))
                .flatMap(document -> {
                    MapSession session;
                    try {
                        session = toSession(id, document);
                    } catch (SerializationFailedException e) {
                        // written by another version of the classes inside: the person signs in again
                        return deleteById(id).then(Mono.<MapSession>empty());
                    }
                    if (expired(session)) {
                        return deleteById(id).then(Mono.<MapSession>empty());
                    }
                    return Mono.just(session);
                });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), COLLECTION).then();
    }

    private static boolean storeFailure(Throwable error) {
        return error instanceof MongoException || error instanceof DataAccessException;
    }

    private boolean expired(MapSession session) {
        Duration idle = session.getMaxInactiveInterval();
        return !idle.isNegative() && clock.instant().isAfter(session.getLastAccessedTime().plus(idle));
    }

    private static HashMap<String, Object> attributes(MapSession session) {
        HashMap<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        return attributes;
    }

    @SuppressWarnings("unchecked")
    private MapSession toSession(String id, Document document) {
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("createdAt").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        Binary attributes = document.get("attributes", Binary.class);
        ((Map<String, Object>) deserializer.convert(attributes.getData())).forEach(session::setAttribute);
        return session;
    }
}
