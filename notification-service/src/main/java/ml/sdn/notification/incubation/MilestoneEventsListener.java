package ml.sdn.notification.incubation;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.incubation.MilestoneOverdue;
import ml.sdn.events.incubation.MilestoneSentBack;
import ml.sdn.events.incubation.MilestoneSubmitted;
import ml.sdn.events.incubation.MilestoneValidated;
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
 * Incubation's milestone events, each for the person who must act: a submitted milestone for the coach
 * (to validate or send back), a validated one or one sent back (with the coach's feedback, written for them)
 * for the participant, an overdue one for both. The events carry the milestone's title; the coach's notices
 * name the project and its organisation from {@link KnownIncubatees} when known. A milestone event with no
 * coach (none assigned yet) tells the participant only; a submission then tells nobody.
 */
@Component
@KafkaListener(topics = Topics.INCUBATION_MILESTONES, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class MilestoneEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MilestoneEventsListener.class);

    private final KnownIncubatees incubatees;
    private final Notifier notifier;

    MilestoneEventsListener(KnownIncubatees incubatees, Notifier notifier) {
        this.incubatees = incubatees;
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(MilestoneSubmitted event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "milestone submission", event.milestoneId(), event.incubateeId(), event.title());
        if (!IncubationEvents.known(event.coachId())) {
            log.info("Milestone {} submitted (event {}) with no coach assigned: nobody to tell", event.milestoneId(), eventId);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("milestone", event.title().strip());
        project(model, event.incubateeId());
        notifier.notify(new Notice(eventId, NotificationKind.MILESTONE_SUBMITTED, event.coachId(), model));
    }

    @KafkaHandler
    void on(MilestoneValidated event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "milestone validation", event.milestoneId(), event.participantId(), event.title());
        notifier.notify(new Notice(eventId, NotificationKind.MILESTONE_VALIDATED, event.participantId(),
                Map.of("milestone", event.title().strip())));
    }

    @KafkaHandler
    void on(MilestoneSentBack event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "milestone sent back", event.milestoneId(), event.participantId(), event.title());
        Map<String, Object> model = new HashMap<>();
        model.put("milestone", event.title().strip());
        putIfKnown(model, "feedback", event.feedback());
        notifier.notify(new Notice(eventId, NotificationKind.MILESTONE_SENT_BACK, event.participantId(), model));
    }

    @KafkaHandler
    void on(MilestoneOverdue event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "overdue milestone", event.milestoneId(), event.incubateeId(), event.participantId(),
                event.title(), event.dueDate());
        Map<String, Object> toParticipant = new HashMap<>();
        toParticipant.put("forCoach", false);
        toParticipant.put("milestone", event.title().strip());
        toParticipant.put("dueDate", event.dueDate().toString());
        notifier.notify(new Notice(eventId, NotificationKind.MILESTONE_OVERDUE, event.participantId(), toParticipant));
        if (IncubationEvents.known(event.coachId())) {
            Map<String, Object> toCoach = new HashMap<>(toParticipant);
            toCoach.put("forCoach", true);
            project(toCoach, event.incubateeId());
            notifier.notify(new Notice(eventId, NotificationKind.MILESTONE_OVERDUE, event.coachId(), toCoach));
        }
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring a milestone event notification-service does not handle");
    }

    /** The project's title and organisation, for the coach, when the incubatee is known here. */
    private void project(Map<String, Object> model, String incubateeId) {
        incubatees.find(incubateeId).filter(known -> !known.erased()).ifPresent(known -> {
            putIfKnown(model, "title", known.title());
            putIfKnown(model, "organizationName", known.organizationName());
        });
    }
}
