package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.util.List;

/** An organisation changed (details or members); carries it whole as it now is, fields as in {@link OrganizationRegistered}. */
public record OrganizationUpdated(
        String organizationId,
        String name,
        String type,
        String country,
        String sector,
        Integer foundingYear,
        String ownerId,
        List<OrganizationMember> members,
        boolean womenLed,
        Instant updatedAt) {

    public static final EventType<OrganizationUpdated> TYPE = EventType.of(
            "sdn.registration.organization-updated.v1", Topics.REGISTRATION_ORGANIZATIONS, OrganizationUpdated.class);
}
