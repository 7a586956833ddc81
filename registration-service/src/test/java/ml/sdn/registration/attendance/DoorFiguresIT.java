package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.XlsxRows;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The day's figures at the doors and its attendance file, after real check-ins, as organizers and coordinators see them. */
class DoorFiguresIT extends AttendanceIT {

    private static String coordinator(String delegation) {
        // the country a person chooses says ML: only the delegation, set by administrators, scopes a coordinator
        return ISSUER.tokenWithDelegation(unique("coordinator"), "ML", delegation, "coordinator");
    }

    @Test
    void an_organizer_sees_who_is_in_per_door_and_per_delegation_after_check_ins_at_two_doors() {
        LocalDate day = openDay(10);
        String malian = unique("malien");
        String code1 = badgeOf(participant(malian, "ML"), day);
        String code2 = badgeOf(participant("ML"), day);
        String code3 = badgeOf(participant("BF"), day);
        badgeOf(participant("NE"), day);
        String cancelled = participant("BF");
        badgeOf(cancelled, day);
        assertThat(cancel(cancelled, day).status()).isEqualTo(204);

        checkIn(day, code1, "A");
        checkIn(day, code2, "B");
        checkIn(day, code3, "A");
        checkIn(day, code1, "B"); // a second scan is never counted twice

        ServiceApi.Response response = api().get(DAYS + "/" + day + "/door-figures", organizer());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode figures = response.json();
        assertThat(figures.get("day").asString()).isEqualTo(day.toString());
        assertThat(figures.get("confirmed").asInt()).isEqualTo(4);
        assertThat(figures.get("checkedIn").asInt()).isEqualTo(3);
        assertThat(figures.get("notYetIn").asInt()).isEqualTo(1);
        assertThat(pairs(figures.get("doors"), "door", "checkedIn")).containsExactly("A=2", "B=1");
        assertThat(delegations(figures)).containsExactly("BF=1/1", "ML=2/2", "NE=0/1");
        assertThat(pairs(figures.get("categories"), "category", "checkedIn")).containsExactly("PARTICIPANT=3");
        assertThat(figures.get("categories").get(0).get("confirmed").asInt()).isEqualTo(4);
    }

