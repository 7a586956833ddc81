package ml.sdn.notification.competition;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.ApplicationNotPreselected;
import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.ApplicationWithdrawn;
import ml.sdn.events.competition.DraftReleased;
import ml.sdn.events.competition.FinalistRanked;
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
import java.util.HashMap;
import java.util.Map;

import static ml.sdn.notification.competition.CompetitionEvents.require;

/**
 * Competition's application events: the applicant gets the receipt of their submission (reference
 * number), the confirmation of a withdrawal and the preselection decision, in their language. Submissions
 * and withdrawals also keep this service's copy of the applications ({@link KnownApplications}), which
 * says who a category's deadline extension or an edition's results concern and who a message to applicants
 * reaches (preselection decisions mark it too); a submission learnt after
 * such an announcement catches up on it ({@link Announcements}). A final rank is not notified (see the
 * catalogue). Malformed events go to {@code competition.applications.notification-service.DLT} after the
 * platform's retries; unknown types are ignored.
 */
@Component
@KafkaListener(topics = Topics.COMPETITION_APPLICATIONS, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class ApplicationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ApplicationEventsListener.class);

    private final KnownApplications applications;
    private final Announcements announcements;
    private final Notifier notifier;
    private final PortalProperties portal;

    ApplicationEventsListener(KnownApplications applications, Announcements announcements, Notifier notifier,
                              PortalProperties portal) {
        this.applications = applications;
        this.announcements = announcements;
        this.notifier = notifier;
        this.portal = portal;
    }

    @KafkaHandler
    void on(ApplicationSubmitted event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "application submission", event.applicationId(), event.applicantId(), event.editionId(),
                event.categoryId(), event.reference(), event.submittedAt());
        KnownApplication submitted = new KnownApplication(event.applicationId(), event.applicantId(), event.editionId(),
                event.categoryId(), event.categoryCode(), event.reference(), event.title(),
                KnownApplication.Status.SUBMITTED, event.submittedAt());
        applications.record(submitted);

        Map<String, Object> model = new HashMap<>();
        model.put("reference", event.reference());
        putIfKnown(model, "title", event.title());
        model.put("category", CompetitionWords.category(event.categoryCode()));
        model.put("submittedAt", event.submittedAt().toString());
        notifier.notify(new Notice(eventId, NotificationKind.APPLICATION_SUBMITTED, event.applicantId(), model));
        announcements.catchUp(submitted);
    }

    @KafkaHandler
    void on(ApplicationWithdrawn event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "application withdrawal", event.applicationId(), event.applicantId(), event.editionId(),
                event.categoryId(), event.reference(), event.withdrawnAt());
        KnownApplication known = applications.find(event.applicationId()).orElse(null);
        applications.record(new KnownApplication(event.applicationId(), event.applicantId(), event.editionId(),
                event.categoryId(), null, event.reference(), null, KnownApplication.Status.WITHDRAWN, event.withdrawnAt()));

        Map<String, Object> model = new HashMap<>();
        model.put("reference", event.reference());
        model.put("withdrawnAt", event.withdrawnAt().toString());
        if (known != null) {
            putIfKnown(model, "title", known.title());
            if (known.categoryCode() != null) {
                model.put("category", CompetitionWords.category(known.categoryCode()));
            }
        }
        notifier.notify(new Notice(eventId, NotificationKind.APPLICATION_WITHDRAWN, event.applicantId(), model));
    }

    /** The organisation's owner took over or deleted a member's draft: the member is told, in words. */
    @KafkaHandler
    void on(DraftReleased event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "draft release", event.applicationId(), event.holderId(), event.outcome());
        Map<String, Object> model = new HashMap<>();
        putIfKnown(model, "title", event.title());
        putIfKnown(model, "organizationName", event.organizationName());
        model.put("category", CompetitionWords.category(event.categoryCode()));
        NotificationKind kind = DraftReleased.DELETED.equals(event.outcome()) ? NotificationKind.DRAFT_DELETED
                : NotificationKind.DRAFT_TAKEN_OVER;
        notifier.notify(new Notice(eventId, kind, event.holderId(), model));
    }

    @KafkaHandler
    void on(ApplicationPreselected event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "preselection", event.applicationId(), event.applicantId(), event.reference());
        applications.decide(event.applicationId(), "PRESELECTED", event.preselectedAt());
        Map<String, Object> model = new HashMap<>();
        model.put("reference", event.reference());
        putIfKnown(model, "title", event.title() != null ? event.title() : knownTitle(event.applicationId()));
        model.put("category", CompetitionWords.category(event.categoryCode()));
        notifier.notify(new Notice(eventId, NotificationKind.PRESELECTED, event.applicantId(), model));
    }

    @KafkaHandler
    void on(ApplicationNotPreselected event, @Header(CloudEventHeaders.ID) String eventId) {
        require(eventId, "preselection decision", event.applicationId(), event.applicantId(), event.reference());
        applications.decide(event.applicationId(), "NOT_PRESELECTED", event.decidedAt());
        Map<String, Object> model = new HashMap<>();
        model.put("reference", event.reference());
        putIfKnown(model, "title", knownTitle(event.applicationId()));
        model.put("category", CompetitionWords.category(event.categoryCode()));
        if (Boolean.TRUE.equals(event.juryCommentsShared())) {
            // where the applicant reads the jury's comments: their application's page on the portal
            model.put("feedbackLink", portal.link("/me/applications/" + URLEncoder.encode(event.applicationId(), StandardCharsets.UTF_8)
                    + "#jury-feedback"));
        }
        notifier.notify(new Notice(eventId, NotificationKind.NOT_PRESELECTED, event.applicantId(), model));
    }

    /** Internal until the results: the award (or its absence) and the published results say what matters. */
    @KafkaHandler
    void on(FinalistRanked event, @Header(CloudEventHeaders.ID) String eventId) {
        log.debug("Final rank of application {} (event {}): not notified", event.applicationId(), eventId);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an application event notification-service does not handle");
    }

    private String knownTitle(String applicationId) {
        return applications.find(applicationId).map(KnownApplication::title).orElse(null);
    }

    private static void putIfKnown(Map<String, Object> model, String key, String value) {
        if (value != null && !value.isBlank()) {
            model.put(key, value);
        }
    }
}
