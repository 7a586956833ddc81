package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The door: staff check people in by badge code at a door, and find the day's attendees by name, organisation or phone. */
class DoorCheckInIT extends AttendanceIT {

    static String staff(String country) {
        return ISSUER.token(unique("staff"), country, "staff");
    }

    @Test
    void door_staff_of_one_delegation_check_in_people_of_every_delegation() {
        LocalDate day = openDay(5);
        String malian = unique("malien");
        String nigerien = unique("nigerien");
        String malianCode = badgeOf(participant(malian, "ML"), day);
        String nigerienCode = badgeOf(participant(nigerien, "NE"), day);

        ServiceApi.Response first = checkIn(staff("BF"), day, malianCode, "A", null);
        ServiceApi.Response second = checkIn(staff("BF"), day, nigerienCode, "B", null);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("country").asString()).isEqualTo("ML");
        assertThat(first.json().get("door").asString()).isEqualTo("A");
        assertThat(first.json().get("firstCheckIn").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(attendanceOf(malian, day).checkedInDoor()).isEqualTo("A");
        assertThat(attendanceOf(nigerien, day).checkedInDoor()).isEqualTo("B");
    }

    @Test
    void a_second_check_in_at_another_door_answers_the_first_time_and_door_and_is_not_counted() {
        LocalDate day = openDay(5);
        String user = unique("awa");
        String code = badgeOf(participant(user, "ML"), day);
        JsonNode first = checkIn(staff("ML"), day, code, "B", "phone-1-0001").json();

        ServiceApi.Response again = checkIn(staff("NE"), day, code, "A", "phone-2-0001");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("firstCheckIn").asBoolean()).isFalse();
        assertThat(again.json().get("checkedInAt").asString()).isEqualTo(first.get("checkedInAt").asString());
        assertThat(again.json().get("door").asString()).isEqualTo("B");
        assertThat(again.json().get("checkInId").asString()).isEqualTo("phone-1-0001");
        Attendance stored = attendanceOf(user, day);
        assertThat(stored.checkedInDoor()).isEqualTo("B");
        assertThat(stored.checkInId()).isEqualTo("phone-1-0001");
    }

    @Test
    void the_same_check_in_sent_twice_is_answered_as_itself_and_counted_once() {
        LocalDate day = openDay(5);
        String user = unique("retry");
        String code = badgeOf(participant(user, "NE"), day);

        JsonNode sent = checkIn(staff("NE"), day, code, "C", "device-7-0042").json();
        JsonNode resent = checkIn(staff("NE"), day, code, "C", "device-7-0042").json();

        assertThat(sent.get("firstCheckIn").asBoolean()).isTrue();
        assertThat(resent.get("firstCheckIn").asBoolean()).isTrue();
        assertThat(resent.get("checkedInAt").asString()).isEqualTo(sent.get("checkedInAt").asString());
        assertThat(mongo.count(query(where("day").is(day.toString()).and("checkedInAt").ne(null)), Attendance.class))
                .isEqualTo(1);
    }

    @Test
    void a_refused_badge_records_nothing_and_says_why_in_the_callers_language() {
        LocalDate day = openDay(5);
        LocalDate otherDay = openDay(5);
        String user = unique("ailleurs");
        String code = badgeOf(participant(user, "BF"), otherDay);

        ServiceApi.Response french = checkIn(staff("ML"), day, code, "A", null);
        ServiceApi.Response english = api().postJson(DAYS + "/" + day + "/check-ins", staff("ML"),
                "{\"badgeCode\":\"" + code + "\",\"door\":\"A\"}", "Accept-Language", "en");
        ServiceApi.Response forged = checkIn(staff("ML"), day, "ZZZZ-ZZZZ-ZZZZ-ZZZZ", "A", null);

        assertThat(french.status()).isEqualTo(422);
        assertThat(french.json().get("errors").get(0).get("message").asString()).contains("pas inscrit à cette journée");
        assertThat(english.json().get("errors").get(0).get("message").asString()).contains("not registered for this day");
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.json().get("refusal").asString()).isEqualTo("UNKNOWN_BADGE");
        assertThat(forged.json().get("errors").findValuesAsString("field")).containsExactly("badgeCode");
        assertThat(mongo.count(query(where("day").in(day.toString(), otherDay.toString()).and("checkedInAt").ne(null)),
                Attendance.class)).isZero();
    }

    @Test
    void participants_jurors_coaches_and_coordinators_can_neither_check_in_nor_search() {
        LocalDate day = openDay(5);
        String user = unique("victime");
        String code = badgeOf(participant(user, "ML"), day);
        List<String> intruders = new ArrayList<>(List.of(participant("ML"), ISSUER.token(unique("jury"), "ML", "jury"),
                ISSUER.token(unique("coach"), "ML", "coach"), ISSUER.token(unique("coord"), "ML", "coordinator")));

        for (String intruder : intruders) {
            ServiceApi.Response checkIn = checkIn(intruder, day, code, "A", null);
            ServiceApi.Response search = api().get(DAYS + "/" + day + "/attendees?q=" + user, intruder);
            assertThat(checkIn.status()).isEqualTo(403);
            assertThat(checkIn.contentType()).startsWith("application/problem+json");
            assertThat(search.status()).isEqualTo(403);
        }
        assertThat(api().get(DAYS + "/" + day + "/attendees?q=" + user, null).status()).isEqualTo(401);
        assertThat(attendanceOf(user, day).checkedInAt()).isNull();
    }

    @Test
    void the_door_finds_the_days_attendees_by_name_without_accents_and_shows_only_what_it_needs() {
        LocalDate day = openDay(5);
        String suffix = unique("x").substring(2);
        String name = "Aïssata Dembélé " + suffix;
        String phone = phone();
        String token = ISSUER.token(name, "ML", "participant");
        profile(token, phone);
        register(token, day);

        ServiceApi.Response found = search(staff("NE"), day, "dembele " + suffix);

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        JsonNode row = found.json().get(0);
        assertThat(row.get("displayName").asString()).isEqualTo(name);
        assertThat(row.get("country").asString()).isEqualTo("ML");
        assertThat(row.get("badgeCode").asString()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        assertThat(row.get("phone").asString()).startsWith("+223 ").endsWith(phone.substring(phone.length() - 2))
                .doesNotContain(phone.substring(4, 10));
        assertThat(row.has("email")).isFalse();
        assertThat(row.has("gender")).isFalse();
        assertThat(found.body()).doesNotContain("@demo.sdn.ml").doesNotContain(phone);
    }

    @Test
    void the_door_finds_attendees_by_phone_digits_and_by_organisation() {
        LocalDate day = openDay(5);
        String phone = phone();
        String owner = unique("fondatrice");
        String token = ISSUER.token(owner, "ML", "participant");
        profile(token, phone);
        register(token, day);
        String organisation = "Société Numérique " + unique("k").substring(2);
        ServiceApi.Response created = api().postJson("/api/registrations/organizations", token, """
                {"type":"START_UP","name":"%s","country":"ML","sector":"E_GOVERNMENT","foundingYear":2022,
                 "description":"Des services publics en ligne","creator":{"role":"CEO","gender":"FEMALE","lead":true},
                 "members":[]}""".formatted(organisation));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        ServiceApi.Response byPhone = search(staff("BF"), day, phone.substring(4, 8) + " " + phone.substring(8));
        ServiceApi.Response byOrganisation = search(staff("BF"), day, "SOCIETE numerique " + organisation.substring(18));

        assertThat(byPhone.json()).hasSize(1);
        assertThat(byPhone.json().get(0).get("displayName").asString()).isEqualTo(owner);
        assertThat(byOrganisation.json()).hasSize(1);
        assertThat(byOrganisation.json().get(0).get("organization").asString()).isEqualTo(organisation);
    }

    @Test
    void the_search_lists_only_people_with_a_place_that_day_and_whether_they_are_in() {
        LocalDate day = openDay(2);
        LocalDate otherDay = openDay(5);
        String family = unique("coulibaly");
        String inside = badgeOf(participant(family + " Amadou", "ML"), day);
        register(participant(family + " Bintou", "ML"), day);
        register(participant(family + " Cheick", "ML"), day); // waiting: the day has two places
        register(participant(family + " Djeneba", "ML"), otherDay);
        checkIn(staff("ML"), day, inside, "A", null);

        JsonNode found = search(staff("ML"), day, family).json();

        assertThat(found.findValuesAsString("displayName")).containsExactly(family + " Amadou", family + " Bintou");
        assertThat(found.get(0).get("door").asString()).isEqualTo("A");
        assertThat(found.get(0).has("checkedInAt")).isTrue();
        assertThat(found.get(1).has("checkedInAt")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "%20%20", "-"})
    void a_search_too_short_is_a_400_naming_q(String q) {
        LocalDate day = openDay(5);

        ServiceApi.Response response = api().get(DAYS + "/" + day + "/attendees?q=" + q, staff("ML"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("q");
    }

    @Test
    void a_search_without_q_or_with_a_bad_date_names_the_field() {
        LocalDate day = openDay(5);

        ServiceApi.Response noQ = api().get(DAYS + "/" + day + "/attendees", staff("ML"));
        ServiceApi.Response badDate = api().get(DAYS + "/someday/attendees?q=ab", staff("ML"));
        ServiceApi.Response tooLong = api().get(DAYS + "/" + day + "/attendees?q=" + "a".repeat(101), staff("ML"));

        assertThat(noQ.json().get("errors").findValuesAsString("field")).containsExactly("q");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").findValuesAsString("field")).containsExactly("date");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("q");
    }

    // ---- helpers ----

    private String badgeOf(String token, LocalDate day) {
        ServiceApi.Response registered = register(token, day);
        assertThat(registered.json().get("status").asString()).isEqualTo("CONFIRMED");
        return registered.json().get("badgeCode").asString();
    }

    private void profile(String token, String phone) {
        ServiceApi.Response profile = api().put("/api/registrations/participants/me", token, """
                {"preferredLanguage":"fr","phone":"%s","gender":"FEMALE","consent":{"accepted":true,"version":"2026-01"}}"""
                .formatted(phone));
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
    }

    /** A Malian mobile number no other test uses (in all likelihood: 10 million of them). */
    private static String phone() {
        return "+2237" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private ServiceApi.Response checkIn(String token, LocalDate day, String code, String door, String checkInId) {
        String id = checkInId == null ? "" : ",\"checkInId\":\"" + checkInId + "\"";
        return api().postJson(DAYS + "/" + day + "/check-ins", token,
                "{\"badgeCode\":\"" + code + "\",\"door\":\"" + door + "\"" + id + "}");
    }

    private ServiceApi.Response search(String token, LocalDate day, String q) {
        return api().get(DAYS + "/" + day + "/attendees?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
    }
}
