package ml.sdn.testing;

import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A POST endpoint that creates something and accepts an {@code Idempotency-Key}, described so that
 * {@link IdempotencyChecks} can exercise it: {@code operation} as the OpenAPI document names it
 * ({@code POST /api/registrations/organizations/{id}/invitations}), and how to prepare a fresh caller.
 *
 * @param prepare given a username no other test uses, mints that caller's token, creates what the caller
 *                needs first (a profile, an organisation, a day…) and answers what they send
 */
public record CreatingEndpoint(String operation, Function<String, Creation> prepare) {

    /**
     * What one caller sends: {@code request}, another request to the same endpoint ({@code otherRequest}:
     * another body, or another path when there is no body), and how many things this caller has created so
     * far, read back from the service (a list through the API, or the store).
     */
    public record Creation(String token, Request request, Request otherRequest, IntSupplier created) {
    }

    /** A path, and a JSON body or {@code null} for none. */
    public record Request(String path, String json) {
    }

    @Override
    public String toString() {
        return operation;
    }
}
