package ml.sdn.notification.organizations;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.MemberInvited;
import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.AddressedNotice;
import ml.sdn.notification.dispatch.Notifier;
import ml.sdn.notification.portal.PortalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Registration's organisation events: an invitation is e-mailed to the invited address, in the language
 * the inviter chose (French unless English), once per invitation. The invitee may have no account, so
 * there is no inbox item. Neither the event nor the link is ever logged: the link carries a one-time
 * token. Other organisation events are not notified (yet), and unknown types are ignored.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_ORGANIZATIONS, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class OrganizationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrganizationEventsListener.class);

    private final Notifier notifier;
    private final PortalProperties portal;
    private final Clock clock = Clock.systemUTC();

    OrganizationEventsListener(Notifier notifier, PortalProperties portal) {
        this.notifier = notifier;
        this.portal = portal;
    }

    @KafkaHandler
    void on(MemberInvited event, @Header(CloudEventHeaders.ID) String eventId) {
        if (blank(event.invitationId()) || blank(event.email()) || blank(event.organizationName()) || event.expiresAt() == null) {
            throw new IllegalArgumentException("Invitation event " + eventId
                    + " without invitationId, email, organizationName or expiresAt");
        }
        if (event.expiresAt().isBefore(Instant.now(clock))) {
            // read late (a backlog after downtime): the link no longer works, an e-mail would only mislead
            log.warn("Invitation {} to organisation {} (event {}) expired before it could be e-mailed", event.invitationId(),
                    event.organizationId(), eventId);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("organizationName", event.organizationName());
        if (!blank(event.inviterName())) {
            model.put("inviter", Map.of("name", event.inviterName()));
        }
        if (!blank(event.role())) {
            model.put("role", event.role());
        }
        model.put("acceptLink", portal.link(event.acceptPath()));
        model.put("expiresAt", event.expiresAt().toString());
        notifier.email(new AddressedNotice(event.invitationId(), "invitation:" + event.invitationId(),
                NotificationKind.MEMBER_INVITED, event.email().trim(), Language.of(event.language()), model));
        log.info("Invitation {} to organisation {} handled (event {})", event.invitationId(), event.organizationId(), eventId);
    }

    /** Organisation changes and members joining: nothing to tell anyone yet. Unknown types: nothing to do. */
    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an organisation event notification-service does not handle");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
