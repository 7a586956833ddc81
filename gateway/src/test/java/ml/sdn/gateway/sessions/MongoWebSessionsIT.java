package ml.sdn.gateway.sessions;

import ml.sdn.testing.MutableClock;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import ml.sdn.testing.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.MapSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session store against the MongoDB-protocol store: what one gateway instance saves, another reads. */
class MongoWebSessionsIT {

    private static final EmbeddedMongo STORE = EmbeddedMongo.start();
    private static final MongoClient CLIENT = MongoClients.create(STORE.uri());

    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(CLIENT, "sdn_gateway_test");
    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-29T08:00:00Z"));
    /** Two gateway instances over the same store. */
    private final MongoWebSessions first = new MongoWebSessions(mongo, Duration.ofMinutes(30), clock);
    private final MongoWebSessions second = new MongoWebSessions(mongo, Duration.ofMinutes(30), clock);

    @AfterAll
    static void stop() {
        CLIENT.close();
        STORE.close();
    }

    @Test
    void a_session_saved_by_one_instance_is_read_by_another_with_its_security_context() {
        MapSession session = first.createSession().block();
        var context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("participant-ne", null, List.of()));
        session.setAttribute("SPRING_SECURITY_CONTEXT", context);
        first.save(session).block();

        MapSession read = second.findById(session.getId()).block();

        assertThat(read).isNotNull();
        SecurityContextImpl readContext = read.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(readContext.getAuthentication().getName()).isEqualTo("participant-ne");
        assertThat(read.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(read.getCreationTime()).isEqualTo(session.getCreationTime());
    }

    @Test
    void a_new_id_after_sign_in_leaves_nothing_under_the_old_one() {
        MapSession session = first.createSession().block();
        session.setAttribute("step", "authorization request");
        first.save(session).block();
        String before = session.getId();

        MapSession read = second.findById(before).block();
        read.setAttribute("step", "signed in");
        read.changeSessionId();
        second.save(read).block();

        assertThat(first.findById(before).blockOptional()).isEmpty();
        assertThat(first.findById(read.getId()).block().<String>getAttribute("step")).isEqualTo("signed in");
        assertThat(count(before)).isZero();
    }

    @Test
    void an_idle_session_expires_and_its_document_goes() {
        MapSession session = first.createSession().block();
        first.save(session).block();

        clock.advance(Duration.ofMinutes(31));

        assertThat(second.findById(session.getId()).blockOptional()).isEmpty();
        assertThat(count(session.getId())).isZero();
    }

    @Test
    void a_session_used_within_its_idle_time_lives_on() {
        MapSession session = first.createSession().block();
        first.save(session).block();
        clock.advance(Duration.ofMinutes(20));
        MapSession used = second.findById(session.getId()).block();
        used.setLastAccessedTime(clock.instant());
        second.save(used).block();

        clock.advance(Duration.ofMinutes(20));

        assertThat(first.findById(session.getId()).blockOptional()).isPresent();
    }

    @Test
    void signing_out_deletes_the_session_for_every_instance() {
        MapSession session = first.createSession().block();
        first.save(session).block();

        second.deleteById(session.getId()).block();

        assertThat(first.findById(session.getId()).blockOptional()).isEmpty();
    }

    @Test
    void an_unreadable_session_means_signing_in_again_not_an_error() {
        MapSession session = first.createSession().block();
        first.save(session).block();
        Mono.from(CLIENT.getDatabase("sdn_gateway_test").getCollection(MongoWebSessions.COLLECTION)
                .updateOne(new Document("_id", session.getId()),
                        new Document("$set", new Document("attributes", new Binary(new byte[]{1, 2, 3}))))).block();

        assertThat(second.findById(session.getId()).blockOptional()).isEmpty();
        assertThat(count(session.getId())).isZero();
    }

    @Test
    void the_expiry_index_is_created() {
        first.createIndexes().block();

        var indexes = mongo.indexOps(MongoWebSessions.COLLECTION).getIndexInfo().collectList().block();

        assertThat(indexes).anySatisfy(index -> assertThat(index.getName()).isEqualTo("expireAt_ttl"));
    }

    private long count(String id) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), MongoWebSessions.COLLECTION).block();
    }

}
