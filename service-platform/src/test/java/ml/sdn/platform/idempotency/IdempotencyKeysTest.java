package ml.sdn.platform.idempotency;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.testing.MutableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record of keys against the real MongoDB-protocol store, through the official driver, with a clock the test moves. */
class IdempotencyKeysTest {

    private static EmbeddedMongo store;
    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-18T08:00:00Z"));
    private final IdempotencyKeys keys = new IdempotencyKeys(mongo, clock, Duration.ofHours(24), Duration.ofSeconds(60));
    private final IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());

    @BeforeAll
    static void startStore() {
        store = EmbeddedMongo.start();
        client = MongoClients.create(store.uri());
        mongo = new MongoTemplate(client, "sdn_platform_test");
    }

    @AfterAll
    static void stopStore() {
        client.close();
        store.close();
    }


    private IdempotencyKeys.Claimed claimed(String caller, String fingerprint) {
        IdempotencyKeys.Outcome outcome = keys.claim(caller, key, fingerprint);
        assertThat(outcome).isInstanceOf(IdempotencyKeys.Claimed.class);
        return (IdempotencyKeys.Claimed) outcome;
    }

    private void answer(IdempotencyKeys.Claimed claimed) {
        keys.complete(claimed, 201, List.of(new IdempotentRequest.StoredHeader("Location", "/api/x/things/1"),
                new IdempotentRequest.StoredHeader("Content-Type", "application/json")), "{\"id\":\"1\"}".getBytes());
    }

    @Test
    void the_answer_is_given_again_to_the_same_request_for_24_hours() {
        answer(claimed("alice", "fp"));

        clock.advance(Duration.ofHours(23));
        IdempotencyKeys.Outcome retry = keys.claim("alice", key, "fp");

        assertThat(retry).isInstanceOf(IdempotencyKeys.Replay.class);
        IdempotentRequest answered = ((IdempotencyKeys.Replay) retry).answered();
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.headers()).contains(new IdempotentRequest.StoredHeader("Location", "/api/x/things/1"));
        assertThat(new String(answered.body())).isEqualTo("{\"id\":\"1\"}");
        assertThat(answered.expiresAt()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));

        clock.advance(Duration.ofHours(1));
        assertThat(keys.claim("alice", key, "fp")).as("after 24 h the key is new again").isInstanceOf(IdempotencyKeys.Claimed.class);
    }

    @Test
    void another_request_under_the_key_is_a_422_naming_the_header() {
        answer(claimed("alice", "fp"));

        assertThatThrownBy(() -> keys.claim("alice", key, "other"))
                .isInstanceOfSatisfying(FieldRejectedException.class, rejected -> {
                    assertThat(rejected.refusal()).isEqualTo(Refusal.UNUSABLE);
                    assertThat(rejected.field()).isEqualTo("Idempotency-Key");
                });
    }

    @Test
    void a_duplicate_while_the_first_runs_is_in_progress_until_its_lock_runs_out() {
        IdempotencyKeys.Claimed first = claimed("alice", "fp");

        assertThatThrownBy(() -> keys.claim("alice", key, "fp")).isInstanceOf(IdempotencyKeys.InProgress.class);

        clock.advance(Duration.ofSeconds(61));
        IdempotencyKeys.Claimed takeover = claimed("alice", "fp");
        assertThat(takeover.claim()).isNotEqualTo(first.claim());
        // the abandoned request finishing late does not overwrite the one that took over
        answer(first);
        assertThatThrownBy(() -> keys.claim("alice", key, "fp")).isInstanceOf(IdempotencyKeys.InProgress.class);
    }

    @Test
    void a_released_claim_lets_the_client_try_again_at_once() {
        keys.release(claimed("alice", "fp"));

        assertThat(keys.claim("alice", key, "fp")).isInstanceOf(IdempotencyKeys.Claimed.class);
    }

    @Test
    void the_same_key_of_another_caller_is_theirs() {
        answer(claimed("alice", "fp"));

        assertThat(keys.claim("bob", key, "other")).isInstanceOf(IdempotencyKeys.Claimed.class);
    }

    @Test
    void the_store_purges_records_after_expiresAt() {
        keys.createExpiryIndex();

        assertThat(mongo.indexOps(IdempotentRequest.COLLECTION).getIndexInfo())
                .anySatisfy(index -> {
                    assertThat(index.getName()).isEqualTo("expiresAt_ttl");
                    assertThat(index.getExpireAfter()).contains(Duration.ZERO);
                });
    }
}
