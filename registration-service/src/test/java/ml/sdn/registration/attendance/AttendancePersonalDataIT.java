package ml.sdn.registration.attendance;

import ml.sdn.registration.participants.PersonalData;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

class AttendancePersonalDataIT extends AttendanceIT {

    @Autowired
    List<PersonalData> personalData;

    private PersonalData attendance() {
        return personalData.stream().filter(p -> p.section().equals("attendance")).findFirst().orElseThrow();
    }

    @Test
    void the_export_holds_every_registration_of_the_person_and_their_badge() {
        LocalDate monday = openDay(5);
        LocalDate tuesday = openDay(5);
        String user = unique("export");
        String token = participant(user, "ML");
        String code = register(token, monday).json().get("badgeCode").asString();
        register(token, tuesday);
        cancel(token, tuesday);

        AttendanceExport export = (AttendanceExport) attendance().exportOf(TestIssuer.subjectOf(user));

        assertThat(export.badgeCode()).isEqualTo(code);
        assertThat(export.badgeIssuedAt()).isNotNull();
        assertThat(export.attendances()).extracting(AttendanceView::day).containsExactly(monday, tuesday);
        assertThat(export.attendances()).extracting(AttendanceView::status)
                .containsExactly(AttendanceStatus.CONFIRMED, AttendanceStatus.CANCELLED);
    }

    @Test
    void the_export_of_someone_else_holds_nothing_of_mine() {
        register(participant("ML"), openDay(5));

        AttendanceExport export = (AttendanceExport) attendance().exportOf(TestIssuer.subjectOf(unique("stranger")));

        assertThat(export.attendances()).isEmpty();
        assertThat(export.badgeCode()).isNull();
    }

    @Test
    void erasure_gives_future_places_to_the_waiting_list_and_cuts_every_link_to_the_person_idempotently() {
        LocalDate day = openDay(1);
        String user = unique("erased");
        String token = participant(user, "BF");
        String code = register(token, day).json().get("badgeCode").asString();
        String next = unique("next");
        register(participant(next, "NE"), day);
        LocalDate past = LocalDate.now(EDITION_ZONE).minusDays(3);
        String pastId = java.util.UUID.randomUUID().toString();
        mongo.insert(new Attendance(pastId, TestIssuer.subjectOf(user), "BF", past.toString(), AttendanceStatus.CONFIRMED,
                1L, true, java.util.UUID.randomUUID().toString(), code, Instant.now(), Instant.now(), null, Instant.now(),
                "someone", "A", "door-1", List.of(), null));

        attendance().erase(TestIssuer.subjectOf(user));
        attendance().erase(TestIssuer.subjectOf(user));

        assertThat(attendanceOf(next, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
        assertThat(mongo.count(query(where("participantId").is(TestIssuer.subjectOf(user))), Attendance.class)).isZero();
        assertThat(mongo.count(query(where("badgeCode").is(code)), Attendance.class)).isZero();
        assertThat(mongo.findById(TestIssuer.subjectOf(user), Badge.class)).isNull();
        Attendance history = mongo.findById(pastId, Attendance.class);
        assertThat(history.status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(history.checkedInAt()).isNotNull();
        assertThat(history.participantId()).doesNotContain(TestIssuer.subjectOf(user));
        assertThat(api().get(ME, token).json()).isEmpty();
        assertThat(api().get(ME + "/badge", token).status()).isEqualTo(404);
        assertThat(((AttendanceExport) attendance().exportOf(TestIssuer.subjectOf(user))).attendances()).isEmpty();
    }

    @Test
    void erasing_someone_without_attendance_does_nothing() {
        LocalDate day = openDay(1);
        String someone = unique("someone");
        String code = register(participant(someone, "NE"), day).json().get("badgeCode").asString();
        long attendances = mongo.count(new Query(), Attendance.class);
        long badges = mongo.count(new Query(), Badge.class);

        attendance().erase(TestIssuer.subjectOf(unique("nobody")));

        assertThat(mongo.count(new Query(), Attendance.class)).isEqualTo(attendances);
        assertThat(mongo.count(new Query(), Badge.class)).isEqualTo(badges);
        Attendance kept = attendanceOf(someone, day);
        assertThat(kept.status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(kept.badgeCode()).isEqualTo(code);
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
    }

    @Test
    void erasure_takes_the_claimed_walk_in_record_and_a_door_staff_members_codes_with_it() {
        LocalDate day = openDay(5);
        String name = unique("Aminata Konaté");
        ml.sdn.testing.ServiceApi.Response registered = api().postJson(WalkInIT.WALK_INS, organizer(), """
                {"name":"%s","country":"ML","phone":"+223 76 12 34 56","days":["%s"]}""".formatted(name, day));
        String walkInId = registered.json().get("walkInId").asString();
        String code = registered.json().get("badgeCode").asString();
        String user = unique("aminata");
        String token = participant(user, "ML");
        assertThat(api().postJson(BadgeClaimIT.CLAIMS, token,
                "{\"badgeCode\":\"" + code + "\",\"contact\":\"76123456\"}").status()).isEqualTo(200);
        // the same person was also door staff, with codes set aside for their phone, one of them used for a walk-in
        String staff = TestIssuer.subjectOf(user);
        mongo.insert(new WalkInCode("ZZZZ-ZZZZ-ZZZZ-ZZZ2", day.toString(), staff, "phone-1", Instant.now(), null, null, null));
        mongo.insert(new WalkInCode("ZZZZ-ZZZZ-ZZZZ-ZZZ3", day.toString(), staff, "phone-1", Instant.now(), "w-1", walkInId,
                Instant.now()));

        attendance().erase(staff);
        attendance().erase(staff);

        assertThat(mongo.findById(walkInId, WalkIn.class)).isNull();
        assertThat(mongo.count(query(where("name").is(name)), WalkIn.class)).isZero();
        assertThat(mongo.count(query(where("staffId").is(staff)), WalkInCode.class)).isZero();
        assertThat(mongo.count(query(where("walkInId").is(walkInId)), WalkInCode.class)).isZero();
        assertThat(mongo.findById("ZZZZ-ZZZZ-ZZZZ-ZZZ2", WalkInCode.class)).as("unused: nobody may use it any more").isNull();
        WalkInCode used = mongo.findById("ZZZZ-ZZZZ-ZZZZ-ZZZ3", WalkInCode.class);
        assertThat(used.clientId()).as("still used: never handed out again").isEqualTo("w-1");
        assertThat(used.device()).isNull();
        assertThat(mongo.count(query(where("participantId").is(staff)), Attendance.class)).isZero();
        assertThat(mongo.count(query(where("participantId").is(walkInId)), Attendance.class)).isZero();
    }
}
