package ml.sdn.testing;

import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Idempotency-Key} behaviour of one creating endpoint, from the client's side on the service's
 * real port: a retry answers the first answer and creates nothing; the key with another request is a 422
 * problem; concurrent duplicates create one thing (the others get the first answer or a 409 problem with
 * Retry-After); another caller's equal key is theirs alone; a malformed key is a 400 problem naming the
 * header and creates nothing; without the header nothing changes.
 */
public final class IdempotencyChecks {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int CONCURRENT_CALLS = 6;

    private IdempotencyChecks() {
    }

    public static List<DynamicTest> of(ServiceApi api, CreatingEndpoint endpoint) {
        String on = " (" + endpoint.operation() + ")";
        return List.of(
                DynamicTest.dynamicTest("a retry with the same key answers the first answer and creates nothing" + on,
                        () -> retryIsAnsweredTheFirstAnswer(api, endpoint)),
                DynamicTest.dynamicTest("the same key with another request is a 422 problem naming the header" + on,
                        () -> keyReusedForAnotherRequestIsRefused(api, endpoint)),
                DynamicTest.dynamicTest("concurrent duplicates create one thing" + on,
                        () -> concurrentDuplicatesCreateOneThing(api, endpoint)),
                DynamicTest.dynamicTest("another caller's equal key is independent" + on,
                        () -> keysArePerCaller(api, endpoint)),
                DynamicTest.dynamicTest("a malformed key is a 400 problem naming the header and creates nothing" + on,
                        () -> malformedKeysAreRefused(api, endpoint)),
                DynamicTest.dynamicTest("without the header the endpoint behaves as without idempotency" + on,
                        () -> noKeyNoReplay(api, endpoint)));
    }

    private static CreatingEndpoint.Creation prepare(CreatingEndpoint endpoint) {
        return endpoint.prepare().apply("idem-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static ServiceApi.Response send(ServiceApi api, String token, CreatingEndpoint.Request request, String... headers) {
        return request.json() == null ? api.post(request.path(), token, headers)
                : api.postJson(request.path(), token, request.json(), headers);
    }

    private static void assertCreated(ServiceApi.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        assertThat(response.header(REPLAYED)).isNull();
    }

    private static void assertSameAnswer(ServiceApi.Response replay, ServiceApi.Response first) {
        assertThat(replay.status()).as(replay.body()).isEqualTo(first.status());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.contentType()).isEqualTo(first.contentType());
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(replay.header(REPLAYED)).isEqualTo("true");
    }

