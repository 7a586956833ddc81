package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A walk-in registered at the door while online, as the door's page sends it without its script: registered, given
 * a badge code to write on a paper badge and let in at once; the same form twice is one person; every detail at
 * fault at once. From the attacker's side: no token, a participant.
 */
class DoorWalkInIT extends AttendanceIT {

    private ServiceApi.Response walkIn(String token, LocalDate day, String clientId, String name, String country, String phone) {
        return api().postJson(DAYS + "/" + day + "/door-walk-ins", token, """
                {"clientId":"%s","door":"B","name":%s,"category":"PRESS","country":%s,"organization":"Radio Kledu","phone":%s}"""
                .formatted(clientId, json(name), json(country), json(phone)), "Accept-Language", "fr");
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    @Test
    void door_staff_register_and_let_in_a_walk_in_once_whatever_the_form_is_sent_twice() {
        LocalDate day = openDay(1);
        register(participant("ML"), day); // the day is full: a walk-in comes on top
        String staff = DoorCheckInIT.staff("NE");
        String name = unique("Kadiatou Sangaré");
        String clientId = UUID.randomUUID().toString();

        ServiceApi.Response first = walkIn(staff, day, clientId, name, "ML", "+223 66 00 00 01");
        ServiceApi.Response again = walkIn(staff, day, clientId, name, "ML", "+223 66 00 00 01");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode line = first.json();
        assertThat(line.get("outcome").asString()).isEqualTo("REGISTERED");
        String code = line.get("badgeCode").asString();
        assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}");
        assertThat(line.get("door").asString()).isEqualTo("B");
        assertThat(line.has("checkedInAt")).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("badgeCode").asString()).isEqualTo(code);
        assertThat(mongo.count(query(where("name").is(name)), WalkIn.class)).isEqualTo(1);
        assertThat(api().get(DAYS + "/" + day + "/door-figures", organizer()).json().get("checkedIn").asInt()).isEqualTo(1);
        JsonNode scanned = api().postJson(DAYS + "/" + day + "/check-ins", staff, "{\"badgeCode\":\"" + code + "\",\"door\":\"A\"}").json();
        assertThat(scanned.get("firstCheckIn").asBoolean()).isFalse();
        assertThat(scanned.get("door").asString()).isEqualTo("B");
        // the page's code is never offered to a device
        assertThat(api().get(DAYS + "/" + day + "/door-list?device=phone-1", staff).json().get("walkInCodes").toString())
                .doesNotContain(code);
    }

    @Test
    void every_detail_at_fault_is_named_at_once_and_nothing_is_stored() {
        LocalDate day = openDay(5);
        String staff = DoorCheckInIT.staff("ML");
        long codes = mongo.count(query(where("day").is(day.toString())), WalkInCode.class);

        ServiceApi.Response refused = walkIn(staff, day, UUID.randomUUID().toString(), null, null, "12");
        ServiceApi.Response malformed = api().postJson(DAYS + "/" + day + "/door-walk-ins", staff,
                "{\"clientId\":\"a b\",\"door\":\"<script>\",\"name\":\"Awa\",\"country\":\"ML\",\"phone\":\"+223 66 00 00 02\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "country", "phone");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("clientId", "door");
        assertThat(mongo.count(query(where("day").is(day.toString())), WalkInCode.class)).isEqualTo(codes);
        assertThat(walkIn(staff, freshDay(), UUID.randomUUID().toString(), "Awa", "ML", "+223 66 00 00 03").status())
                .isEqualTo(404);
    }

    @Test
    void only_door_staff_and_organizers_register_at_the_door() {
        LocalDate day = openDay(5);
        String clientId = UUID.randomUUID().toString();

        assertThat(walkIn(null, day, clientId, "Awa", "ML", "+223 66 00 00 04").status()).isEqualTo(401);
        assertThat(walkIn(participant("ML"), day, clientId, "Awa", "ML", "+223 66 00 00 04").status()).isEqualTo(403);
        assertThat(walkIn(ISSUER.tokenWithDelegation(unique("coordinator"), "ML", "ML", "coordinator"), day, clientId, "Awa",
                "ML", "+223 66 00 00 04").status()).isEqualTo(403);
        assertThat(walkIn(organizer(), day, clientId, unique("Awa"), "ML", "+223 66 00 00 04").status()).isEqualTo(200);
    }
}
