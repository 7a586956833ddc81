package ml.sdn.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's own knobs ({@code sdn.gateway.*}); Spring Cloud Gateway's live under its own prefix.
 * {@code publicGetPaths}: API paths anyone may GET without signing in (the current edition, published
 * results); the service behind them declares the same paths public and still checks a token when one is sent.
 * {@code signedInPagePaths}: the portal's (and the gateway's own) pages that need a signed-in person; a visitor
 * without a session is sent to sign in there, while any other page address goes to the portal anonymously, which
 * answers its public pages and "page not found" for an address no page answers.
 */
@ConfigurationProperties("sdn.gateway")
public record GatewayProperties(
        DataSize maxRequestSize,
        RateLimit rateLimit,
        List<String> corsAllowedOrigins,
        String contentSecurityPolicy,
        CircuitBreaker circuitBreaker,
        List<String> publicGetPaths,
        List<String> signedInPagePaths) {

    public GatewayProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
        signedInPagePaths = signedInPagePaths == null ? List.of() : List.copyOf(signedInPagePaths);
    }

    /**
     * A token bucket per client: {@code capacity} requests, refilled completely every {@code refillPeriod};
     * and {@code failedTokenCapacity} refused bearer tokens per address and per token over the same period.
     * Requests without credentials are counted per address; an address inside one of {@code sharedAddresses}
     * (networks in CIDR notation: the venue's public address, an operator's carrier-grade NAT, where hundreds
     * of people come through one address) gets {@code sharedAddressCapacity} instead.
     */
    public record RateLimit(long capacity, Duration refillPeriod, long failedTokenCapacity, List<String> sharedAddresses,
                            long sharedAddressCapacity) {

        public RateLimit {
            sharedAddresses = sharedAddresses == null ? List.of()
                    : sharedAddresses.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
            if (sharedAddressCapacity <= 0) {
                sharedAddressCapacity = capacity;
            }
        }
    }

    public record CircuitBreaker(float failureRateThreshold, int minimumNumberOfCalls, Duration waitInOpenState,
                                 int maxConcurrentCalls) {
    }
}
