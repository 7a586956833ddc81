package ml.sdn.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static ml.sdn.platform.idempotency.IdempotentRequest.Verdict.IN_PROGRESS;
import static ml.sdn.platform.idempotency.IdempotentRequest.Verdict.OTHER_REQUEST;
import static ml.sdn.platform.idempotency.IdempotentRequest.Verdict.REPLAY;
import static ml.sdn.platform.idempotency.IdempotentRequest.Verdict.START_OVER;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotentRequestTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T09:00:00Z");

    private static IdempotentRequest running() {
        return new IdempotentRequest("id", "sub", "k", "fp", "claim-1", FIRST.plusSeconds(60), FIRST.plus(Duration.ofHours(24)),
                null, null, null);
    }

    private static IdempotentRequest answered() {
        return new IdempotentRequest("id", "sub", "k", "fp", "claim-1", FIRST.plusSeconds(60), FIRST.plus(Duration.ofHours(24)),
                201, List.of(new IdempotentRequest.StoredHeader("Location", "/x/1")), new byte[]{'{', '}'});
    }

    @Test
    void the_same_request_after_the_answer_gets_it_again_until_24_hours_have_passed() {
        assertThat(answered().judge("fp", FIRST.plusSeconds(1))).isEqualTo(REPLAY);
        assertThat(answered().judge("fp", FIRST.plus(Duration.ofHours(24)).minusMillis(1))).isEqualTo(REPLAY);
        assertThat(answered().judge("fp", FIRST.plus(Duration.ofHours(24)))).isEqualTo(START_OVER);
    }

    @Test
    void another_request_under_the_key_is_refused_whether_the_first_answered_or_not() {
        assertThat(answered().judge("other", FIRST.plusSeconds(1))).isEqualTo(OTHER_REQUEST);
        assertThat(running().judge("other", FIRST.plusSeconds(1))).isEqualTo(OTHER_REQUEST);
    }

    @Test
    void another_request_under_an_expired_key_starts_over() {
        assertThat(answered().judge("other", FIRST.plus(Duration.ofHours(25)))).isEqualTo(START_OVER);
    }

    @Test
    void the_same_request_while_the_first_runs_is_in_progress_until_its_lock_runs_out() {
        assertThat(running().judge("fp", FIRST.plusSeconds(59))).isEqualTo(IN_PROGRESS);
        assertThat(running().judge("fp", FIRST.plusSeconds(60))).isEqualTo(START_OVER);
    }

    @Test
    void keys_are_kept_per_caller() {
        IdempotencyKey key = new IdempotencyKey("k-1");

        assertThat(IdempotentRequest.idOf("alice", key)).isNotEqualTo(IdempotentRequest.idOf("bob", key));
        assertThat(IdempotentRequest.idOf("ab", new IdempotencyKey("c")))
                .isNotEqualTo(IdempotentRequest.idOf("a", new IdempotencyKey("bc")));
    }
}
