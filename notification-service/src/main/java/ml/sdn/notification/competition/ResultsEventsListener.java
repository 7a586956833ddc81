package ml.sdn.notification.competition;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.AwardGranted;
import ml.sdn.events.competition.ResultsPublished;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import ml.sdn.notification.portal.PortalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static ml.sdn.notification.competition.CompetitionEvents.require;

/**
 * Competition's results events. A prize tells its winner (which prize, in which category); the
 * publication tells every person with a submitted application in the edition that this service knows of
 * ({@link Announcements}: each once, and someone whose submission is learnt later is told then), with the
 * link to the public results page on the portal.
 */
@Component
@KafkaListener(topics = Topics.COMPETITION_RESULTS, groupId = "${spring.application.name}")
class ResultsEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ResultsEventsListener.class);

    private final Notifier notifier;
    private final Announcements announcements;
    private final KnownApplications applications;
    private final PortalProperties portal;
    private final Clock clock = Clock.systemUTC();

    ResultsEventsListener(Notifier notifier, Announcements announcements, KnownApplications applications,
                          PortalProperties portal) {
        this.notifier = notifier;
        this.announcements = announcements;
        this.applications = applications;
        this.portal = portal;
    }

    @KafkaHandler
    void on(AwardGranted event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "award", event.applicantId(), event.prize());
        Map<String, Object> model = new HashMap<>();
        model.put("prize", CompetitionWords.prize(event.prize()));
        String title = event.title() != null && !event.title().isBlank() ? event.title()
                : event.applicationId() == null ? null
                : applications.find(event.applicationId()).map(KnownApplication::title).orElse(null);
        if (title != null && !title.isBlank()) {
            model.put("title", title);
        }
        if (event.categoryCode() != null && !event.categoryCode().isBlank()) {
            model.put("category", CompetitionWords.category(event.categoryCode()));
        }
        notifier.notify(new Notice(eventId, NotificationKind.AWARD_GRANTED, event.applicantId(), model));
    }

    @KafkaHandler
    void on(ResultsPublished event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "results publication", event.editionId());
        Map<String, Object> model = new HashMap<>();
        model.put("resultsLink", portal.link("/results?edition=" + URLEncoder.encode(event.editionId(), StandardCharsets.UTF_8)));
        if (event.number() > 0) {
            model.put("editionNumber", event.number());
        }
        announcements.toEdition(eventId, NotificationKind.RESULTS_PUBLISHED, event.editionId(), model,
                event.publishedAt() != null ? event.publishedAt() : Instant.now(clock));
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring a results event notification-service does not handle");
    }
}
