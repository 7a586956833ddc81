package ml.sdn.notification.competition;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.JurorAssigned;
import ml.sdn.events.competition.JurorUnassigned;
import ml.sdn.events.competition.ReviewReminder;
import ml.sdn.events.competition.ReviewSubmitted;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.util.Map;

import static ml.sdn.notification.competition.CompetitionEvents.require;

/**
 * Competition's jury events, for the juror, who is never told whose application it is (blind review: the
 * models hold the category, the round, counts and dates only, and nothing is looked up about the
 * application). An automatic assignment run gives a juror many applications at once, one event each: the
 * juror hears of it once per category and round (the notice is keyed by {@code juror-assignments:<category>:<round>}
 * instead of the event), and of each application an organizer adds by hand afterwards. A juror hears that
 * an organizer took an application off their list, not of a conflict they declared themselves nor of a
 * review they submitted. Who reviews what is kept ({@link JuryAssignments}) for messages to a category's
 * jurors. Reminders come as competition-service sends them (once per juror, category and round).
 */
@Component
@KafkaListener(topics = Topics.COMPETITION_JURY, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class JuryEventsListener {

    private static final Logger log = LoggerFactory.getLogger(JuryEventsListener.class);

    /** {@code JurorUnassigned.reason} when an organizer removed the assignment (the other: CONFLICT, declared by the juror). */
    static final String REMOVED = "REMOVED";

    private final Notifier notifier;
    private final JuryAssignments assignments;

    JuryEventsListener(Notifier notifier, JuryAssignments assignments) {
        this.notifier = notifier;
        this.assignments = assignments;
    }

    @KafkaHandler
    void on(JurorAssigned event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "juror assignment", event.jurorId(), event.categoryId(), event.round());
        assignments.record(event.applicationId(), event.jurorId(), event.round(), event.categoryId(), event.categoryCode(), true,
                event.assignedAt());
        Map<String, Object> model = Map.of(
                "category", CompetitionWords.category(event.categoryCode()),
                "round", CompetitionWords.round(event.round()),
                "addedByHand", event.manual());
        String key = event.manual() ? eventId : "juror-assignments:" + event.categoryId() + ":" + event.round();
        notifier.notify(new Notice(key, NotificationKind.JUROR_ASSIGNED, event.jurorId(), model));
    }

    @KafkaHandler
    void on(JurorUnassigned event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "juror unassignment", event.jurorId());
        assignments.record(event.applicationId(), event.jurorId(), event.round(), event.categoryId(), null, false,
                event.unassignedAt());
        if (!REMOVED.equals(event.reason())) {
            log.debug("Juror {} left application {} ({}; event {}): not notified", event.jurorId(), event.applicationId(),
                    event.reason(), eventId);
            return;
        }
        // the event names no category code: the juror's list shows which category the application was in
        notifier.notify(new Notice(eventId, NotificationKind.JUROR_UNASSIGNED, event.jurorId(),
                Map.of("round", CompetitionWords.round(event.round()))));
    }

    @KafkaHandler
    void on(ReviewReminder event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "review reminder", event.jurorId(), event.endsAt());
        if (event.pendingReviews() <= 0) {
            log.debug("Review reminder for juror {} (event {}) with nothing pending: not sent", event.jurorId(), eventId);
            return;
        }
        notifier.notify(new Notice(eventId, NotificationKind.REVIEW_REMINDER, event.jurorId(), Map.of(
                "category", CompetitionWords.category(event.categoryCode()),
                "round", CompetitionWords.round(event.round()),
                "pendingReviews", event.pendingReviews(),
                "onePending", event.pendingReviews() == 1,
                "endsAt", event.endsAt().toString())));
    }

    @KafkaHandler
    void on(ReviewSubmitted event, @Header(CloudEventHeaders.ID) String eventId) {
        log.debug("Review of application {} by juror {} (event {}): not notified", event.applicationId(), event.jurorId(), eventId);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring a jury event notification-service does not handle");
    }
}
