package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The owner's edit of an organisation, shaped like what {@code GET …/organizations/{id}} returns so that a
 * page can send back what it read: type, country, ids, owner and {@code womenLed} are not editable and
 * ignored if sent. {@code members} lists the whole team: existing members by {@code memberId}, new declared
 * members without one. {@code updatedAt}, if sent, is the version the edit is based on: when the
 * organisation changed since, the edit is refused with 409 instead of overwriting that change.
 */
@OneLead
@Schema(description = "The whole organisation as the owner wants it. womenLed, type, country and ownerId are not "
        + "editable (ignored); womenLed is recomputed from the members.")
public record OrganizationUpdate(
        @NotBlank(message = "{organization.name.required}")
        @Size(min = 2, max = 120, message = "{organization.name.size}") String name,
        @NotBlank(message = "{organization.sector.required}")
        @OneOf(value = Sector.class, message = "{organization.sector.invalid}") String sector,
        @NotNull(message = "{organization.foundingYear.required}") @FoundingYear Integer foundingYear,
        @Size(max = 40, message = "{organization.registrationNumber.invalid}")
        @Pattern(regexp = OrganizationRequest.REGISTRATION_NUMBER, message = "{organization.registrationNumber.invalid}")
        String registrationNumber,
        @NotBlank(message = "{organization.description.required}")
        @Size(max = 2000, message = "{organization.description.size}") String description,
        @NotEmpty(message = "{organization.members.required}")
        @Size(max = Organization.MAX_MEMBERS, message = "{organization.members.size}")
        List<@NotNull(message = "{organization.member.required}") @Valid MemberEdit> members,
        @Schema(description = "the updatedAt read with the organisation: a change made since gives 409") Instant updatedAt)
        implements OneLead.Team {

    /** One member: an existing one by memberId (null name/gender keep theirs), or a new declared one (name and gender required). */
    public record MemberEdit(
            @Size(max = 64, message = "{organization.member.unknown}") String memberId,
            @Size(max = 120, message = "{organization.member.name.size}") String name,
            @NotBlank(message = "{organization.member.role.required}")
            @Size(max = 60, message = "{organization.member.role.size}") String role,
            @OneOf(value = Gender.class, message = "{organization.member.gender.invalid}") String gender,
            Boolean lead) {

        boolean leads() {
            return Boolean.TRUE.equals(lead);
        }
    }

    @Override
    public long leads() {
        if (members == null || members.stream().anyMatch(Objects::isNull)) {
            return -1;
        }
        return members.stream().filter(MemberEdit::leads).count();
    }
}
