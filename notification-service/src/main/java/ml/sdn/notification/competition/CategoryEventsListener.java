package ml.sdn.notification.competition;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.DeadlineExtended;
import ml.sdn.events.competition.PhaseChanged;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static ml.sdn.notification.competition.CompetitionEvents.require;

/**
 * Competition's category events. A deadline extended for one applicant tells that applicant; one extended
 * for the whole category tells every person with an application in it that this service knows of
 * (submitted or withdrawn: {@link KnownApplications}; people who only hold a draft are unknown here, the
 * call's page shows them the new deadline). An extension read after its new deadline passed (a backlog)
 * is not sent: it would only mislead. Phase changes are not notified (see the catalogue).
 */
@Component
@KafkaListener(topics = Topics.COMPETITION_CATEGORIES, groupId = "${spring.application.name}")
class CategoryEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CategoryEventsListener.class);

    private final Notifier notifier;
    private final Announcements announcements;
    private final Clock clock = Clock.systemUTC();

    CategoryEventsListener(Notifier notifier, Announcements announcements) {
        this.notifier = notifier;
        this.announcements = announcements;
    }

    @KafkaHandler
    void on(DeadlineExtended event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "deadline extension", event.categoryId(), event.until());
        if (!event.until().isAfter(Instant.now(clock))) {
            log.warn("Deadline extension of category {} (event {}) read after its new deadline: not sent",
                    event.categoryId(), eventId);
            return;
        }
        boolean forOneApplicant = event.applicantId() != null && !event.applicantId().isBlank();
        Map<String, Object> model = Map.of(
                "category", CompetitionWords.category(event.categoryCode()),
                "until", event.until().toString(),
                "forYou", forOneApplicant);
        if (forOneApplicant) {
            notifier.notify(new Notice(eventId, NotificationKind.DEADLINE_EXTENDED, event.applicantId(), model));
        } else {
            announcements.toCategory(eventId, NotificationKind.DEADLINE_EXTENDED, event.categoryId(), model,
                    event.extendedAt() != null ? event.extendedAt() : Instant.now(clock), event.until());
        }
    }

    @KafkaHandler
    void on(PhaseChanged event, @Header(CloudEventHeaders.ID) String eventId) {
        log.debug("Phase {} of category {} (event {}): not notified", event.phase(), event.categoryId(), eventId);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring a category event notification-service does not handle");
    }
}
