package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceRegistrationIT extends AttendanceIT {

    @Test
    void a_participant_gets_a_confirmed_place_with_a_badge_code_while_places_are_free() {
        LocalDate day = openDay(10);
        String user = unique("amadou");
        String token = participant(user, "ML");

        ServiceApi.Response response = register(token, day);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("attendanceId").asString()).isNotBlank();
        assertThat(body.get("day").asString()).isEqualTo(day.toString());
        assertThat(body.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(body.get("badgeCode").asString()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        assertThat(body.has("position")).isFalse();
        Attendance stored = attendanceOf(user, day);
        assertThat(stored.country()).isEqualTo("ML");
        assertThat(stored.participantId()).isEqualTo(TestIssuer.subjectOf(user));
        assertThat(stored.confirmedAt()).isNotNull();
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    @Test
    void counts_a_person_in_the_delegation_they_registered_with_whatever_country_a_later_token_says() {
        LocalDate day = openDay(10);
        String user = unique("moved");
        participant(user, "ML");
        // the person changed the country on their Keycloak account: the token now says Burkina Faso
        String movedToken = ISSUER.token(user, "BF", "participant");

        assertThat(register(movedToken, day).status()).isEqualTo(201);

        assertThat(attendanceOf(user, day).country()).as("the delegation of the registration profile").isEqualTo("ML");
    }

    @Test
    void over_capacity_people_wait_in_the_order_they_came_with_their_position() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);

        ServiceApi.Response first = register(participant("BF"), day);
        ServiceApi.Response second = register(participant("NE"), day);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(first.json().get("position").asInt()).isEqualTo(1);
        assertThat(first.json().has("badgeCode")).isFalse();
        assertThat(second.json().get("position").asInt()).isEqualTo(2);
    }

    @Test
    void one_badge_code_serves_the_whole_week() {
        LocalDate monday = openDay(5);
        LocalDate tuesday = openDay(5);
        String token = participant("NE");

        String first = register(token, monday).json().get("badgeCode").asString();
        String second = register(token, tuesday).json().get("badgeCode").asString();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void registering_again_for_the_same_day_answers_200_with_the_existing_registration() {
        LocalDate day = openDay(5);
        String token = participant("BF");
        JsonNode first = register(token, day).json();

        ServiceApi.Response again = register(token, day);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("attendanceId").asString()).isEqualTo(first.get("attendanceId").asString());
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    @Test
    void registering_for_a_day_that_is_not_open_is_a_404() {
        ServiceApi.Response response = register(participant("ML"), freshDay());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void registering_for_a_day_that_is_over_is_refused_with_409() {
        LocalDate yesterday = LocalDate.now(EDITION_ZONE).minusDays(1 + (long) (Math.random() * 1000));
        mongo.save(new AttendanceDay(yesterday.toString(), 100, 0, 0, List.of(), List.of(), Instant.now(), Instant.now()));

        ServiceApi.Response response = register(participant("ML"), yesterday);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(dayDocument(yesterday).confirmed()).isZero();
    }

    @Test
    void without_a_participant_profile_registration_is_refused_with_a_409_problem() {
        LocalDate day = openDay(5);
        String withoutProfile = ISSUER.token(unique("nobody"), "ML", "participant");

        ServiceApi.Response response = register(withoutProfile, day);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("profil");
        assertThat(dayDocument(day).confirmed()).isZero();
    }

    @Test
    void an_erased_profile_does_not_count_as_a_profile() {
        LocalDate day = openDay(5);
        String user = unique("erased");
        String token = participant(user, "ML");
        mongo.getCollection("participants").updateOne(new Document("_id", TestIssuer.subjectOf(user)),
                new Document("$set", new Document("erasedAt", new java.util.Date())));

        assertThat(register(token, day).status()).isEqualTo(409);
    }

    @Test
    void cancelling_a_confirmed_place_gives_it_to_the_first_waiting_person() {
        LocalDate day = openDay(1);
        String holder = participant("ML");
        String first = participant("BF");
        String second = participant("NE");
        register(holder, day);
        register(first, day);
        register(second, day);

        ServiceApi.Response cancelled = cancel(holder, day);

        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(mine(holder)).isEmpty();
        JsonNode promoted = mine(first).get(0);
        assertThat(promoted.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(promoted.get("badgeCode").asString()).isNotBlank();
        assertThat(mine(second).get(0).get("position").asInt()).isEqualTo(1);
        AttendanceDay stored = dayDocument(day);
        assertThat(stored.confirmed()).isEqualTo(1);
        assertThat(stored.holdsOrEmpty()).isEmpty();
    }

    @Test
    void cancelling_a_confirmed_place_with_nobody_waiting_frees_it() {
        LocalDate day = openDay(1);
        String holder = participant("ML");
        register(holder, day);

        cancel(holder, day);
        ServiceApi.Response next = register(participant("BF"), day);

        assertThat(next.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    @Test
    void leaving_the_waiting_list_moves_the_people_behind_up_and_frees_no_place() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String first = participant("BF");
        String second = participant("NE");
        register(first, day);
        register(second, day);

        assertThat(cancel(first, day).status()).isEqualTo(204);

        assertThat(mine(second).get(0).get("position").asInt()).isEqualTo(1);
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    @Test
    void registering_again_after_cancelling_keeps_the_attendance_id_and_goes_to_the_end_of_the_list() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String comeback = participant("BF");
        String id = register(comeback, day).json().get("attendanceId").asString();
        register(participant("NE"), day);
        cancel(comeback, day);

        ServiceApi.Response again = register(comeback, day);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("attendanceId").asString()).isEqualTo(id);
        assertThat(again.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(again.json().get("position").asInt()).isEqualTo(2);
    }

    @Test
    void cancelling_without_a_registration_is_a_404() {
        LocalDate day = openDay(1);

        ServiceApi.Response response = cancel(participant("ML"), day);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void my_days_list_my_active_registrations_in_calendar_order() {
        LocalDate first = openDay(1);
        LocalDate second = openDay(1);
        LocalDate third = openDay(1);
        register(participant("NE"), second);
        String token = participant("ML");
        register(token, third);
        register(token, second);
        register(token, first);
        cancel(token, third);

        JsonNode mine = mine(token);

        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("day").asString()).isEqualTo(first.toString());
        assertThat(mine.get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(mine.get(1).get("day").asString()).isEqualTo(second.toString());
        assertThat(mine.get(1).get("status").asString()).isEqualTo("WAITING");
        assertThat(mine.get(1).get("position").asInt()).isEqualTo(1);
    }

    @Test
    void another_participant_can_neither_see_nor_cancel_my_registration() {
        LocalDate day = openDay(1);
        String ownerName = unique("owner");
        String owner = participant(ownerName, "ML");
        String attendanceId = register(owner, day).json().get("attendanceId").asString();
        String attacker = participant("BF");

        ServiceApi.Response theirList = api().get(ME, attacker);
        ServiceApi.Response cancelById = api().delete(DAYS + "/" + day + "/registrations/" + attendanceId, attacker);
        ServiceApi.Response cancelMine = cancel(attacker, day);
        ServiceApi.Response readById = api().get(BASE + "/attendances/" + attendanceId, attacker);

        assertThat(theirList.json()).isEmpty();
        assertThat(cancelById.status()).isIn(404, 405);
        assertThat(cancelById.body()).doesNotContain(TestIssuer.subjectOf(ownerName));
        assertThat(cancelMine.status()).isEqualTo(404);
        assertThat(readById.status()).isEqualTo(404);
        assertThat(mine(owner).get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-02-30", "$where", "2026-01-29T10:00:00"})
    void a_bad_date_in_the_path_is_a_400_naming_date(String date) {
        String token = participant("NE");

        ServiceApi.Response registration = api().post(DAYS + "/" + date + "/registrations", token);
        ServiceApi.Response cancellation = api().delete(DAYS + "/" + date + "/registrations/me", token);

        assertThat(registration.status()).isEqualTo(400);
        assertThat(registration.json().get("errors").findValuesAsString("field")).containsExactly("date");
        assertThat(cancellation.status()).isEqualTo(400);
        assertThat(cancellation.json().get("errors").findValuesAsString("field")).containsExactly("date");
    }

    @Test
    void without_a_token_nothing_is_reachable() {
        LocalDate day = openDay(1);

        assertThat(api().post(DAYS + "/" + day + "/registrations", null).status()).isEqualTo(401);
        assertThat(api().delete(DAYS + "/" + day + "/registrations/me", null).status()).isEqualTo(401);
        assertThat(api().get(ME, null).status()).isEqualTo(401);
        assertThat(api().get(ME + "/badge", null).status()).isEqualTo(401);
    }

    private JsonNode mine(String token) {
        ServiceApi.Response response = api().get(ME, token);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
