package ml.sdn.notification.incubation;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.incubation.CoachAssigned;
import ml.sdn.events.incubation.IncubateeAtRisk;
import ml.sdn.events.incubation.IncubateeDropped;
import ml.sdn.events.incubation.IncubateeEnrolled;
import ml.sdn.events.incubation.IncubateeGraduated;
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
 * Incubation's incubatee events. The enrolment welcomes the participant to the AGETIC cohort; a coach
 * assignment tells the participant who their coach is and the coach of their new incubatee; the at-risk
 * flag tells the coach alone; graduation and drop tell the participant ({@link IncubationOutcomes}: the
 * events do not name them). Enrolments and assignments keep this service's copy of the incubatees
 * ({@link KnownIncubatees}) and release the outcomes that waited for them. Malformed events go to
 * {@code incubation.incubatees.notification-service.DLT} after the platform's retries; unknown types are
 * ignored.
 */
@Component
@KafkaListener(topics = Topics.INCUBATION_INCUBATEES, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class IncubateeEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IncubateeEventsListener.class);

    private final KnownIncubatees incubatees;
    private final IncubationOutcomes outcomes;
    private final People people;
    private final Notifier notifier;

    IncubateeEventsListener(KnownIncubatees incubatees, IncubationOutcomes outcomes, People people, Notifier notifier) {
        this.incubatees = incubatees;
        this.outcomes = outcomes;
        this.people = people;
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(IncubateeEnrolled event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "enrolment", event.incubateeId(), event.participantId(), event.enrolledAt());
        incubatees.record(new KnownIncubatee(event.incubateeId(), event.participantId(), event.applicationId(),
                event.editionId(), event.title(), event.organizationName(), null, event.enrolledAt(), null));

        Map<String, Object> model = new HashMap<>();
        putIfKnown(model, "title", event.title());
        putIfKnown(model, "organizationName", event.organizationName());
        notifier.notify(new Notice(eventId, NotificationKind.INCUBATION_ENROLLED, event.participantId(), model));
        outcomes.release(event.incubateeId());
    }

    @KafkaHandler
    void on(CoachAssigned event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "coach assignment", event.incubateeId(), event.participantId(), event.coachId(), event.assignedAt());
        incubatees.record(new KnownIncubatee(event.incubateeId(), event.participantId(), null, null, event.title(), null,
                event.coachId(), event.assignedAt(), null));
        KnownIncubatee known = incubatees.find(event.incubateeId()).orElse(null);
        String title = IncubationEvents.known(event.title()) ? event.title() : known == null ? null : known.title();

        Map<String, Object> toParticipant = new HashMap<>();
        toParticipant.put("forCoach", false);
        putIfKnown(toParticipant, "title", title);
        putIfKnown(toParticipant, "coachName", people.nameOf(event.coachId()));
        toParticipant.put("reassigned", IncubationEvents.known(event.previousCoachId()));
        notifier.notify(new Notice(eventId, NotificationKind.COACH_ASSIGNED, event.participantId(), toParticipant));

        Map<String, Object> toCoach = new HashMap<>();
        toCoach.put("forCoach", true);
        putIfKnown(toCoach, "title", title);
        putIfKnown(toCoach, "organizationName", known == null ? null : known.organizationName());
        putIfKnown(toCoach, "participantName", people.nameOf(event.participantId()));
        notifier.notify(new Notice(eventId, NotificationKind.COACH_ASSIGNED, event.coachId(), toCoach));
        outcomes.release(event.incubateeId());
    }

    /** For the coach alone: the flag is a tool for them, the participant hears of overdue milestones as such. */
    @KafkaHandler
    void on(IncubateeAtRisk event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "at-risk flag", event.incubateeId());
        String coachId = IncubationEvents.known(event.coachId()) ? event.coachId()
                : incubatees.find(event.incubateeId()).map(KnownIncubatee::coachId).orElse(null);
        if (!IncubationEvents.known(coachId)) {
            log.info("Incubatee {} at risk (event {}) has no coach: nobody to tell (organizers see the cohort's dashboard)",
                    event.incubateeId(), eventId);
            return;
        }
        KnownIncubatee known = incubatees.find(event.incubateeId()).orElse(null);
        Map<String, Object> model = IncubationWords.riskReasons(event.reasons(), event.overdueMilestones(), event.lastSessionAt());
        putIfKnown(model, "title", IncubationEvents.known(event.title()) ? event.title() : known == null ? null : known.title());
        putIfKnown(model, "organizationName", known == null ? null : known.organizationName());
        notifier.notify(new Notice(eventId, NotificationKind.INCUBATEE_AT_RISK, coachId, model));
    }

    @KafkaHandler
    void on(IncubateeGraduated event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "graduation", event.incubateeId());
        outcomes.tell(eventId, NotificationKind.INCUBATEE_GRADUATED, event.incubateeId(), Map.of());
    }

    @KafkaHandler
    void on(IncubateeDropped event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "drop", event.incubateeId());
        Map<String, Object> model = new HashMap<>();
        putIfKnown(model, "reason", event.reason());
        outcomes.tell(eventId, NotificationKind.INCUBATEE_DROPPED, event.incubateeId(), model);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an incubatee event notification-service does not handle");
    }
}
