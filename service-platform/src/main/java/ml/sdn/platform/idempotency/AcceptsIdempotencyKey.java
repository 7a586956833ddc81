package ml.sdn.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST endpoint that creates something as safe to retry with an {@code Idempotency-Key} header:
 * the same caller sending the same key and the same request within the retention period (24 h) gets the
 * first answer again (status, Location, body) and nothing new is created; the same key with another
 * request is a 422 problem; a retry while the first is still running is a 409 problem. Without the header
 * the endpoint behaves as if it were not marked. The endpoint must read a JSON body or none (the body is
 * buffered to be fingerprinted). See docs/decisions/0009-idempotency-keys.md.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptsIdempotencyKey {
}
