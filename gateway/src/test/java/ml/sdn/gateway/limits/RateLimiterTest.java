package ml.sdn.gateway.limits;

import ml.sdn.gateway.GatewayProperties;
import ml.sdn.gateway.problems.GatewayProblem;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    static final WebFilterChain PASSES = exchange -> Mono.empty();

    final RateLimiter limiter = new RateLimiter(properties(new GatewayProperties.RateLimit(5, Duration.ofMinutes(1), 20,
            List.of("196.200.80.0/24"), 50)));

    @Test
    void a_hall_behind_the_venues_address_gets_the_shared_allowance_and_then_a_429() {
        assertThat(passed("196.200.80.10", 60)).isEqualTo(50);
    }

    @Test
    void another_address_keeps_one_persons_allowance() {
        assertThat(passed("196.200.81.10", 60)).isEqualTo(5);
        // the venue's bucket is not this address's
        assertThat(passed("196.200.80.10", 1)).isEqualTo(1);
    }

    @Test
    void without_shared_addresses_every_address_has_the_same_allowance() {
        RateLimiter plain = new RateLimiter(properties(new GatewayProperties.RateLimit(5, Duration.ofMinutes(1), 20, List.of(), 0)));
        assertThat(passed(plain, "196.200.80.10", 20)).isEqualTo(5);
    }

    private int passed(String address, int requests) {
        return passed(limiter, address, requests);
    }

    /** How many of {@code requests} from that address pass; every other one must be refused with the 429 problem. */
    private static int passed(RateLimiter limiter, String address, int requests) {
        int passed = 0;
        for (int i = 0; i < requests; i++) {
            passed += limiter.consumeByAddress(exchangeFrom(address), PASSES).then(Mono.just(1))
                    .onErrorResume(GatewayProblemIs429::check).block();
        }
        return passed;
    }

    private static MockServerWebExchange exchangeFrom(String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/programme").remoteAddress(new InetSocketAddress(address, 50_000)));
    }

    private static GatewayProperties properties(GatewayProperties.RateLimit rateLimit) {
        return new GatewayProperties(null, rateLimit, List.of(), null, null, List.of(), List.of());
    }

    private static final class GatewayProblemIs429 {
        static Mono<Integer> check(Throwable error) {
            assertThat(error).isInstanceOf(GatewayProblem.class);
            assertThat(((GatewayProblem) error).getStatusCode().value()).isEqualTo(429);
            return Mono.just(0);
        }
    }
}
