package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A person registered without an account claims their badge once they have one: the days and check-ins become the
 * account's, one badge per person, counted once. From the attacker's side: no token, a guessed contact, someone
 * else's badge, a badge claimed already, another delegation's.
 */
class BadgeClaimIT extends AttendanceIT {

    static final String CLAIMS = ME + "/badge-claims";

    /** A walk-in registered by an organizer for the days, reachable at +223 76 12 34 56; returns the badge code. */
    private String walkIn(String name, String country, LocalDate... days) {
        ServiceApi.Response registered = api().postJson(WalkInIT.WALK_INS, organizer(), """
                {"name":"%s","category":"SPEAKER","country":"%s","phone":"+223 76 12 34 56","email":"awa@example.org",
                 "days":[%s]}""".formatted(name, country,
                String.join(",", java.util.Arrays.stream(days).map(d -> "\"" + d + "\"").toList())));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("badgeCode").asString();
    }

    private ServiceApi.Response claim(String token, String code, String contact) {
        return api().postJson(CLAIMS, token, "{\"badgeCode\":\"%s\",\"contact\":\"%s\"}".formatted(code, contact));
    }

    private ServiceApi.Response checkIn(String code, LocalDate day) {
        return api().postJson(DAYS + "/" + day + "/check-ins", DoorCheckInIT.staff("ML"),
                "{\"badgeCode\":\"" + code + "\",\"door\":\"A\"}");
    }

    private int checkedIn(LocalDate day) {
        return api().get(DAYS + "/" + day + "/door-figures", organizer()).json().get("checkedIn").asInt();
    }

    private static void assertRefused(ServiceApi.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void a_walk_in_who_signs_up_claims_the_badge_with_their_phone_and_its_days_and_check_in_become_theirs() {
        LocalDate thursday = openDay(5);
        LocalDate friday = openDay(5);
        String code = walkIn(unique("Awa Traoré"), "ML", thursday, friday);
        assertThat(checkIn(code, thursday).status()).isEqualTo(200);
        String user = unique("awa");
        String token = participant(user, "ML");

        ServiceApi.Response claimed = claim(token, code.toLowerCase().replace("-", ""), "76 12 34 56");
        ServiceApi.Response again = claim(token, code, "+223 76 12 34 56");

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("badgeCode").asString()).isEqualTo(code);
        assertThat(claimed.json().get("paperBadgeReplaced").asBoolean()).isFalse();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("badgeCode").asString()).isEqualTo(code);
        JsonNode mine = api().get(ME, token).json();
        assertThat(mine.findValuesAsString("day")).containsExactly(thursday.toString(), friday.toString());
        assertThat(mine.findValuesAsString("status")).containsOnly("CONFIRMED");
        assertThat(mine.get(0).has("checkedInAt")).isTrue();
        assertThat(mongo.findById(TestIssuer.subjectOf(user), Badge.class).code()).isEqualTo(code);
        assertThat(api().get(ME + "/badge.pdf", token).status()).isEqualTo(200);
        // the door counts the person once, and lets them in on Friday by the same code, now the account's
        assertThat(checkedIn(thursday)).isEqualTo(1);
        assertThat(checkIn(code, thursday).json().get("firstCheckIn").asBoolean()).isFalse();
        assertThat(checkIn(code, friday).json().get("firstCheckIn").asBoolean()).isTrue();
        assertThat(attendanceOf(user, friday).checkedInAt()).isNotNull();
    }

    @Test
    void an_account_with_its_own_badge_keeps_it_and_the_person_is_counted_once_a_day() {
        LocalDate thursday = openDay(5);
        LocalDate friday = openDay(5);
        String user = unique("moussa");
        String token = participant(user, "ML");
        String own = register(token, thursday).json().get("badgeCode").asString();
        String paper = walkIn(unique("Moussa Keïta"), "ML", thursday, friday);
        assertThat(checkIn(paper, thursday).status()).isEqualTo(200);

        ServiceApi.Response claimed = claim(token, paper, "AWA@example.org");

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("badgeCode").asString()).isEqualTo(own);
        assertThat(claimed.json().get("paperBadgeReplaced").asBoolean()).isTrue();
        assertThat(attendanceOf(user, thursday).checkedInAt()).as("the paper badge's check-in counts for the account").isNotNull();
        assertThat(attendanceOf(user, friday).badgeCode()).isEqualTo(own);
        assertThat(checkedIn(thursday)).isEqualTo(1);
        assertThat(mongo.count(query(where("day").is(thursday.toString()).and("status").is(AttendanceStatus.CONFIRMED)),
                Attendance.class)).isEqualTo(1);
        assertRefused(checkIn(paper, friday), 422, "badgeCode");
        assertThat(checkIn(own, thursday).json().get("firstCheckIn").asBoolean()).isFalse();
    }

    @Test
    void nobody_takes_a_badge_without_the_contact_given_at_registration_and_guessing_is_cut_short() {
        LocalDate day = openDay(5);
        String code = walkIn(unique("Fatou Sidibé"), "ML", day);
        String intruder = participant("ML");

        assertThat(api().postJson(CLAIMS, null, "{\"badgeCode\":\"" + code + "\",\"contact\":\"76123456\"}").status())
                .isEqualTo(401);
        for (int attempt = 1; attempt <= BadgeClaim.MAX_FAILED; attempt++) {
            assertRefused(claim(intruder, code, "7612345" + attempt), 422, "contact");
        }
        assertRefused(claim(intruder, code, "76 12 34 56"), 409, "contact");
        assertRefused(claim(participant("ML"), code, "76 12 34 56"), 409, "contact");
        assertThat(api().get(ME, intruder).json()).isEmpty();
        assertThat(mongo.count(query(where("badgeCode").is(code).and("day").is(day.toString())), Attendance.class)).isEqualTo(1);
    }

    @Test
    void a_badge_claimed_already_another_delegations_badge_an_accounts_own_badge_and_bad_input_are_refused_naming_the_field() {
        LocalDate day = openDay(5);
        String code = walkIn(unique("Ibrahim Sawadogo"), "BF", day);
        String burkinabe = participant("BF");
        String malian = participant("ML");
        String someonesOwn = register(participant("NE"), day).json().get("badgeCode").asString();

        assertRefused(claim(malian, code, "76 12 34 56"), 422, "badgeCode");
        assertThat(claim(burkinabe, code, "76 12 34 56").status()).isEqualTo(200);
        assertRefused(claim(participant("BF"), code, "76 12 34 56"), 409, "badgeCode");
        assertRefused(claim(malian, someonesOwn, "76 12 34 56"), 422, "badgeCode");
        assertRefused(claim(malian, "ABCD-EFGH-JKLM-NPQR", "76 12 34 56"), 422, "badgeCode");
        assertRefused(claim(malian, "not a code", "76 12 34 56"), 400, "badgeCode");
        ServiceApi.Response blank = api().postJson(CLAIMS, malian, "{\"badgeCode\":\"\",\"contact\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("badgeCode", "contact");
        ServiceApi.Response noProfile = claim(ISSUER.token(unique("newcomer"), "ML", "participant"), code, "76123456");
        assertThat(noProfile.status()).as(noProfile.body()).isEqualTo(409);
    }
}
