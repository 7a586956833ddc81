package ml.sdn.registration.attendance;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.registration.AttendanceCancelled;
import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.events.registration.AttendanceWaitListed;
import ml.sdn.events.registration.CheckedIn;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AttendanceEventsIT extends AttendanceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static AttendanceEvents events;

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeEach
    void readTheTopic() {
        if (events == null) {
            events = new AttendanceEvents(broker.getBrokersAsString());
        }
    }

    @AfterAll
    static void stopReading() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    @Test
    void a_confirmation_publishes_attendance_confirmed_keyed_by_attendance_id_with_cloudevents_headers() {
        LocalDate day = openDay(5);
        String user = unique("awa");
        String attendanceId = register(participant(user, "ML"), day).json().get("attendanceId").asString();

        ConsumerRecord<String, String> record = events.awaitOne(attendanceId, AttendanceConfirmed.TYPE.type());

        assertThat(record.topic()).isEqualTo("registration.attendance");
        assertThat(AttendanceEvents.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(attendanceId);
        assertThat(AttendanceEvents.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/sdn/registration-service");
        assertThat(AttendanceEvents.header(record, CloudEventHeaders.ID)).isNotBlank();
        AttendanceConfirmed event = JSON.readValue(record.value(), AttendanceConfirmed.class);
        assertThat(event.participantId()).isEqualTo(TestIssuer.subjectOf(user));
        assertThat(event.country()).isEqualTo("ML");
        assertThat(event.day()).isEqualTo(day);
        assertThat(event.badgeCode()).isEqualTo(attendanceOf(user, day).badgeCode());
        assertThat(event.confirmedAt()).isNotNull();
    }

    @Test
    void a_person_confirmed_at_once_is_never_told_they_wait() {
        LocalDate day = openDay(5);
        String attendanceId = register(participant("BF"), day).json().get("attendanceId").asString();
        events.awaitOne(attendanceId, AttendanceConfirmed.TYPE.type());

        assertThat(events.typesOf(attendanceId)).containsExactly(AttendanceConfirmed.TYPE.type());
    }

    @Test
    void waiting_then_promoted_publishes_wait_listed_with_the_position_then_promoted_with_the_badge() {
        LocalDate day = openDay(1);
        String holder = participant("ML");
        register(holder, day);
        register(participant("BF"), day);
        String user = unique("moussa");
        String attendanceId = register(participant(user, "NE"), day).json().get("attendanceId").asString();

        AttendanceWaitListed waitListed = JSON.readValue(
                events.awaitOne(attendanceId, AttendanceWaitListed.TYPE.type()).value(), AttendanceWaitListed.class);
        api().put(DAYS + "/" + day, organizer(), "{\"capacity\":3}");
        AttendancePromoted promoted = JSON.readValue(
                events.awaitOne(attendanceId, AttendancePromoted.TYPE.type()).value(), AttendancePromoted.class);

        assertThat(waitListed.position()).isEqualTo(2);
        assertThat(waitListed.country()).isEqualTo("NE");
        assertThat(waitListed.day()).isEqualTo(day);
        assertThat(promoted.badgeCode()).isEqualTo(attendanceOf(user, day).badgeCode());
        assertThat(events.typesOf(attendanceId))
                .containsExactly(AttendanceWaitListed.TYPE.type(), AttendancePromoted.TYPE.type());
    }

    @Test
    void a_cancellation_publishes_attendance_cancelled_and_the_next_persons_promotion() {
        LocalDate day = openDay(1);
        String holder = participant("ML");
        String holderId = register(holder, day).json().get("attendanceId").asString();
        String waitingId = register(participant("BF"), day).json().get("attendanceId").asString();

        cancel(holder, day);

        AttendanceCancelled cancelled = JSON.readValue(
                events.awaitOne(holderId, AttendanceCancelled.TYPE.type()).value(), AttendanceCancelled.class);
        assertThat(cancelled.day()).isEqualTo(day);
        assertThat(cancelled.cancelledAt()).isNotNull();
        events.awaitOne(waitingId, AttendancePromoted.TYPE.type());
        assertThat(events.typesOf(holderId))
                .containsExactly(AttendanceConfirmed.TYPE.type(), AttendanceCancelled.TYPE.type());
    }

    @Test
    void checked_in_is_published_once_however_many_times_the_badge_is_scanned() {
        LocalDate day = openDay(5);
        JsonNodeHolder registration = new JsonNodeHolder(register(participant("NE"), day));
        String door = unique("door");
        String organizer = ISSUER.token(door, "ML", "organizer");
        for (int scan = 0; scan < 3; scan++) {
            api().postJson(DAYS + "/" + day + "/check-ins", organizer, "{\"badgeCode\":\"" + registration.badgeCode + "\",\"door\":\"Nord\"}");
        }

        CheckedIn checkedIn = JSON.readValue(events.awaitOne(registration.attendanceId, CheckedIn.TYPE.type()).value(),
                CheckedIn.class);
        // the outbox is empty once the relay has sent everything: no second CheckedIn can still come
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(registration.attendanceId, Attendance.class)
                .outbox().isEmpty());

        assertThat(events.of(registration.attendanceId, CheckedIn.TYPE.type())).hasSize(1);
        assertThat(checkedIn.checkedInBy()).isEqualTo(TestIssuer.subjectOf(door));
        assertThat(checkedIn.door()).isEqualTo("Nord");
        assertThat(checkedIn.day()).isEqualTo(day);
    }

    private record JsonNodeHolder(String attendanceId, String badgeCode) {
        JsonNodeHolder(ServiceApi.Response response) {
            this(response.json().get("attendanceId").asString(), response.json().get("badgeCode").asString());
        }
    }
}
