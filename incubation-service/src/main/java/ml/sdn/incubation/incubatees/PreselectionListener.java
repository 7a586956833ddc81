package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.editions.KnownEditions;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.ApplicationPreselected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The competition's application events: a preselection enrols the candidate; every other type on
 * the topic (submissions, withdrawals, non-preselections, types this service does not know) is
 * ignored, not dead-lettered. A preselection that cannot be processed goes, after the platform's
 * bounded retries, to {@code competition.applications.incubation-service.DLT}.
 */
@Component
@KafkaListener(topics = Topics.COMPETITION_APPLICATIONS, groupId = "${spring.application.name}")
class PreselectionListener {

    private static final Logger log = LoggerFactory.getLogger(PreselectionListener.class);

    private final Enrolments enrolments;
    private final KnownEditions editions;

    PreselectionListener(Enrolments enrolments, KnownEditions editions) {
        this.enrolments = enrolments;
        this.editions = editions;
    }

    @KafkaHandler
    void on(ApplicationPreselected event, @Header(name = CloudEventHeaders.ID, required = false) String eventId) {
        if (event.editionId() != null && !event.editionId().isBlank()) {
            editions.heardOf(event.editionId()); // competition preselected in it: the edition exists
        }
        Enrolments.Outcome outcome = enrolments.enrol(Candidate.of(event));
        log.info("Preselection of application {} (event {}): {}", event.applicationId(), eventId, outcome);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an application event incubation does not handle");
    }
}