    private static void assertProblemNamingTheHeader(ServiceApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.path("errors").findValuesAsString("field")).as(response.body()).containsExactly(HEADER);
    }

    static void retryIsAnsweredTheFirstAnswer(ServiceApi api, CreatingEndpoint endpoint) {
        CreatingEndpoint.Creation creation = prepare(endpoint);
        String key = UUID.randomUUID().toString();

        ServiceApi.Response first = send(api, creation.token(), creation.request(), HEADER, key);
        ServiceApi.Response retry = send(api, creation.token(), creation.request(), HEADER, key);
        ServiceApi.Response later = send(api, creation.token(), creation.request(), HEADER, key);

        assertCreated(first);
        assertSameAnswer(retry, first);
        assertSameAnswer(later, first);
        assertThat(creation.created().getAsInt()).isEqualTo(1);
    }

    static void keyReusedForAnotherRequestIsRefused(ServiceApi api, CreatingEndpoint endpoint) {
        CreatingEndpoint.Creation creation = prepare(endpoint);
        String key = UUID.randomUUID().toString();
        ServiceApi.Response first = send(api, creation.token(), creation.request(), HEADER, key);
        assertCreated(first);

        ServiceApi.Response other = send(api, creation.token(), creation.otherRequest(), HEADER, key);

        assertProblemNamingTheHeader(other, 422);
        assertThat(other.json().get("detail").asString()).contains(HEADER);
        assertThat(creation.created().getAsInt()).isEqualTo(1);
        // the key still answers the request it was first used for
        assertSameAnswer(send(api, creation.token(), creation.request(), HEADER, key), first);
    }

    static void concurrentDuplicatesCreateOneThing(ServiceApi api, CreatingEndpoint endpoint) throws Exception {
        CreatingEndpoint.Creation creation = prepare(endpoint);
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_CALLS);
        List<ServiceApi.Response> responses = new ArrayList<>();
        try {
            List<CompletableFuture<ServiceApi.Response>> calls = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CALLS; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return send(api, creation.token(), creation.request(), HEADER, key);
                }, threads));
            }
            start.countDown();
            for (CompletableFuture<ServiceApi.Response> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        List<ServiceApi.Response> answered = responses.stream().filter(response -> response.status() != 409).toList();
        assertThat(answered).as("answers other than 409 in progress").isNotEmpty();
        assertThat(answered.stream().filter(response -> response.header(REPLAYED) == null)).as("executed").hasSize(1);
        ServiceApi.Response executed = answered.stream().filter(response -> response.header(REPLAYED) == null).findFirst().orElseThrow();
        assertCreated(executed);
        answered.stream().filter(response -> response != executed).forEach(replay -> assertSameAnswer(replay, executed));
        responses.stream().filter(response -> response.status() == 409).forEach(inProgress -> {
            assertThat(inProgress.contentType()).startsWith("application/problem+json");
            assertThat(inProgress.header("Retry-After")).isEqualTo("1");
            assertThat(inProgress.json().get("detail").asString()).contains(HEADER);
        });
        assertThat(creation.created().getAsInt()).isEqualTo(1);
        // once the first has answered, a retry gets its answer
        assertSameAnswer(send(api, creation.token(), creation.request(), HEADER, key), executed);
    }

    static void keysArePerCaller(ServiceApi api, CreatingEndpoint endpoint) {
        CreatingEndpoint.Creation first = prepare(endpoint);
        CreatingEndpoint.Creation second = prepare(endpoint);
        String key = UUID.randomUUID().toString();

        ServiceApi.Response firstAnswer = send(api, first.token(), first.request(), HEADER, key);
        ServiceApi.Response secondAnswer = send(api, second.token(), second.request(), HEADER, key);

        assertCreated(firstAnswer);
        assertCreated(secondAnswer);
        assertThat(secondAnswer.json()).isNotEqualTo(firstAnswer.json());
        assertThat(first.created().getAsInt()).isEqualTo(1);
        assertThat(second.created().getAsInt()).isEqualTo(1);
    }

    static void malformedKeysAreRefused(ServiceApi api, CreatingEndpoint endpoint) {
        CreatingEndpoint.Creation creation = prepare(endpoint);
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("empty", "");
        malformed.put("256 characters", "k".repeat(256));
        malformed.put("a tab", "a\tb");
        malformed.put("a C1 control character", "a\u0085b");
        malformed.forEach((label, value) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + creation.token());
            headers.put(HEADER, value);
            byte[] body = null;
            if (creation.request().json() != null) {
                headers.put("Content-Type", "application/json");
                body = creation.request().json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            ServiceApi.Response response = api.raw("POST", creation.request().path(), headers, body);

            assertThat(response.status()).as(label + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(label).contains(HEADER);
            assertProblemNamingTheHeader(response, 400);
        });
        ServiceApi.Response twice = send(api, creation.token(), creation.request(), HEADER, "a", HEADER, "b");
        assertProblemNamingTheHeader(twice, 400);
        assertThat(creation.created().getAsInt()).isZero();
    }

    static void noKeyNoReplay(ServiceApi api, CreatingEndpoint endpoint) {
        CreatingEndpoint.Creation creation = prepare(endpoint);

        ServiceApi.Response first = send(api, creation.token(), creation.request());
        ServiceApi.Response again = send(api, creation.token(), creation.request());

        assertCreated(first);
        assertThat(again.header(REPLAYED)).isNull();
        assertThat(creation.created().getAsInt()).isGreaterThanOrEqualTo(1);
    }
}
