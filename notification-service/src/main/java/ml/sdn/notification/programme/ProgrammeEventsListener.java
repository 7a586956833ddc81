package ml.sdn.notification.programme;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.SessionMoved;
import ml.sdn.events.registration.SessionPlaceGiven;
import ml.sdn.events.registration.SessionReminderDue;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Registration's programme events: when a session moves (another time or another room), everybody holding a
 * place or waiting for one is told, in their language, by inbox and e-mail. The event names them, so no copy
 * of the agendas is kept here; each gets their own notice under the same event id, so a redelivery writes
 * nothing twice. When a place someone waited for becomes theirs, they are told the same way, and so are the
 * people holding a place the day before the session.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_PROGRAMME, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class ProgrammeEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeEventsListener.class);

    private final Notifier notifier;

    ProgrammeEventsListener(Notifier notifier) {
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(SessionMoved event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.sessionId() == null || event.startsAt() == null || event.endsAt() == null || event.room() == null) {
            throw new IllegalArgumentException("Session event " + eventId + " without session, times or room");
        }
        if (event.participantIds() == null || event.participantIds().isEmpty()) {
            log.debug("Session {} moved (event {}): nobody registered", event.sessionId(), eventId);
            return;
        }
        Map<String, Object> model = session(event.titleFr(), event.titleEn(), event.startsAt(), event.endsAt(), event.room());
        boolean timeChanged = !event.startsAt().equals(event.previousStartsAt()) || !event.endsAt().equals(event.previousEndsAt());
        boolean roomChanged = event.previousRoom() != null && !event.previousRoom().equals(event.room());
        model.put("timeChanged", timeChanged);
        model.put("roomChanged", roomChanged);
        if (timeChanged && event.previousStartsAt() != null) {
            model.put("previousStartsAt", event.previousStartsAt().toString());
        }
        if (roomChanged) {
            model.put("previousRoom", event.previousRoom());
        }
        for (String participantId : new LinkedHashSet<>(event.participantIds())) {
            if (participantId != null && !participantId.isBlank()) {
                notifier.notify(new Notice(eventId, NotificationKind.SESSION_MOVED, participantId, model));
            }
        }
    }

    @KafkaHandler
    void on(SessionPlaceGiven event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.sessionId() == null || event.participantId() == null || event.participantId().isBlank()
                || event.startsAt() == null || event.endsAt() == null || event.room() == null) {
            throw new IllegalArgumentException("Session event " + eventId + " without session, person, times or room");
        }
        notifier.notify(new Notice(eventId, NotificationKind.SESSION_PLACE_GIVEN, event.participantId(),
                session(event.titleFr(), event.titleEn(), event.startsAt(), event.endsAt(), event.room())));
    }

    /** The day before the session: each person holding a place is reminded, under the event's id (once each). */
    @KafkaHandler
    void on(SessionReminderDue event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.sessionId() == null || event.startsAt() == null || event.endsAt() == null || event.room() == null) {
            throw new IllegalArgumentException("Session event " + eventId + " without session, times or room");
        }
        Map<String, Object> model = session(event.titleFr(), event.titleEn(), event.startsAt(), event.endsAt(), event.room());
        for (String participantId : new LinkedHashSet<>(Objects.requireNonNullElse(event.participantIds(), List.<String>of()))) {
            if (participantId != null && !participantId.isBlank()) {
                notifier.notify(new Notice(eventId, NotificationKind.SESSION_REMINDER, participantId, model));
            }
        }
    }

    /** The session as both notices name it: each title in its language (the other when one is missing), times, room. */
    private static Map<String, Object> session(String titleFr, String titleEn, Instant startsAt, Instant endsAt, String room) {
        Map<String, Object> model = new HashMap<>();
        model.put("titleFr", Objects.requireNonNullElse(titleFr, titleEn));
        model.put("titleEn", Objects.requireNonNullElse(titleEn, titleFr));
        model.put("startsAt", startsAt.toString());
        model.put("endsAt", endsAt.toString());
        model.put("room", room);
        return model;
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object unknown) {
        log.debug("Ignoring a programme event notification-service does not handle");
    }
}
