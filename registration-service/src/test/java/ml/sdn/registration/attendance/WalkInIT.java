package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * People without an account, registered by organizers and coordinators, one by one or from a CSV file: they get a
 * badge code the door checks in like anyone's, a badge that says who they are, and nobody twice. Access from the
 * attacker's side: a coordinator naming another delegation, a coordinator without one, a participant, a stranger.
 */
class WalkInIT extends AttendanceIT {

    static final String WALK_INS = BASE + "/walk-ins";

    private static String coordinator(String delegation) {
        return ISSUER.tokenWithDelegation(unique("coordinator"), "ML", delegation, "coordinator");
    }

    private static String walkIn(String name, String category, String country, LocalDate... days) {
        return """
                {"name":"%s","category":"%s","country":%s,"organization":"Bamako Lab","phone":"+223 76 12 34 56",
                 "days":[%s]}""".formatted(name, category, country == null ? "null" : "\"" + country + "\"",
                String.join(",", java.util.Arrays.stream(days).map(d -> "\"" + d + "\"").toList()));
    }

    private ServiceApi.Response importCsv(String token, String csv, LocalDate... days) {
        return importBytes(token, csv.getBytes(StandardCharsets.UTF_8), days);
    }

    private ServiceApi.Response importBytes(String token, byte[] csv, LocalDate... days) {
        StringBuilder path = new StringBuilder(WALK_INS + "/import?");
        for (LocalDate day : days) {
            path.append("day=").append(day).append('&');
        }
        return api().raw("POST", path.toString(), Map.of("Authorization", "Bearer " + token, "Content-Type",
                "text/csv; charset=utf-8", "Accept-Language", "fr"), csv);
    }

    private long walkInsNamed(String name) {
        return mongo.count(query(where("name").is(name)), WalkIn.class);
    }

    @Test
    void an_organizer_registers_a_walk_in_whose_badge_code_checks_in_at_the_door_and_is_found_by_name() {
        LocalDate day = openDay(1);
        register(participant("ML"), day); // the day is full: walk-ins come on top of the places
        String name = unique("Aïssata Dembélé");

        ServiceApi.Response registered = api().postJson(WALK_INS, organizer(), walkIn(name, "SPEAKER", "BF", day));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode walkIn = registered.json();
        assertThat(walkIn.get("category").asString()).isEqualTo("SPEAKER");
        assertThat(walkIn.get("country").asString()).isEqualTo("BF");
        String code = walkIn.get("badgeCode").asString();
        assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}");
        assertThat(walkIn.get("days").get(0).get("newlyRegistered").asBoolean()).isTrue();

        ServiceApi.Response checkedIn = api().postJson(DAYS + "/" + day + "/check-ins", DoorCheckInIT.staff("ML"),
                "{\"badgeCode\":\"" + code + "\",\"door\":\"A\"}");
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
        assertThat(checkedIn.json().get("displayName").asString()).isEqualTo(name);
        assertThat(checkedIn.json().get("organization").asString()).isEqualTo("Bamako Lab");
        assertThat(checkedIn.json().get("firstCheckIn").asBoolean()).isTrue();

