package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceDaysIT extends AttendanceIT {

    @Test
    void an_organizer_opens_a_day_with_201_then_changes_its_capacity_with_200() {
        LocalDate day = freshDay();

        ServiceApi.Response created = api().put(DAYS + "/" + day, organizer(), "{\"capacity\":120}");
        ServiceApi.Response changed = api().put(DAYS + "/" + day, organizer(), "{\"capacity\":150}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("day").asString()).isEqualTo(day.toString());
        assertThat(created.json().get("capacity").asInt()).isEqualTo(120);
        assertThat(created.json().get("placesLeft").asInt()).isEqualTo(120);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("capacity").asInt()).isEqualTo(150);
    }

    @Test
    void anyone_signed_in_sees_each_day_with_its_capacity_confirmed_waiting_and_places_left() {
        LocalDate day = openDay(2);
        register(participant("ML"), day);
        register(participant("BF"), day);
        register(participant("NE"), day);

        ServiceApi.Response days = api().get(DAYS, participant("NE"));

        assertThat(days.status()).isEqualTo(200);
        JsonNode mine = dayIn(days.json(), day);
        assertThat(mine.get("capacity").asInt()).isEqualTo(2);
        assertThat(mine.get("confirmed").asInt()).isEqualTo(2);
        assertThat(mine.get("waiting").asInt()).isEqualTo(1);
        assertThat(mine.get("placesLeft").asInt()).isZero();
    }

    @Test
    void days_are_listed_in_calendar_order() {
        LocalDate earlier = freshDay();
        LocalDate later = freshDay();
        api().put(DAYS + "/" + later, organizer(), "{\"capacity\":5}");
        api().put(DAYS + "/" + earlier, organizer(), "{\"capacity\":5}");

        List<String> listed = api().get(DAYS, participant("ML")).json().findValuesAsString("day");

        assertThat(listed).containsSubsequence(earlier.toString(), later.toString());
        assertThat(listed).isSorted();
    }

    @Test
    void raising_the_capacity_promotes_the_first_waiting_people_into_the_new_places() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String first = participant("BF");
        String second = participant("NE");
        String third = participant("ML");
        register(first, day);
        register(second, day);
        register(third, day);

        ServiceApi.Response raised = api().put(DAYS + "/" + day, organizer(), "{\"capacity\":3}");

        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.json().get("confirmed").asInt()).isEqualTo(3);
        assertThat(raised.json().get("waiting").asInt()).isEqualTo(1);
        assertThat(statusOf(first, day)).isEqualTo("CONFIRMED");
        assertThat(statusOf(second, day)).isEqualTo("CONFIRMED");
        assertThat(statusOf(third, day)).isEqualTo("WAITING");
        assertThat(myDay(third, day).get("position").asInt()).isEqualTo(1);
    }

    @Test
    void lowering_the_capacity_below_the_confirmed_count_removes_nobody_and_confirms_nobody_new() {
        LocalDate day = openDay(3);
        String a = participant("ML");
        String b = participant("BF");
        String c = participant("NE");
        register(a, day);
        register(b, day);
        register(c, day);

        ServiceApi.Response lowered = api().put(DAYS + "/" + day, organizer(), "{\"capacity\":1}");
        cancel(a, day);
        String newcomer = participant("ML");
        ServiceApi.Response late = register(newcomer, day);

        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.json().get("confirmed").asInt()).isEqualTo(3);
        assertThat(lowered.json().get("placesLeft").asInt()).isZero();
        assertThat(lowered.json().get("overbooked").asInt()).isEqualTo(2);
        assertThat(statusOf(b, day)).isEqualTo("CONFIRMED");
        assertThat(statusOf(c, day)).isEqualTo("CONFIRMED");
        // a's place is not given on: the day is still over its new capacity
        assertThat(late.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(dayDocument(day).confirmed()).isEqualTo(2);
    }

    @Test
    void a_day_in_the_past_cannot_be_opened() {
        ServiceApi.Response response = api().put(DAYS + "/" + LocalDate.now(EDITION_ZONE).minusDays(1), organizer(),
                "{\"capacity\":10}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zero              | {"capacity":0}            | capacity
            negative          | {"capacity":-5}           | capacity
            too large         | {"capacity":100001}       | capacity
            missing           | {}                        | capacity
            text              | {"capacity":"many"}       | capacity
            operator object   | {"capacity":{"$gt":0}}    | capacity
            """)
    void rejects_a_bad_capacity_with_a_400_naming_the_field(String label, String body, String field) {
        ServiceApi.Response response = api().put(DAYS + "/" + freshDay(), organizer(), body);

        assertThat(response.status()).as(label).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void the_largest_capacity_is_accepted() {
        assertThat(api().put(DAYS + "/" + freshDay(), organizer(), "{\"capacity\":100000}").status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-02-30", "2026-13-01", "29-01-2026", "2026-1-29", "$where", "%7B%22$gt%22:%22%22%7D"})
    void rejects_a_date_that_is_not_an_iso_calendar_day_with_a_400_naming_date(String date) {
        ServiceApi.Response response = api().put(DAYS + "/" + date, organizer(), "{\"capacity\":10}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("date");
    }

    @Test
    void a_participant_or_a_coordinator_cannot_open_or_change_a_day() {
        LocalDate day = openDay(10);

        ServiceApi.Response participant = api().put(DAYS + "/" + day, participant("ML"), "{\"capacity\":99999}");
        ServiceApi.Response coordinator = api().put(DAYS + "/" + freshDay(), ISSUER.token(unique("coord"), "BF", "coordinator"),
                "{\"capacity\":5}");

        assertThat(participant.status()).isEqualTo(403);
        assertThat(participant.contentType()).startsWith("application/problem+json");
        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(dayDocument(day).capacity()).isEqualTo(10);
    }

    @Test
    void without_a_valid_token_days_are_neither_seen_nor_opened() {
        assertThat(api().get(DAYS, null).status()).isEqualTo(401);
        assertThat(api().put(DAYS + "/" + freshDay(), ISSUER.expiredToken("o", "ML", "organizer"), "{\"capacity\":5}").status())
                .isEqualTo(401);
        assertThat(api().put(DAYS + "/" + freshDay(), ISSUER.tokenSignedByOtherKey("o", "ML", "organizer"), "{\"capacity\":5}")
                .status()).isEqualTo(401);
    }

    @Test
    void problems_are_in_french_by_default_and_english_on_request() {
        String french = api().put(DAYS + "/" + freshDay(), organizer(), "{\"capacity\":0}")
                .json().get("errors").get(0).get("message").asString();
        String english = api().put(DAYS + "/" + freshDay(), organizer(), "{\"capacity\":0}", "Accept-Language", "en")
                .json().get("errors").get(0).get("message").asString();

        assertThat(french).isEqualTo("la capacité doit être comprise entre 1 et 100000");
        assertThat(english).isEqualTo("the capacity must be between 1 and 100000");
    }

    private String statusOf(String token, LocalDate day) {
        JsonNode mine = myDay(token, day);
        return mine == null ? null : mine.get("status").asString();
    }

    private JsonNode myDay(String token, LocalDate day) {
        for (JsonNode item : api().get(ME, token).json()) {
            if (item.get("day").asString().equals(day.toString())) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode dayIn(JsonNode days, LocalDate day) {
        for (JsonNode item : days) {
            if (item.get("day").asString().equals(day.toString())) {
                return item;
            }
        }
        throw new AssertionError(day + " not listed");
    }
}
