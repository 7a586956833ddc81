package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

/**
 * What a participant sends to register an organisation. The caller becomes its owner and a member:
 * {@code creator} says their role, whether they lead, and optionally their gender (else the gender of
 * their participant profile, else NOT_STATED); {@code members} are the other members, declared by name
 * (they have no account here until they accept an invitation). Exactly one of all of them leads.
 * There is no {@code womenLed}: it is derived, and a value sent is ignored.
 */
@OneLead
@Schema(description = "An organisation to register. womenLed is not part of it: it is derived from the members "
        + "(the lead is a woman, or women are the strict majority of the members); a value sent is ignored.")
public record OrganizationRequest(
        @NotBlank(message = "{organization.type.required}")
        @OneOf(value = OrganizationType.class, message = "{organization.type.invalid}")
        @Schema(allowableValues = {"START_UP", "SME", "PROJECT_TEAM"}) String type,
        @NotBlank(message = "{organization.name.required}")
        @Size(min = 2, max = 120, message = "{organization.name.size}") String name,
        @NotBlank(message = "{organization.country.required}")
        @Pattern(regexp = "ML|BF|NE", message = "{organization.country.invalid}")
        @Schema(description = "ML, BF or NE; must be the caller's own country (token)") String country,
        @NotBlank(message = "{organization.sector.required}")
        @OneOf(value = Sector.class, message = "{organization.sector.invalid}")
        @Schema(description = "a code from GET /api/registrations/organizations/sectors") String sector,
        @NotNull(message = "{organization.foundingYear.required}") @FoundingYear Integer foundingYear,
        @Size(max = 40, message = "{organization.registrationNumber.invalid}")
        @Pattern(regexp = REGISTRATION_NUMBER, message = "{organization.registrationNumber.invalid}")
        @Schema(description = "RCCM or tax id (optional): letters, digits, spaces, '.', '/', '-'") String registrationNumber,
        @NotBlank(message = "{organization.description.required}")
        @Size(max = 2000, message = "{organization.description.size}") String description,
        @NotNull(message = "{organization.creator.required}") @Valid Creator creator,
        @Size(max = Organization.MAX_MEMBERS - 1, message = "{organization.members.size}")
        List<@NotNull(message = "{organization.member.required}") @Valid DeclaredMember> members) implements OneLead.Team {

    /** An RCCM (e.g. MA.BKO.2023.B.12345) or a tax id: 3 to 40 letters, digits, spaces, dots, slashes, dashes. */
    static final String REGISTRATION_NUMBER = "[A-Za-z0-9][A-Za-z0-9 ./-]{2,39}";

    /** The creator's own place in the team; their name comes from their profile. */
    public record Creator(
            @NotBlank(message = "{organization.member.role.required}")
            @Size(max = 60, message = "{organization.member.role.size}") String role,
            @OneOf(value = Gender.class, message = "{organization.member.gender.invalid}")
            @Schema(allowableValues = {"FEMALE", "MALE", "NOT_STATED"}, description = "optional: the profile's gender by default")
            String gender,
            Boolean lead) {

        boolean leads() {
            return Boolean.TRUE.equals(lead);
        }
    }

    /** A member without an account (yet). */
    public record DeclaredMember(
            @NotBlank(message = "{organization.member.name.required}")
            @Size(max = 120, message = "{organization.member.name.size}") String name,
            @NotBlank(message = "{organization.member.role.required}")
            @Size(max = 60, message = "{organization.member.role.size}") String role,
            @NotBlank(message = "{organization.member.gender.required}")
            @OneOf(value = Gender.class, message = "{organization.member.gender.invalid}")
            @Schema(allowableValues = {"FEMALE", "MALE", "NOT_STATED"}) String gender,
            Boolean lead) {

        boolean leads() {
            return Boolean.TRUE.equals(lead);
        }
    }

    List<DeclaredMember> membersOrEmpty() {
        return members == null ? List.of() : members;
    }

    @Override
    public long leads() {
        if (creator == null || membersOrEmpty().stream().anyMatch(Objects::isNull)) {
            return -1;
        }
        return (creator.leads() ? 1 : 0) + membersOrEmpty().stream().filter(DeclaredMember::leads).count();
    }
}
