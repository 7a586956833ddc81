package ml.sdn.gateway.security;

import ml.sdn.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-29T09:00:00Z"));
    /** What the real checks would answer, per token; every call recorded. */
    private final Map<String, Jwt> valid = new HashMap<>();
    private final List<String> checked = new ArrayList<>();
    private final ReactiveJwtDecoder checks = token -> {
        checked.add(token);
        Jwt jwt = valid.get(token);
        return jwt == null ? Mono.error(new BadJwtException("bad signature")) : Mono.just(jwt);
    };
    private final VerifiedTokens tokens = new VerifiedTokens(checks, clock, 3);

    @Test
    void an_accepted_token_is_checked_once_while_it_is_valid() {
        Jwt jwt = token("a", Duration.ofMinutes(5));

        assertThat(tokens.decode("a").block()).isSameAs(jwt);
        clock.advance(Duration.ofMinutes(4));
        assertThat(tokens.decode("a").block()).isSameAs(jwt);

        assertThat(checked).containsExactly("a");
    }

    @Test
    void once_expired_the_token_goes_through_every_check_again() {
        token("a", Duration.ofMinutes(5));
        tokens.decode("a").block();

        clock.advance(Duration.ofMinutes(5).plusMillis(1));
        valid.remove("a"); // the real checks now refuse it (expired)

        assertThatThrownBy(() -> tokens.decode("a").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("a", "a");
    }

    @Test
    void a_refused_token_is_never_kept() {
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_token_accepted_within_the_clock_skew_after_its_expiry_is_not_kept() {
        token("late", Duration.ofSeconds(-30)); // the real checks allow 60 s of skew

        tokens.decode("late").block();
        tokens.decode("late").block();

        assertThat(checked).containsExactly("late", "late");
    }

    @Test
    void each_token_has_its_own_answer_and_at_most_the_maximum_are_kept() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            token(name, Duration.ofMinutes(5));
            assertThat(tokens.decode(name).block().getSubject()).isEqualTo(name);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    private Jwt token(String name, Duration validFor) {
        Jwt jwt = Jwt.withTokenValue(name).header("alg", "RS256").subject(name)
                .issuedAt(clock.instant().minusSeconds(60)).expiresAt(clock.instant().plus(validFor)).build();
        valid.put(name, jwt);
        return jwt;
    }

}
