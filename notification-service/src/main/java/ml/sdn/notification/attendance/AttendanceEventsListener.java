package ml.sdn.notification.attendance;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.AttendanceCancelled;
import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.events.registration.AttendanceWaitListed;
import ml.sdn.events.registration.CheckedIn;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Registration's attendance events: the participant is told (inbox and e-mail, in their language) when
 * their place for a day is confirmed, when they are put on the waiting list and at which position, when
 * a freed place is theirs, and when their registration is cancelled. A check-in at the door is not
 * notified: the person is there. Who holds a place for which day, and who came in, is kept
 * ({@link DayRegistrations}) for messages to the people coming on a day or there on a day.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_ATTENDANCE, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class AttendanceEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AttendanceEventsListener.class);

    private final Notifier notifier;
    private final DayRegistrations days;

    AttendanceEventsListener(Notifier notifier, DayRegistrations days) {
        this.notifier = notifier;
        this.days = days;
    }

    @KafkaHandler
    void on(AttendanceConfirmed event, @Header(CloudEventHeaders.ID) String eventId) {
        days.record(event.attendanceId(), event.participantId(), event.day(), true, event.confirmedAt(), event.badgeCode());
        notifier.notify(notice(eventId, NotificationKind.ATTENDANCE_CONFIRMED, event.participantId(), event.day(),
                event.badgeCode(), null));
    }

    @KafkaHandler
    void on(AttendanceWaitListed event, @Header(CloudEventHeaders.ID) String eventId) {
        notifier.notify(notice(eventId, NotificationKind.ATTENDANCE_WAIT_LISTED, event.participantId(), event.day(),
                null, event.position()));
    }

    @KafkaHandler
    void on(AttendancePromoted event, @Header(CloudEventHeaders.ID) String eventId) {
        days.record(event.attendanceId(), event.participantId(), event.day(), true, event.promotedAt(), event.badgeCode());
        notifier.notify(notice(eventId, NotificationKind.ATTENDANCE_PROMOTED, event.participantId(), event.day(),
                event.badgeCode(), null));
    }

    @KafkaHandler
    void on(AttendanceCancelled event, @Header(CloudEventHeaders.ID) String eventId) {
        days.record(event.attendanceId(), event.participantId(), event.day(), false, event.cancelledAt());
        notifier.notify(notice(eventId, NotificationKind.ATTENDANCE_CANCELLED, event.participantId(), event.day(),
                null, null));
    }

    @KafkaHandler
    void on(CheckedIn event, @Header(CloudEventHeaders.ID) String eventId) {
        days.checkIn(event.attendanceId(), event.participantId(), event.day());
        log.debug("Check-in {} (event {}): kept, not notified", event.attendanceId(), eventId);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object unknown) {
        log.debug("Ignoring an attendance event notification-service does not handle");
    }

    private static Notice notice(String eventId, NotificationKind kind, String participantId, LocalDate day,
                                 String badgeCode, Integer position) {
        if (participantId == null || participantId.isBlank() || day == null) {
            throw new IllegalArgumentException("Attendance event " + eventId + " without participantId or day");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("day", day.toString());
        if (badgeCode != null && !badgeCode.isBlank()) {
            model.put("badgeCode", badgeCode);
        }
        if (position != null) {
            model.put("position", position);
        }
        return new Notice(eventId, kind, participantId, model);
    }
}
