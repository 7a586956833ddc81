package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Walk-ins registered at a door while offline: the badge codes the day's list sets aside for a device, and the
 * upload that registers each walk-in once with the code the door wrote on their paper badge.
 */
class OfflineWalkInIT extends AttendanceIT {

    private static final String UPLOAD = BASE + "/offline-check-ins";

    @Test
    void a_device_gets_its_own_codes_for_the_day_and_the_same_ones_until_it_uses_them() {
        LocalDate day = openDay(5);
        String staff = ISSUER.token(unique("staff"), "ML", "staff");

        List<String> first = codes(staff, day, "phone-1");
        List<String> again = codes(staff, day, "phone-1");
        List<String> other = codes(staff, day, "phone-2");
        JsonNode plain = api().get(DAYS + "/" + day + "/door-list", staff).json();

        assertThat(first).hasSize(WalkInCodes.BLOCK).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(BadgeCode.normalize(code)).contains(code));
        assertThat(again).isEqualTo(first);
        assertThat(other).hasSize(WalkInCodes.BLOCK).doesNotContainAnyElementsOf(first);
        assertThat(plain.has("walkInCodes")).as("no device named, no codes").isFalse();
    }

    @Test
    void a_walk_in_uploaded_twice_is_one_person_with_the_doors_code_checked_in_once_and_counted() {
        LocalDate day = openDay(5);
        String staffName = unique("staff");
        String staff = ISSUER.token(staffName, "ML", "staff");
        String code = codes(staff, day, "phone-1").get(0);
        String name = unique("Mariam Sangaré");
        Instant at = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        String walkIn = walkIn("w-1", code.toLowerCase().replace("-", ""), day, "A", at, name, "+223 70 11 22 33");

        JsonNode first = upload(staff, "[]", walkIn);
        JsonNode second = upload(ISSUER.token(staffName, "ML", "staff"), "[]", walkIn);

        for (JsonNode report : List.of(first, second)) {
            JsonNode line = report.get("walkIns").get("lines").get(0);
            assertThat(line.get("outcome").asString()).as(report.toString()).isEqualTo("REGISTERED");
            assertThat(line.get("badgeCode").asString()).isEqualTo(code);
            assertThat(line.get("name").asString()).isEqualTo(name);
            assertThat(Instant.parse(line.get("checkedInAt").asString())).isEqualTo(at);
            assertThat(line.get("door").asString()).isEqualTo("A");
            assertThat(report.get("walkIns").get("registered").asInt()).isEqualTo(1);
        }
        List<WalkIn> people = mongo.find(query(where("name").is(name)), WalkIn.class);
        assertThat(people).hasSize(1);
        assertThat(people.get(0).registeredBy()).isEqualTo(ml.sdn.testing.TestIssuer.subjectOf(staffName));
        Attendance attendance = mongo.findOne(query(where("participantId").is(people.get(0).id())), Attendance.class);
        assertThat(attendance.badgeCode()).isEqualTo(code);
        assertThat(attendance.day()).isEqualTo(day.toString());
        assertThat(attendance.checkedInAt()).isEqualTo(at);
        JsonNode figures = api().get(DAYS + "/" + day + "/door-figures", organizer()).json();
        assertThat(figures.get("checkedIn").asInt()).isEqualTo(1);
        // the door's next list knows them, and no longer offers the code
        JsonNode list = api().get(DAYS + "/" + day + "/door-list?device=phone-1", staff).json();
        assertThat(list.get("attendees").findValuesAsString("badgeCode")).containsExactly(code);
        assertThat(list.get("walkInCodes").toString()).doesNotContain(code);
        assertThat(list.get("walkInCodes")).hasSize(WalkInCodes.BLOCK);
        // scanned again later by another door's check-in line: in already, not counted twice
        JsonNode scanned = upload(staff, "[" + line("c-9", code, day, "A", at.plusSeconds(60)) + "]");
        assertThat(scanned.get("alreadyIn").asInt()).isEqualTo(1);
        assertThat(api().get(DAYS + "/" + day + "/door-figures", organizer()).json().get("checkedIn").asInt()).isEqualTo(1);
    }

    @Test
    void a_code_written_for_two_people_registers_the_first_and_reports_the_second_as_a_conflict() {
        LocalDate day = openDay(5);
        String staff = ISSUER.token(unique("staff"), "NE", "staff");
        String code = codes(staff, day, "phone-1").get(0);
        Instant at = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        String firstName = unique("Ousmane Diallo");
        String secondName = unique("Fanta Coulibaly");

        JsonNode report = upload(staff, "[]", walkIn("dev1-w1", code, day, "A", at, firstName, "+227 90 00 00 01"),
                walkIn("dev2-w1", code, day, "B", at.plusSeconds(30), secondName, "+227 90 00 00 02"));
        JsonNode again = upload(staff, "[]", walkIn("dev2-w1", code, day, "B", at.plusSeconds(30), secondName, "+227 90 00 00 02"));

        assertThat(outcomes(report)).isEqualTo("REGISTERED,CONFLICT");
        assertThat(report.get("walkIns").get("lines").get(1).get("message").asString()).contains("autre personne");
        assertThat(outcomes(again)).isEqualTo("CONFLICT");
        assertThat(mongo.count(query(where("name").in(firstName, secondName)), WalkIn.class)).isEqualTo(1);
        assertThat(mongo.count(query(where("day").is(day.toString())), DoorConflict.class)).isEqualTo(1);
    }

    @Test
    void a_code_not_set_aside_for_the_caller_and_the_day_and_details_at_fault_are_refused_on_their_own_line() {
        LocalDate day = openDay(5);
        LocalDate otherDay = openDay(5);
        String staff = ISSUER.token(unique("staff"), "BF", "staff");
        String colleague = ISSUER.token(unique("staff"), "BF", "staff");
        String mine = codes(staff, day, "phone-1").get(0);
        String spare = codes(staff, day, "phone-1").get(1);
        String othersCode = codes(colleague, day, "phone-9").get(0);
        String otherDaysCode = codes(staff, otherDay, "phone-1").get(0);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String prefix = unique("Forgé");

        JsonNode report = upload(staff, "[]",
                walkIn("f-1", "K7QM-4TZP-9XRD-HB3W", day, "A", at, prefix + " 1", "+226 70 00 00 01"),
                walkIn("f-2", othersCode, day, "A", at, prefix + " 2", "+226 70 00 00 02"),
                walkIn("f-3", otherDaysCode, day, "A", at, prefix + " 3", "+226 70 00 00 03"),
                walkIn("f-4", "not a code", day, "A", at, prefix + " 4", "+226 70 00 00 04"),
                """
                {"clientId":"f-5","badgeCode":"%s","day":"%s","door":"A","takenAt":"%s","name":" ","country":"Atlantide"}"""
                        .formatted(spare, day, at),
                walkIn("f-6", mine, day, "A", at, prefix + " 6", "+226 70 00 00 06"));

        assertThat(outcomes(report)).isEqualTo("REFUSED,REFUSED,REFUSED,REFUSED,REFUSED,REGISTERED");
        JsonNode lines = report.get("walkIns").get("lines");
        assertThat(lines.get(0).get("message").asString()).contains("pas été remis à votre appareil");
        assertThat(lines.get(4).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "country", "phone", "email");
        assertThat(report.get("walkIns").get("refused").asInt()).isEqualTo(5);
        assertThat(mongo.count(query(where("name").regex("^" + prefix)), WalkIn.class)).isEqualTo(1);
        // the refused details did not use the code up: the device may still give it to someone
        assertThat(codes(staff, day, "phone-1")).contains(spare).doesNotContain(mine);
    }

    @Test
    void only_door_staff_and_organizers_get_codes_or_upload_walk_ins() {
        LocalDate day = openDay(5);
        String staff = ISSUER.token(unique("staff"), "ML", "staff");
        String code = codes(staff, day, "phone-1").get(0);
        String name = unique("Intrus");
        String batch = "{\"checkIns\":[],\"walkIns\":[" + walkIn("evil-1", code, day, "A", Instant.now(), name, "+223 70 00 00 09") + "]}";
        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            String intruder = ISSUER.token(unique(role), "ML", role);
            ServiceApi.Response list = api().get(DAYS + "/" + day + "/door-list?device=phone-1", intruder);
            ServiceApi.Response upload = api().postJson(UPLOAD, intruder, batch);
            assertThat(list.status()).as(role).isEqualTo(403);
            assertThat(upload.status()).as(role).isEqualTo(403);
            assertThat(upload.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get(DAYS + "/" + day + "/door-list?device=phone-1", null).status()).isEqualTo(401);
        assertThat(api().postJson(UPLOAD, null, batch).status()).isEqualTo(401);
        assertThat(mongo.count(query(where("name").is(name)), WalkIn.class)).isZero();
        assertThat(codes(staff, day, "phone-1")).contains(code);
    }

    @Test
    void malformed_walk_in_lines_and_device_ids_are_a_400_naming_each_field() {
        LocalDate day = openDay(5);
        String staff = ISSUER.token(unique("staff"), "ML", "staff");

        ServiceApi.Response lines = api().postJson(UPLOAD, staff, """
                {"checkIns":[],"walkIns":[{"clientId":"a 1","badgeCode":"","day":"%s","door":"A","takenAt":"2026-01-29T09:00:00Z"},
                                          {"clientId":"a-2","badgeCode":"K7QM-4TZP-9XRD-HB3W","day":"%s","door":"A","name":"%s"}]}"""
                .formatted(day, day, "x".repeat(300)));
        ServiceApi.Response nothing = api().postJson(UPLOAD, staff, "{\"checkIns\":[],\"walkIns\":[]}");
        ServiceApi.Response device = api().get(DAYS + "/" + day + "/door-list?device=" + "d".repeat(65), staff);

        assertThat(lines.status()).as(lines.body()).isEqualTo(400);
        assertThat(lines.contentType()).startsWith("application/problem+json");
        assertThat(lines.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "walkIns[0].clientId", "walkIns[0].badgeCode", "walkIns[1].takenAt", "walkIns[1].name");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("errors").findValuesAsString("field")).containsExactly("checkIns");
        assertThat(device.status()).as(device.body()).isEqualTo(400);
        assertThat(device.contentType()).startsWith("application/problem+json");
        assertThat(device.body()).contains("device");
    }

    // ---- helpers ----

    private List<String> codes(String staff, LocalDate day, String device) {
        ServiceApi.Response list = api().get(DAYS + "/" + day + "/door-list?device=" + device, staff);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        list.json().get("walkInCodes").forEach(c -> codes.add(c.asString()));
        return codes;
    }

    private static String walkIn(String id, String code, LocalDate day, String door, Instant at, String name, String phone) {
        return """
                {"clientId":"%s","badgeCode":"%s","day":"%s","door":"%s","takenAt":"%s","name":"%s","category":"PRESS",
                 "country":"ML","organization":"Radio Kledu","phone":"%s"}""".formatted(id, code, day, door, at, name, phone);
    }

    private static String line(String id, String code, LocalDate day, String door, Instant at) {
        return "{\"checkInId\":\"%s\",\"badgeCode\":\"%s\",\"day\":\"%s\",\"door\":\"%s\",\"takenAt\":\"%s\"}"
                .formatted(id, code, day, door, at);
    }

    private JsonNode upload(String token, String checkIns, String... walkIns) {
        ServiceApi.Response response = api().postJson(UPLOAD, token,
                "{\"checkIns\":" + checkIns + ",\"walkIns\":[" + String.join(",", walkIns) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String outcomes(JsonNode report) {
        return String.join(",", report.get("walkIns").get("lines").findValuesAsString("outcome"));
    }
}
