package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The door offline: the day's list a device downloads, and the check-ins it took meanwhile, uploaded later. */
class OfflineCheckInIT extends AttendanceIT {

    private static final String UPLOAD = BASE + "/offline-check-ins";

    private static String staff() {
        return ISSUER.token(unique("staff"), "BF", "staff");
    }

    @Test
    void the_door_list_holds_the_days_confirmed_attendees_with_their_category_and_no_contact_details() {
        LocalDate day = openDay(2);
        String family = unique("keita");
        String token = ISSUER.token(family + " Awa", "ML", "participant");
        ServiceApi.Response profile = api().put("/api/registrations/participants/me", token, """
                {"preferredLanguage":"fr","phone":"+22376000042","gender":"FEMALE","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
        String awa = badgeOf(token, day);
        String bintou = badgeOf(participant(family + " Bintou", "NE"), day);
        register(participant(family + " Cheick", "ML"), day); // waiting: the day has two places
        upload(staff(), line("dev1-1", bintou, day, "A", Instant.now().minusSeconds(60)));

        ServiceApi.Response list = api().get(DAYS + "/" + day + "/door-list", staff());

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.header("Cache-Control")).contains("no-store");
        JsonNode attendees = list.json().get("attendees");
        assertThat(attendees.findValuesAsString("displayName")).containsExactly(family + " Awa", family + " Bintou");
        JsonNode first = attendees.get(0);
        assertThat(first.get("badgeCode").asString()).isEqualTo(awa);
        assertThat(first.get("country").asString()).isEqualTo("ML");
        assertThat(first.get("category").asString()).isEqualTo("PARTICIPANT");
        assertThat(first.has("checkedInAt")).isFalse();
        assertThat(attendees.get(1).get("door").asString()).isEqualTo("A");
        assertThat(attendees.get(1).has("checkedInAt")).isTrue();
        for (JsonNode attendee : attendees) {
            assertThat(attendee.propertyNames()).doesNotContain("email", "phone", "gender", "participantId", "attendanceId");
        }
        assertThat(list.body()).doesNotContain("@", "76000042", "FEMALE");
    }

    @Test
    void participants_jurors_coaches_and_coordinators_can_neither_download_the_list_nor_upload() {
        LocalDate day = openDay(5);
        String user = unique("victime");
        String code = badgeOf(participant(user, "ML"), day);
        String batch = batch(line("evil-1", code, day, "A", Instant.now()));
        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            String intruder = ISSUER.token(unique(role), "ML", role);
            ServiceApi.Response list = api().get(DAYS + "/" + day + "/door-list", intruder);
            ServiceApi.Response upload = api().postJson(UPLOAD, intruder, batch);
            assertThat(list.status()).as(role).isEqualTo(403);
            assertThat(list.contentType()).startsWith("application/problem+json");
            assertThat(upload.status()).as(role).isEqualTo(403);
        }
        assertThat(api().get(DAYS + "/" + day + "/door-list", null).status()).isEqualTo(401);
        assertThat(api().postJson(UPLOAD, null, batch).status()).isEqualTo(401);
        assertThat(attendanceOf(user, day).checkedInAt()).isNull();
        assertThat(api().get(DAYS + "/" + freshDay() + "/door-list", staff()).status()).isEqualTo(404);
    }

    @Test
    void the_same_batch_twice_and_a_second_devices_overlapping_batch_count_each_person_once_at_the_earliest_time() {
        LocalDate day = openDay(5);
        String a = unique("a");
        String b = unique("b");
        String c = unique("c");
        String codeA = badgeOf(participant(a, "ML"), day);
        String codeB = badgeOf(participant(b, "BF"), day);
        String codeC = badgeOf(participant(c, "NE"), day);
        Instant nine = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.HOURS);
        String first = batch(line("dev1-1", codeA, day, "A", nine), line("dev1-2", codeB.toLowerCase().replace("-", ""), day, "A",
                nine.plusSeconds(60)), line("dev1-3", codeA, day, "A", nine.plusSeconds(90)));

        JsonNode sent = api().postJson(UPLOAD, staff(), first).json();
        ServiceApi.Response again = api().postJson(UPLOAD, staff(), first);
        // a second device at the same door saw B earlier, A later, and C
        JsonNode overlap = upload(staff(), line("dev2-1", codeB, day, "A", nine.plusSeconds(30)),
                line("dev2-2", codeA, day, "A", nine.plusSeconds(120)), line("dev2-3", codeC, day, "A", nine.plusSeconds(200)));
        JsonNode overlapAgain = upload(staff(), line("dev2-1", codeB, day, "A", nine.plusSeconds(30)),
                line("dev2-2", codeA, day, "A", nine.plusSeconds(120)), line("dev2-3", codeC, day, "A", nine.plusSeconds(200)));

        assertThat(outcomes(sent)).isEqualTo("RECORDED,RECORDED,ALREADY_IN");
        assertThat(sent.get("recorded").asInt()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(sent);
        assertThat(outcomes(overlap)).isEqualTo("RECORDED,ALREADY_IN,RECORDED");
        assertThat(overlapAgain).isEqualTo(overlap);
        assertThat(attendanceOf(a, day).checkedInAt()).isEqualTo(nine);
        assertThat(attendanceOf(a, day).checkInId()).isEqualTo("dev1-1");
        assertThat(attendanceOf(b, day).checkedInAt()).isEqualTo(nine.plusSeconds(30));
        assertThat(attendanceOf(b, day).checkInId()).isEqualTo("dev2-1");
        assertThat(attendanceOf(c, day).checkedInDoor()).isEqualTo("A");
        JsonNode figures = api().get(DAYS + "/" + day + "/door-figures", organizer()).json();
        assertThat(figures.get("checkedIn").asInt()).isEqualTo(3);
        assertThat(figures.get("conflicts")).isEmpty();
    }

    @Test
    void a_badge_checked_in_at_two_doors_is_a_conflict_the_organizers_see_once() {
        LocalDate day = openDay(5);
        String name = unique("double");
        String code = badgeOf(participant(name, "ML"), day);
        Instant nine = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.HOURS);
        upload(staff(), line("dev1-1", code, day, "A", nine));

        JsonNode other = upload(staff(), line("dev2-1", code, day, "B", nine.plusSeconds(600)));
        upload(staff(), line("dev2-1", code, day, "B", nine.plusSeconds(600)));

        assertThat(outcomes(other)).isEqualTo("CONFLICT");
        assertThat(other.get("conflicts").asInt()).isEqualTo(1);
        assertThat(other.get("lines").get(0).get("door").asString()).isEqualTo("A");
        JsonNode figures = api().get(DAYS + "/" + day + "/door-figures", organizer()).json();
        assertThat(figures.get("checkedIn").asInt()).isEqualTo(1);
        assertThat(figures.get("conflicts")).hasSize(1);
        JsonNode conflict = figures.get("conflicts").get(0);
        assertThat(conflict.get("displayName").asString()).isEqualTo(name);
        assertThat(conflict.get("door").asString()).isEqualTo("A");
        assertThat(conflict.get("others")).hasSize(1);
        assertThat(conflict.get("others").get(0).get("door").asString()).isEqualTo("B");
        assertThat(api().get(DAYS + "/" + day + "/door-figures",
                ISSUER.tokenWithDelegation(unique("coord"), "BF", "BF", "coordinator")).json().get("conflicts")).isEmpty();
    }

    @Test
    void an_earlier_check_in_at_another_door_is_kept_and_the_later_one_becomes_the_conflict() {
        LocalDate day = openDay(5);
        String name = unique("tot");
        String code = badgeOf(participant(name, "BF"), day);
        ServiceApi.Response online = api().postJson(DAYS + "/" + day + "/check-ins", staff(),
                "{\"badgeCode\":\"" + code + "\",\"door\":\"Nord\",\"checkInId\":\"online-1\"}");
        assertThat(online.status()).isEqualTo(200);
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);

        JsonNode report = upload(staff(), line("dev1-1", code, day, "Sud", earlier));

        assertThat(outcomes(report)).isEqualTo("RECORDED");
        assertThat(attendanceOf(name, day).checkedInAt()).isEqualTo(earlier);
        assertThat(attendanceOf(name, day).checkedInDoor()).isEqualTo("Sud");
        JsonNode conflict = api().get(DAYS + "/" + day + "/door-figures", organizer()).json().get("conflicts").get(0);
        assertThat(conflict.get("door").asString()).isEqualTo("Sud");
        assertThat(conflict.get("others").get(0).get("door").asString()).isEqualTo("Nord");
    }

    @Test
    void forged_other_day_and_cancelled_badges_are_refused_line_by_line_and_the_rest_is_recorded() {
        LocalDate day = openDay(5);
        LocalDate otherDay = openDay(5);
        String ok = unique("ok");
        String okCode = badgeOf(participant(ok, "ML"), day);
        String elsewhere = badgeOf(participant("BF"), otherDay);
        String leaving = unique("parti");
        String leavingToken = participant(leaving, "NE");
        String leavingCode = badgeOf(leavingToken, day);
        assertThat(cancel(leavingToken, day).status()).isEqualTo(204);
        Instant now = Instant.now();

        ServiceApi.Response response = api().postJson(UPLOAD, staff(), batch(line("x-1", "ZZZZ-ZZZZ-ZZZZ-ZZZZ", day, "A", now),
                line("x-2", elsewhere, day, "A", now), line("x-3", leavingCode, day, "A", now), line("x-4", "pas un code", day, "A", now),
                line("x-5", okCode, day, "A", now)), "Accept-Language", "en");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(outcomes(report)).isEqualTo("REFUSED,REFUSED,REFUSED,REFUSED,RECORDED");
        assertThat(report.get("lines").findValuesAsString("refusal"))
                .containsExactly("UNKNOWN_BADGE", "OTHER_DAY", "CANCELLED", "MALFORMED_CODE");
        assertThat(report.get("lines").get(1).get("message").asString()).contains("not registered for this day");
        assertThat(report.get("refused").asInt()).isEqualTo(4);
        assertThat(mongo.count(query(where("day").in(day.toString(), otherDay.toString()).and("checkedInAt").ne(null)),
                Attendance.class)).isEqualTo(1);
        assertThat(attendanceOf(ok, day).checkedInAt()).isNotNull();
    }

    @Test
    void a_malformed_batch_is_a_400_naming_each_field_at_fault() {
        LocalDate day = openDay(5);

        ServiceApi.Response lines = api().postJson(UPLOAD, staff(), """
                {"checkIns":[{"checkInId":"a 1","badgeCode":"K7QM-4TZP-9XRD-HB3W","day":"%s","door":"","takenAt":"2026-01-29T09:00:00Z"},
                             {"checkInId":"a-2","badgeCode":"","day":"%s","door":"A"}]}""".formatted(day, day));
        ServiceApi.Response empty = api().postJson(UPLOAD, staff(), "{\"checkIns\":[]}");
        ServiceApi.Response badDate = api().postJson(UPLOAD, staff(),
                "{\"checkIns\":[{\"checkInId\":\"a-1\",\"badgeCode\":\"X\",\"day\":\"2026-02-30\",\"door\":\"A\",\"takenAt\":\"2026-01-29T09:00:00Z\"}]}");

        assertThat(lines.status()).isEqualTo(400);
        assertThat(lines.contentType()).startsWith("application/problem+json");
        assertThat(lines.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "checkIns[0].checkInId", "checkIns[0].door", "checkIns[1].badgeCode", "checkIns[1].takenAt");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("checkIns");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").findValuesAsString("field")).containsExactly("checkIns[0].day");
    }

    // ---- helpers ----

    private String badgeOf(String token, LocalDate day) {
        ServiceApi.Response registered = register(token, day);
        assertThat(registered.json().get("status").asString()).isEqualTo("CONFIRMED");
        return registered.json().get("badgeCode").asString();
    }

    private static String line(String id, String code, LocalDate day, String door, Instant at) {
        return "{\"checkInId\":\"%s\",\"badgeCode\":\"%s\",\"day\":\"%s\",\"door\":\"%s\",\"takenAt\":\"%s\"}"
                .formatted(id, code, day, door, at);
    }

    private static String batch(String... lines) {
        return "{\"checkIns\":[" + String.join(",", lines) + "]}";
    }

    private JsonNode upload(String token, String... lines) {
        ServiceApi.Response response = api().postJson(UPLOAD, token, batch(lines));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String outcomes(JsonNode report) {
        return report.get("lines").findValuesAsString("outcome").stream().collect(Collectors.joining(","));
    }
}
