package ml.sdn.gateway.sessions;

import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Spring Session's WebFlux support over {@link MongoWebSessions}: every gateway instance reads the same
 * sessions. The cookie keeps what {@code server.reactive.session.*} said for the in-memory sessions
 * (name SESSION, HttpOnly, SameSite=Lax, Secure in the prod profile).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreConfig.class);

    /**
     * A browser waits on the store for every page: when it is away, answer 503 within seconds rather
     * than after the driver's default 30 s server selection.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer quickFailingSessionStore() {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS));
    }

    @Bean
    MongoWebSessions sessionRepository(ReactiveMongoOperations mongo, Clock clock,
                                       @Value("${server.reactive.session.timeout:30m}") Duration timeout) {
        return new MongoWebSessions(mongo, timeout, clock);
    }

    @Bean
    WebSessionIdResolver webSessionIdResolver(@Value("${server.reactive.session.cookie.secure:false}") boolean secure,
                                              @Value("${server.reactive.session.cookie.same-site:Lax}") String sameSite) {
        // "lax" in the properties, "Lax" on the wire (Netty reads the attribute by its enum name)
        String attribute = sameSite.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sameSite.substring(1).toLowerCase(java.util.Locale.ROOT);
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.addCookieInitializer(cookie -> {
            cookie.httpOnly(true).sameSite(attribute);
            if (secure) {
                cookie.secure(true);
            }
        });
        return resolver;
    }

    @Bean
    ApplicationRunner sessionIndexes(MongoWebSessions sessions) {
        // not awaited: a store that answers late only delays MongoDB's own clean-up; reads refuse expired sessions
        return arguments -> sessions.createIndexes()
                .doOnError(e -> log.warn("The sessions' expiry index could not be created: {}", e.toString()))
                .onErrorComplete()
                .subscribe();
    }
}
