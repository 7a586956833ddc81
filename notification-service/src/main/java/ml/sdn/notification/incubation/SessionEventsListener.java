package ml.sdn.notification.incubation;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.incubation.SessionLogged;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

import static ml.sdn.notification.incubation.IncubationEvents.putIfKnown;
import static ml.sdn.notification.incubation.IncubationEvents.require;

/**
 * Incubation's coaching sessions: the participant is told that their coach logged a session — when (Bamako
 * time), how long, at the centre or remote — and finds the rest on the platform. The session's notes are
 * not in the event and nothing else about the session is read: the model is built from the four values
 * above and the coach's name only, so a field a producer added by mistake cannot reach a notice. The coach,
 * who logged it, is not told.
 */
@Component
@KafkaListener(topics = Topics.INCUBATION_SESSIONS, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class SessionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SessionEventsListener.class);

    private final People people;
    private final Notifier notifier;

    SessionEventsListener(People people, Notifier notifier) {
        this.people = people;
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(SessionLogged event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "session", event.incubateeId(), event.participantId(), event.heldAt());
        if (event.durationMinutes() <= 0) {
            throw new IllegalArgumentException("Incubation session event " + eventId + " has no duration");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("heldAt", event.heldAt().toString());
        model.put("durationMinutes", event.durationMinutes());
        putIfKnown(model, "mode", IncubationWords.mode(event.mode()));
        putIfKnown(model, "coachName", people.nameOf(event.coachId()));
        notifier.notify(new Notice(eventId, NotificationKind.SESSION_LOGGED, event.participantId(), model));
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring a session event notification-service does not handle");
    }
}
