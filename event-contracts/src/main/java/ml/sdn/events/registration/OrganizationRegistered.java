package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.util.List;

/**
 * A participant registered an organisation. {@code type} is START_UP, SME or PROJECT_TEAM; {@code country}
 * ML, BF or NE; {@code womenLed} is derived by registration-service (the lead is a woman, or women are the
 * majority of the members) and is what the women-led Special Prize relies on.
 */
public record OrganizationRegistered(
        String organizationId,
        String name,
        String type,
        String country,
        String sector,
        Integer foundingYear,
        String ownerId,
        List<OrganizationMember> members,
        boolean womenLed,
        Instant registeredAt) {

    public static final EventType<OrganizationRegistered> TYPE = EventType.of(
            "sdn.registration.organization-registered.v1", Topics.REGISTRATION_ORGANIZATIONS, OrganizationRegistered.class);
}