    @Test
    void a_coordinator_sees_their_own_delegation_only_whatever_their_chosen_country_says() {
        LocalDate day = openDay(10);
        checkIn(day, badgeOf(participant("ML"), day), "A");
        checkIn(day, badgeOf(participant("BF"), day), "B");
        badgeOf(participant("BF"), day);

        JsonNode burkina = api().get(DAYS + "/" + day + "/door-figures", coordinator("BF")).json();
        ServiceApi.Response csv = api().get(DAYS + "/" + day + "/attendees.csv", coordinator("BF"));
        JsonNode noDelegation = api().get(DAYS + "/" + day + "/door-figures", coordinator(null)).json();

        assertThat(burkina.get("confirmed").asInt()).isEqualTo(2);
        assertThat(burkina.get("checkedIn").asInt()).isEqualTo(1);
        assertThat(pairs(burkina.get("doors"), "door", "checkedIn")).containsExactly("B=1");
        assertThat(delegations(burkina)).containsExactly("BF=1/2");
        assertThat(csv.body().split("\r\n")).hasSize(4);
        assertThat(csv.body()).contains("Burkina Faso").doesNotContain("Mali;");
        assertThat(noDelegation.get("confirmed").asInt()).isZero();
        List<List<Object>> xlsx = XlsxRows.read(api().get(DAYS + "/" + day + "/attendees.xlsx", coordinator("BF")).bytes());
        assertThat(xlsx).hasSize(4);
        assertThat(xlsx.subList(2, 4)).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("Burkina Faso"));
    }

    @Test
    void participants_jurors_coaches_and_door_staff_get_403_and_strangers_401() {
        LocalDate day = openDay(5);
        for (String role : List.of("participant", "jury", "coach", "staff")) {
            String token = ISSUER.token(unique(role), "ML", role);
            for (String path : List.of("/door-figures", "/attendees.csv", "/attendees.xlsx")) {
                ServiceApi.Response refused = api().get(DAYS + "/" + day + path, token);
                assertThat(refused.status()).as(role + path).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(api().get(DAYS + "/" + day + "/door-figures", null).status()).isEqualTo(401);
    }

    @Test
    void a_date_that_is_not_a_date_is_a_400_naming_the_field() {
        ServiceApi.Response bad = api().get(DAYS + "/2026-02-30/door-figures", organizer());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("date");
    }

    @Test
    void the_attendance_file_names_the_edition_and_has_one_row_per_confirmed_person_in_words_and_no_contact_details() {
        LocalDate day = openDay(10);
        String inside = unique("=dedans");
        String outside = unique("dehors");
        checkIn(day, badgeOf(participant(inside, "ML"), day), "Nord");
        badgeOf(participant(outside, "NE"), day);

        ServiceApi.Response csv = api().get(DAYS + "/" + day + "/attendees.csv?edition=3%20(2026)", organizer());

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("presences-" + day);
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.get(0)).startsWith("\uFEFFÉdition 3 (2026) — journée du " + words(day) + " — fichier établi le ");
        assertThat(lines.get(1)).isEqualTo("Nom;Organisation;Pays;Inscrit·e le;Entré·e à;Porte");
        assertThat(lines).hasSize(4);
        // sorted by name; a name a spreadsheet would evaluate is kept as text
        assertThat(lines.get(2)).startsWith("'" + inside + ";;Mali;").matches(".*;\\d{1,2} \\p{L}+ \\d{4}, \\d{2}:\\d{2};Nord");
        assertThat(lines.get(3)).startsWith(outside + ";;Niger;").endsWith(";;");
        assertThat(csv.body()).doesNotContain("@", "FEMALE", "MALE", ";ML;");

        List<String> english = List.of(api().get(DAYS + "/" + day + "/attendees.csv?edition=3%20(2026)", organizer(),
                "Accept-Language", "en").body().split("\r\n"));
        assertThat(english.get(0)).startsWith("\uFEFFEdition 3 (2026) — day of ").contains(" — file made on ");
        // without an edition named (a caller who knows none), the day still says what the file is
        assertThat(api().get(DAYS + "/" + day + "/attendees.csv", organizer()).body())
                .startsWith("\uFEFFJournée du " + words(day) + " — fichier établi le ");
        assertThat(english.get(1)).isEqualTo("Name;Organisation;Country;Registered on;Checked in at;Door");

        ServiceApi.Response xlsx = api().get(DAYS + "/" + day + "/attendees.xlsx?edition=3%20(2026)", organizer());
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("presences-" + day + ".xlsx");
        List<List<Object>> rows = XlsxRows.read(xlsx.bytes());
        assertThat(rows).hasSize(4);
        assertThat((String) rows.get(0).get(0)).startsWith("Édition 3 (2026) — journée du " + words(day) + " — fichier établi le ");
        assertThat(rows.get(2)).startsWith("'" + inside, "", "Mali");
        assertThat(rows.get(2).get(5)).isEqualTo("Nord");
    }

    @Test
    void an_edition_name_over_100_characters_is_a_400_naming_it() {
        ServiceApi.Response refused = api().get(DAYS + "/" + openDay(11) + "/attendees.csv?edition=" + "x".repeat(101), organizer());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("edition");
    }

    private static String words(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH).format(day);
    }

    private String badgeOf(String token, LocalDate day) {
        ServiceApi.Response registered = register(token, day);
        assertThat(registered.json().get("status").asString()).isEqualTo("CONFIRMED");
        return registered.json().get("badgeCode").asString();
    }

    private void checkIn(LocalDate day, String code, String door) {
        ServiceApi.Response response = api().postJson(DAYS + "/" + day + "/check-ins", DoorCheckInIT.staff("ML"),
                "{\"badgeCode\":\"" + code + "\",\"door\":\"" + door + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static List<String> pairs(JsonNode array, String key, String value) {
        List<String> pairs = new ArrayList<>();
        array.forEach(node -> pairs.add(node.get(key).asString() + "=" + node.get(value).asInt()));
        return pairs;
    }

    private static List<String> delegations(JsonNode figures) {
        List<String> pairs = new ArrayList<>();
        figures.get("delegations").forEach(node -> pairs.add(node.get("country").asString() + "="
                + node.get("checkedIn").asInt() + "/" + node.get("confirmed").asInt()));
        return pairs;
    }
}
