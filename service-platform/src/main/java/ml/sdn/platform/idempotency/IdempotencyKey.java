package ml.sdn.platform.idempotency;

import java.util.List;

/**
 * The value of an {@code Idempotency-Key} header, opaque and compared exactly (a UUID is the usual choice).
 * Refused when missing a value, longer than {@link #MAX_LENGTH} characters, made of spaces only, or holding
 * a control character, and when the header is sent more than once.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("control character");
        }
    }

    /** The key from every value the request carries for the header. */
    public static IdempotencyKey of(List<String> headerValues) {
        if (headerValues.size() != 1) {
            throw new IllegalArgumentException(headerValues.isEmpty() ? "empty" : "sent more than once");
        }
        return new IdempotencyKey(headerValues.get(0));
    }
}
