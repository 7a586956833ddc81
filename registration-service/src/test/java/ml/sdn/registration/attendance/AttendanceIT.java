package ml.sdn.registration.attendance;

import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What the attendance ITs share: paths, people with profiles, and days of their own (each test opens
 * fresh dates, so tests never see each other's places). Adds no configuration: same context as every
 * other IT of the service.
 */
abstract class AttendanceIT extends ServiceIT {

    static final String BASE = "/api/registrations/attendance";
    static final String DAYS = BASE + "/days";
    static final String ME = BASE + "/me";
    static final ZoneId EDITION_ZONE = ZoneId.of("Africa/Bamako");

    private static final AtomicInteger NEXT_DAY = new AtomicInteger();

    @Autowired
    MongoTemplate mongo;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A future day no other test uses. */
    static LocalDate freshDay() {
        return LocalDate.now(EDITION_ZONE).plusDays(30 + NEXT_DAY.incrementAndGet());
    }

    static String organizer() {
        return ISSUER.token(unique("organizer"), "ML", "organizer");
    }

    /** A signed-in participant with a profile; returns their token. */
    String participant(String country) {
        return participant(unique("participant"), country);
    }

    String participant(String username, String country) {
        String token = ISSUER.token(username, country, "participant");
        ServiceApi.Response profile = api().put("/api/registrations/participants/me", token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).isIn(200, 201);
        return token;
    }

    LocalDate openDay(int capacity) {
        LocalDate day = freshDay();
        assertThat(api().put(DAYS + "/" + day, organizer(), "{\"capacity\":" + capacity + "}").status()).isEqualTo(201);
        return day;
    }

    ServiceApi.Response register(String token, LocalDate day) {
        return api().post(DAYS + "/" + day + "/registrations", token);
    }

    ServiceApi.Response cancel(String token, LocalDate day) {
        return api().delete(DAYS + "/" + day + "/registrations/me", token);
    }

    AttendanceDay dayDocument(LocalDate day) {
        return mongo.findById(day.toString(), AttendanceDay.class);
    }

    Attendance attendanceOf(String username, LocalDate day) {
        return mongo.findOne(query(where("participantId").is(TestIssuer.subjectOf(username)).and("day").is(day.toString())),
                Attendance.class);
    }

    long countWithStatus(LocalDate day, AttendanceStatus status) {
        return mongo.count(query(where("day").is(day.toString()).and("status").is(status)), Attendance.class);
    }
}
