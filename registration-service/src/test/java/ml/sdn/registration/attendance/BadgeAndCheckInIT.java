package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeAndCheckInIT extends AttendanceIT {

    @Test
    void a_confirmed_attendee_downloads_a_qr_code_png_that_scans_back_to_their_badge_code() {
        LocalDate day = openDay(5);
        String token = participant("ML");
        String code = register(token, day).json().get("badgeCode").asString();

        ServiceApi.Response badge = api().get(ME + "/badge", token);

        assertThat(badge.status()).isEqualTo(200);
        assertThat(badge.contentType()).isEqualTo("image/png");
        assertThat(QrCodes.decode(badge.bytes())).isEqualTo(code);
    }

    @Test
    void the_badge_image_is_never_cached() {
        LocalDate day = openDay(5);
        String token = participant("BF");
        register(token, day);

        ServiceApi.Response badge = api().get(ME + "/badge", token, "Accept", "image/png");

        assertThat(badge.status()).isEqualTo(200);
        assertThat(badge.header("Cache-Control")).contains("no-store");
    }

    @Test
    void someone_only_waiting_or_not_registered_has_no_badge() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String waiting = participant("BF");
        register(waiting, day);

        ServiceApi.Response waitingBadge = api().get(ME + "/badge", waiting);
        ServiceApi.Response strangerBadge = api().get(ME + "/badge", participant("NE"), "Accept", "image/png");

        assertThat(waitingBadge.status()).isEqualTo(404);
        assertThat(waitingBadge.contentType()).startsWith("application/problem+json");
        assertThat(strangerBadge.status()).isEqualTo(404);
    }

    @Test
    void an_organizer_checks_in_a_confirmed_attendee_and_sees_who_it_is() {
        LocalDate day = openDay(5);
        String user = unique("fatoumata");
        String code = register(participant(user, "NE"), day).json().get("badgeCode").asString();
        Instant before = Instant.now().minusSeconds(1);

        ServiceApi.Response response = checkIn(organizer(), day, code);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("displayName").asString()).contains(user.substring(0, 4));
        assertThat(body.get("country").asString()).isEqualTo("NE");
        assertThat(body.get("day").asString()).isEqualTo(day.toString());
        assertThat(Instant.parse(body.get("checkedInAt").asString())).isAfter(before);
        assertThat(body.get("firstCheckIn").asBoolean()).isTrue();
        assertThat(attendanceOf(user, day).checkedInAt()).isNotNull();
    }

    @Test
    void a_second_check_in_the_same_day_is_reported_with_the_first_time_and_not_counted_again() {
        LocalDate day = openDay(5);
        String user = unique("ibrahim");
        String code = register(participant(user, "BF"), day).json().get("badgeCode").asString();
        JsonNode first = checkIn(organizer(), day, code).json();

        ServiceApi.Response second = checkIn(organizer(), day, code.toLowerCase(Locale.ROOT).replace("-", ""));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("firstCheckIn").asBoolean()).isFalse();
        assertThat(second.json().get("checkedInAt").asString()).isEqualTo(first.get("checkedInAt").asString());
    }

    @Test
    void the_same_badge_checks_in_once_per_day_on_each_confirmed_day() {
        LocalDate monday = openDay(5);
        LocalDate tuesday = openDay(5);
        String token = participant("ML");
        String code = register(token, monday).json().get("badgeCode").asString();
        register(token, tuesday);

        assertThat(checkIn(organizer(), monday, code).json().get("firstCheckIn").asBoolean()).isTrue();
        assertThat(checkIn(organizer(), tuesday, code).json().get("firstCheckIn").asBoolean()).isTrue();
    }

    @Test
    void a_badge_without_a_confirmed_place_that_day_is_refused_naming_the_badge_code() {
        LocalDate monday = openDay(5);
        LocalDate full = openDay(1);
        String token = participant("ML");
        String code = register(token, monday).json().get("badgeCode").asString();
        register(participant("BF"), full);
        register(token, full); // waiting only
        LocalDate cancelledDay = openDay(5);
        register(token, cancelledDay);
        cancel(token, cancelledDay);

        assertRefused(checkIn(organizer(), openDay(5), code), "OTHER_DAY");
        assertRefused(checkIn(organizer(), full, code), "WAITING");
        assertRefused(checkIn(organizer(), cancelledDay, code), "CANCELLED");
        assertRefused(checkIn(organizer(), monday, "ABCD-EFGH-JKLM-NPQR"), "UNKNOWN_BADGE");
    }

    private static void assertRefused(ServiceApi.Response response, String refusal) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("refusal").asString()).isEqualTo(refusal);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("badgeCode");
    }

    @Test
    void a_participant_or_coordinator_cannot_check_anyone_in() {
        LocalDate day = openDay(5);
        String user = unique("victim");
        String code = register(participant(user, "ML"), day).json().get("badgeCode").asString();

        ServiceApi.Response byParticipant = checkIn(participant("BF"), day, code);
        ServiceApi.Response byCoordinator = checkIn(ISSUER.token(unique("coord"), "ML", "coordinator"), day, code);

        assertThat(byParticipant.status()).isEqualTo(403);
        assertThat(byParticipant.contentType()).startsWith("application/problem+json");
        assertThat(byCoordinator.status()).isEqualTo(403);
        assertThat(attendanceOf(user, day).checkedInAt()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing         | {"door":"A"}                                                            | badgeCode
            blank           | {"badgeCode":"  ","door":"A"}                                           | badgeCode
            operator object | {"badgeCode":{"$gt":""},"door":"A"}                                     | badgeCode
            where clause    | {"badgeCode":"$where: '1 == 1'","door":"A"}                             | badgeCode
            regex chars     | {"badgeCode":".*","door":"A"}                                           | badgeCode
            oversized       | {"badgeCode":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","door":"A"} | badgeCode
            number          | {"badgeCode":["A"],"door":"A"}                                          | badgeCode
            not a code      | {"badgeCode":"ABCD","door":"A"}                                         | badgeCode
            door missing    | {"badgeCode":"ABCD-EFGH-JKLM-NPQR"}                                     | door
            door blank      | {"badgeCode":"ABCD-EFGH-JKLM-NPQR","door":" "}                          | door
            door markup     | {"badgeCode":"ABCD-EFGH-JKLM-NPQR","door":"<b>A</b>"}                   | door
            door oversized  | {"badgeCode":"ABCD-EFGH-JKLM-NPQR","door":"AAAAAAAAAAAAAAAAAAAAA"}      | door
            check-in id     | {"badgeCode":"ABCD-EFGH-JKLM-NPQR","door":"A","checkInId":"a/b"}        | checkInId
            """)
    void rejects_a_bad_badge_code_with_a_400_naming_the_field(String label, String body, String field) {
        LocalDate day = openDay(5);
        register(participant("ML"), day);

        ServiceApi.Response response = api().postJson(DAYS + "/" + day + "/check-ins", organizer(), body);

        assertThat(response.status()).as(label).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void a_bad_date_on_check_in_is_a_400_naming_date() {
        ServiceApi.Response response = api().postJson(DAYS + "/someday/check-ins", organizer(), "{\"badgeCode\":\"ABCD\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("date");
    }

    @Test
    void a_cancelled_attendee_loses_the_badge_for_that_day_and_the_image_when_no_place_is_left() {
        LocalDate day = openDay(5);
        String token = participant("NE");
        String code = register(token, day).json().get("badgeCode").asString();

        cancel(token, day);

        assertRefused(checkIn(organizer(), day, code), "CANCELLED");
        assertThat(api().get(ME + "/badge", token).status()).isEqualTo(404);
    }

    @Test
    void a_checked_in_attendee_can_no_longer_cancel() {
        LocalDate day = openDay(5);
        String token = participant("ML");
        String code = register(token, day).json().get("badgeCode").asString();
        checkIn(organizer(), day, code);

        ServiceApi.Response response = cancel(token, day);

        assertThat(response.status()).isEqualTo(409);
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    private ServiceApi.Response checkIn(String token, LocalDate day, String code) {
        return api().postJson(DAYS + "/" + day + "/check-ins", token, "{\"badgeCode\":\"" + code + "\",\"door\":\"A\"}");
    }
}
