package ml.sdn.competition.registrations;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.MemberJoined;
import ml.sdn.events.registration.OrganizationRegistered;
import ml.sdn.events.registration.OrganizationUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Organisation events into the local copy (for eligibility and the women-led Special Prize). Invitations
 * and event types this service does not know are ignored, not dead-lettered.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_ORGANIZATIONS, groupId = "${spring.application.name}")
class OrganizationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrganizationEventsListener.class);

    private final RegisteredOrganizations organizations;

    OrganizationEventsListener(RegisteredOrganizations organizations) {
        this.organizations = organizations;
    }

    @KafkaHandler
    void on(OrganizationRegistered event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean written = organizations.apply(new RegisteredOrganizations.Snapshot(event.organizationId(), event.name(),
                event.type(), event.country(), event.sector(), event.foundingYear(), event.ownerId(), event.members(),
                event.womenLed()), event.registeredAt());
        log.info("Organisation {} registered (event {}): {}", event.organizationId(), eventId, written ? "copied" : "copy is newer");
    }

    @KafkaHandler
    void on(OrganizationUpdated event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean written = organizations.apply(new RegisteredOrganizations.Snapshot(event.organizationId(), event.name(),
                event.type(), event.country(), event.sector(), event.foundingYear(), event.ownerId(), event.members(),
                event.womenLed()), event.updatedAt());
        log.info("Organisation {} updated (event {}): {}", event.organizationId(), eventId, written ? "copied" : "copy is newer");
    }

    @KafkaHandler
    void on(MemberJoined event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean added = organizations.addMember(event.organizationId(), event.participantId(), event.joinedAt());
        log.info("Participant {} joined organisation {} (event {}): {}", event.participantId(), event.organizationId(),
                eventId, added ? "added" : "already there or copy is newer");
    }

    /** Invitations (e-mailed by notification-service) and types this service does not know: nothing to do. */
    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an organisation event this service does not handle");
    }
}
