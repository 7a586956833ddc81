package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.media.Schema;
import ml.sdn.platform.security.Caller;

import java.time.Instant;
import java.util.List;

/**
 * An organisation as one caller may see it. Personal data of members follows the platform's rule (a
 * person's data is theirs and organizers'): a member's {@code gender} is shown to organizers, to that
 * member, and to the owner for the members they declared themselves (no account); otherwise it is null.
 * Participant ids ({@code participantId}, {@code ownerId}) are shown to organizers, to the coordinator of
 * the organisation's country, and to the person they belong to.
 */
public record OrganizationView(
        String id,
        String name,
        OrganizationType type,
        String country,
        Sector sector,
        Integer foundingYear,
        String registrationNumber,
        String description,
        String ownerId,
        @Schema(description = "true when the caller owns the organisation (may edit it and invite)") boolean ownedByYou,
        List<MemberView> members,
        @Schema(description = "Derived, never typed in: true when the lead is a woman, or when women are the strict "
                + "majority of all members (members of unstated gender count as members, not as women; a tie is not a "
                + "majority). Recomputed on every change of the members.") boolean womenLed,
        Instant registeredAt,
        @Schema(description = "send it back with PUT: a change made since then gives 409") Instant updatedAt) {

    /** One member; {@code joined} when they have an account here (they accepted an invitation, or created the organisation). */
    public record MemberView(String memberId, String participantId, String name, String role, Gender gender, boolean lead,
                             boolean joined) {
    }

    static OrganizationView of(Organization organization, Caller caller) {
        boolean organizer = caller.hasRole("organizer");
        boolean coordinator = organization.country().equals(caller.coordinatedCountry());
        boolean owner = caller.id().equals(organization.ownerId());
        List<MemberView> members = organization.members().stream().map(member -> {
            boolean self = caller.id().equals(member.participantId());
            boolean genderVisible = organizer || self || (owner && !member.hasAccount());
            boolean idVisible = organizer || coordinator || self;
            return new MemberView(member.memberId(), idVisible ? member.participantId() : null, member.name(), member.role(),
                    genderVisible ? member.gender() : null, member.lead(), member.hasAccount());
        }).toList();
        return new OrganizationView(organization.id(), organization.name(), organization.type(), organization.country(),
                organization.sector(), organization.foundingYear(), organization.registrationNumber(),
                organization.description(), organizer || coordinator || owner ? organization.ownerId() : null, owner, members,
                organization.womenLed(), organization.registeredAt(), organization.updatedAt());
    }
}
