package ml.sdn.testing;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a careless client or an attacker sends to a service, derived from the service's own OpenAPI
 * document: every documented route with malformed ids, malformed query values, malformed bodies in the
 * declared and in wrong content types, and methods it does not have. {@link PlatformContract} sends them all
 * and checks the answers: never a 5xx, never anything but a problem when refused, never a hang.
 */
public final class MalformedRequests {

    /** One request, as it goes on the wire. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            return method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target)
                    + (body == null ? "" : " " + headers.getOrDefault("Content-Type", "") + " [" + text.substring(0, Math.min(text.length(), 40)) + "]");
        }
    }

    static final List<String> IDS = List.of("..", "%00", "a%00b", "1;DROP", "%2e%2e%5c%2e%2e", "%ZZ", "%C0%AE%C0%AE",
            "%FF%FE", "x".repeat(300), "%7B%22%24ne%22:null%7D", "-1", "0");
    static final List<String> QUERY_VALUES = List.of("", "abc", "-1", "99999999999999999999", "%ZZ",
            "%7B%22%24gt%22:%22%22%7D", "x".repeat(2000));
    static final List<String> JSON_BODIES = List.of("", "{", "[]", "null", "\"text\"", "123", "{\"a\":", "{}",
            "{\"id\":{\"$ne\":null},\"name\":{\"$gt\":\"\"}}", "[".repeat(2000) + "]".repeat(2000),
            "{\"x\":\"" + "y".repeat(100_000) + "\"}", "\u0000\u0001\u0002", "{\"date\":\"2026-02-30\",\"count\":1e309}");
    static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "multipart/form-data; boundary=xyz",
            "multipart/form-data", "application/x-www-form-urlencoded", "application/json; charset=klingon");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

    private MalformedRequests() {
    }

    /** Every malformed request for every operation of the document, except server-sent event streams. */
    public static List<Request> of(JsonNode openApi, String token) {
        List<Request> requests = new ArrayList<>();
        openApi.get("paths").properties().forEach(entry -> {
            String path = entry.getKey();
            JsonNode operations = entry.getValue();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = operations.get(method);
                if (operation == null || isEventStream(operation)) {
                    continue;
                }
                requests.addAll(forOperation(method.toUpperCase(), path, operation, token));
            }
            requests.add(new Request("FOO", concrete(path, "x"), auth(token), null));
            requests.add(new Request("TRACE", concrete(path, "x"), auth(token), null));
        });
        return requests;
    }

    private static List<Request> forOperation(String method, String path, JsonNode operation, String token) {
        List<Request> requests = new ArrayList<>();
        boolean hasBody = operation.has("requestBody");
        byte[] emptyJson = hasBody ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        Map<String, String> json = hasBody ? withType(token, "application/json") : auth(token);
        if (PATH_PARAMETER.matcher(path).find()) {
            IDS.forEach(id -> requests.add(new Request(method, concrete(path, id), json, emptyJson)));
        }
        List<String> queryNames = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asString(""))) {
                queryNames.add(parameter.path("name").asString(""));
            }
        });
        if (!queryNames.isEmpty()) {
            QUERY_VALUES.forEach(value -> {
                StringBuilder query = new StringBuilder();
                queryNames.forEach(name -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
                requests.add(new Request(method, concrete(path, "x") + query, json, emptyJson));
            });
        }
        if (hasBody) {
            for (String type : declaredTypes(operation)) {
                JSON_BODIES.forEach(body -> requests.add(new Request(method, concrete(path, "x"), withType(token, type),
                        body.getBytes(StandardCharsets.UTF_8))));
            }
            WRONG_TYPES.forEach(type -> requests.add(new Request(method, concrete(path, "x"), withType(token, type),
                    "--xyz\r\nbroken".getBytes(StandardCharsets.UTF_8))));
        }
        return requests;
    }

    private static List<String> declaredTypes(JsonNode operation) {
        List<String> types = new ArrayList<>();
        operation.path("requestBody").path("content").propertyNames().forEach(types::add);
        return types.isEmpty() ? List.of("application/json") : types;
    }

    private static boolean isEventStream(JsonNode operation) {
        return operation.path("responses").toString().contains("text/event-stream");
    }

    private static String concrete(String path, String id) {
        return PATH_PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(id));
    }

    private static Map<String, String> auth(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        return headers;
    }

    private static Map<String, String> withType(String token, String type) {
        Map<String, String> headers = auth(token);
        headers.put("Content-Type", type);
        return headers;
    }
}
