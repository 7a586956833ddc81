package ml.sdn.gateway.routing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

/**
 * How long the gateway keeps the address a service's name resolved to. Reactor Netty resolves names itself and keeps
 * each answer as long as the DNS server says: compose's DNS says 600 s, so a replica recreated at another address
 * was still sought at its old one for up to ten minutes (recovery relied on it getting its old address back). Here
 * an answer is kept {@code sdn.gateway.name-cache-ttl} (5 s) at most and a failed lookup not at all, for the routes
 * and for the instance checks alike.
 */
@Configuration(proxyBeanMethods = false)
class NameLookups {

    @Bean
    HttpClientCustomizer lookNamesUpAgain(@Value("${sdn.gateway.name-cache-ttl:5s}") Duration ttl) {
        return client -> lookingUpAgainWithin(client, ttl);
    }

    static HttpClient lookingUpAgainWithin(HttpClient client, Duration ttl) {
        return client.resolver(spec -> spec.cacheMaxTimeToLive(ttl).cacheNegativeTimeToLive(Duration.ZERO));
    }
}
