package ml.sdn.platform.idempotency;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code Idempotency-Key} on the endpoints a service marks {@link AcceptsIdempotencyKey}: the record of keys
 * in the service's own database (collection {@code idempotency_keys}, TTL index on {@code expiresAt}), the
 * filter that captures answers, the interceptor that claims and replays, and the header in the OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformIdempotencyConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<IdempotencyKeyInterceptor> interceptor;

    PlatformIdempotencyConfiguration(ObjectProvider<IdempotencyKeyInterceptor> interceptor) {
        this.interceptor = interceptor;
    }

    @Bean
    IdempotencyKeys idempotencyKeys(MongoTemplate mongo, ObjectProvider<Clock> clock,
                                    @Value("${sdn.idempotency.retention:24h}") Duration retention,
                                    @Value("${sdn.idempotency.in-progress-timeout:60s}") Duration inProgressTimeout) {
        IdempotencyKeys keys = new IdempotencyKeys(mongo, clock.getIfAvailable(Clock::systemUTC), retention, inProgressTimeout);
        keys.createExpiryIndex();
        return keys;
    }

    @Bean
    IdempotencyKeyInterceptor idempotencyKeyInterceptor(IdempotencyKeys keys) {
        return new IdempotencyKeyInterceptor(keys);
    }

    /** After security (order -100): the answers it captures are the endpoints', never a 401. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys));
        registration.setOrder(0);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor.getObject());
    }

    @Bean
    OperationCustomizer idempotencyKeyHeaderDocumented() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(AcceptsIdempotencyKey.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER).required(false)
                        .schema(new StringSchema().maxLength(IdempotencyKey.MAX_LENGTH))
                        .description("Makes the request safe to retry: the same key and request from the same caller "
                                + "within 24 h answer the first answer again (header Idempotent-Replayed: true) and create "
                                + "nothing; the same key with another request: 422; while the first still runs: 409."));
            }
            return operation;
        };
    }
}