        JsonNode found = api().get(DAYS + "/" + day + "/attendees?q=" + java.net.URLEncoder.encode("aissata dembele-"
                + name.substring(name.indexOf('-') + 1), StandardCharsets.UTF_8), DoorCheckInIT.staff("NE")).json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("badgeCode").asString()).isEqualTo(code);
        assertThat(found.get(0).get("phone").asString()).doesNotContain("34");
        JsonNode byPhone = api().get(DAYS + "/" + day + "/attendees?q=76123456", DoorCheckInIT.staff("NE")).json();
        assertThat(byPhone.findValuesAsString("badgeCode")).contains(code);
    }

    @Test
    void registering_the_same_person_again_answers_the_same_badge_and_registers_nobody_twice() {
        LocalDate day = openDay(5);
        LocalDate next = openDay(5);
        String name = unique("Moussa Issa");
        String first = api().postJson(WALK_INS, organizer(), walkIn(name, "press", "NE", day)).json().get("badgeCode").asString();

        ServiceApi.Response again = api().postJson(WALK_INS, organizer(), walkIn(name.toUpperCase(), "press", "ne", day));
        ServiceApi.Response more = api().postJson(WALK_INS, organizer(), walkIn(name, "press", "NE", day, next));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("badgeCode").asString()).isEqualTo(first);
        assertThat(more.status()).isEqualTo(201);
        assertThat(more.json().get("days").get(0).get("newlyRegistered").asBoolean()).isFalse();
        assertThat(more.json().get("days").get(1).get("newlyRegistered").asBoolean()).isTrue();
        assertThat(walkInsNamed(name)).isEqualTo(1);
        String id = more.json().get("walkInId").asString();
        assertThat(mongo.count(query(where("participantId").is(id)), Attendance.class)).isEqualTo(2);
    }

    @Test
    void a_coordinator_registers_for_their_delegation_and_a_tampered_country_is_refused_with_nothing_stored() {
        LocalDate day = openDay(5);
        String own = unique("Salif");
        String tampered = unique("Oumar");

        ServiceApi.Response ownDefault = api().postJson(WALK_INS, coordinator("BF"), walkIn(own, "DELEGATION_MEMBER", null, day));
        ServiceApi.Response other = api().postJson(WALK_INS, coordinator("BF"), walkIn(tampered, "SPEAKER", "ML", day));
        ServiceApi.Response noDelegation = api().postJson(WALK_INS, coordinator(null), walkIn(tampered, "SPEAKER", "BF", day));

        assertThat(ownDefault.status()).as(ownDefault.body()).isEqualTo(201);
        assertThat(ownDefault.json().get("country").asString()).isEqualTo("BF");
        for (ServiceApi.Response refused : List.of(other, noDelegation)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("country");
        }
        assertThat(walkInsNamed(tampered)).isZero();
    }

    @Test
    void participants_door_staff_and_jurors_get_403_and_strangers_401() {
        LocalDate day = openDay(5);
        String name = unique("Awa");
        for (String role : List.of("participant", "staff", "jury")) {
            ServiceApi.Response refused = api().postJson(WALK_INS, ISSUER.token(unique(role), "ML", role),
                    walkIn(name, "PRESS", "ML", day));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(importCsv(ISSUER.token(unique(role), "ML", role), name + ";press;ML;;;a@b.ml", day).status())
                    .as(role).isEqualTo(403);
        }
        assertThat(api().postJson(WALK_INS, null, walkIn(name, "PRESS", "ML", day)).status()).isEqualTo(401);
        assertThat(walkInsNamed(name)).isZero();
    }

    @Test
    void bad_input_is_400_naming_every_field_at_once_never_500() {
        LocalDate day = openDay(5);

        ServiceApi.Response all = api().postJson(WALK_INS, organizer(), """
                {"name":" ","category":"chauffeur","country":"XX","phone":"12","email":"pas-une-adresse",
                 "days":["2031-02-30"]}""", "Accept-Language", "en");
        ServiceApi.Response noDays = api().postJson(WALK_INS, organizer(), walkIn(unique("Awa"), "jury", "ML"));
        ServiceApi.Response closedDay = api().postJson(WALK_INS, organizer(), walkIn(unique("Awa"), "jury", "ML",
                day.plusYears(3)), "Accept-Language", "fr");
        ServiceApi.Response notJson = api().postJson(WALK_INS, organizer(), "{\"name\": [1, 2]");

        assertThat(all.status()).as(all.body()).isEqualTo(400);
        assertThat(all.contentType()).startsWith("application/problem+json");
        assertThat(all.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "category", "country", "phone", "email", "days");
        assertThat(all.body()).contains("the name is required", "the category is participant");
        assertThat(noDays.status()).isEqualTo(400);
        assertThat(noDays.json().get("errors").findValuesAsString("field")).containsExactly("days");
        assertThat(closedDay.status()).isEqualTo(400);
        assertThat(closedDay.body()).contains("n'est pas ouverte").doesNotContain(day.plusYears(3).toString());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_csv_file_registers_its_good_lines_reports_the_bad_ones_by_line_and_field_and_a_second_import_changes_nothing() {
        LocalDate day = openDay(5);
        String awa = unique("Awa Traoré");
        String salif = unique("Salif Ouédraogo");
        String csv = """
                Nom;Catégorie;Pays;Organisation;Téléphone;E-mail
                %s;Intervenant;ML;Bamako Lab;+223 76 00 00 01;
                ;presse;BF;;;
                %s;presse;BF;"Ouaga, Média";;salif@exemple.bf
                Kadi;chauffeur;XX;;12;
                """.formatted(awa, salif);

        ServiceApi.Response first = importCsv(organizer(), csv, day);
        ServiceApi.Response second = importCsv(organizer(), csv, day);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.get("registered").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        JsonNode lines = report.get("lines");
        assertThat(lines.findValuesAsString("outcome")).containsExactly("REGISTERED", "REJECTED", "REGISTERED", "REJECTED");
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(lines.get(1).get("errors").findValuesAsString("field")).containsExactly("name", "phone", "email");
        assertThat(lines.get(3).get("line").asInt()).isEqualTo(5);
        assertThat(lines.get(3).get("errors").findValuesAsString("field")).containsExactly("category", "country", "phone");
        assertThat(lines.get(3).get("errors").get(0).get("message").asString()).startsWith("la catégorie est");
        String awaCode = lines.get(0).get("badgeCode").asString();

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("registered").asInt()).isZero();
        assertThat(second.json().get("alreadyRegistered").asInt()).isEqualTo(2);
        assertThat(second.json().get("lines").get(0).get("badgeCode").asString()).isEqualTo(awaCode);
        assertThat(walkInsNamed(awa)).isEqualTo(1);
        assertThat(walkInsNamed(salif)).isEqualTo(1);
        WalkIn stored = mongo.findOne(query(where("name").is(salif)), WalkIn.class);
        assertThat(stored.organization()).isEqualTo("Ouaga, Média");
        assertThat(stored.category()).isEqualTo(AttendeeCategory.PRESS);
        assertThat(mongo.count(query(where("participantId").is(stored.id()).and("day").is(day.toString())), Attendance.class))
                .isEqualTo(1);
    }

    @Test
    void a_coordinators_file_line_of_another_delegation_is_rejected_on_country_and_its_own_lines_registered() {
        LocalDate day = openDay(5);
        String own = unique("Hama");
        String other = unique("Fanta");

        ServiceApi.Response imported = importCsv(coordinator("NE"), own + ",delegation,,,,hama@exemple.ne\n"
                + other + ",delegation,ML,,,fanta@exemple.ml\n", day);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode lines = imported.json().get("lines");
        assertThat(lines.findValuesAsString("outcome")).containsExactly("REGISTERED", "REJECTED");
        assertThat(lines.get(1).get("errors").findValuesAsString("field")).containsExactly("country");
        assertThat(walkInsNamed(other)).isZero();
        assertThat(mongo.findOne(query(where("name").is(own)), WalkIn.class).country()).isEqualTo("NE");
    }

    @Test
    void a_file_not_in_utf8_or_without_days_is_400_naming_file_and_days_and_registers_nobody() {
        String name = unique("Aïssata");
        byte[] latin1 = (name + ";jury;ML;;;a@b.ml\n").getBytes(StandardCharsets.ISO_8859_1);

        ServiceApi.Response refused = importBytes(organizer(), latin1);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("file", "days");
        assertThat(refused.body()).contains("UTF-8");
        assertThat(mongo.count(query(where("name").regex("^" + name.substring(0, 4))), WalkIn.class)).isZero();
    }

    @Test
    void batch_badges_print_each_category_in_words_and_filter_by_category() throws IOException {
        LocalDate day = openDay(5);
        String participant = unique("Participante");
        register(participant(participant, "ML"), day);
        String speaker = unique("Speaker");
        String press = unique("Journaliste");
        api().postJson(WALK_INS, organizer(), walkIn(speaker, "SPEAKER", "ML", day));
        api().postJson(WALK_INS, organizer(), walkIn(press, "PRESS", "SN", day));

        ServiceApi.Response all = api().get(DAYS + "/" + day + "/badges.pdf", organizer(), "Accept-Language", "fr");
        ServiceApi.Response speakers = api().get(DAYS + "/" + day + "/badges.pdf?category=speaker", organizer(),
                "Accept-Language", "en");
        ServiceApi.Response bad = api().get(DAYS + "/" + day + "/badges.pdf?category=driver", organizer());

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(text(all.bytes())).contains(participant, speaker, press, "PARTICIPANT", "INTERVENANT", "PRESSE",
                "Sénégal");
        assertThat(text(speakers.bytes())).contains(speaker, "SPEAKER").doesNotContain(participant, press);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("category");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

}
