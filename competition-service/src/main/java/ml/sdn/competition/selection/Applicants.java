package ml.sdn.competition.selection;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredOrganizations;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.competition.registrations.RegisteredParticipants;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Who stands behind an application, from this service's registration copies: the organisation's name
 * and registration's derived women-led flag; for a project holder applying alone (no organisation), the
 * holder's display name, and women-led when the holder's stated gender is FEMALE (decision: a person
 * alone leads their own project).
 */
@Service
public class Applicants {

    private final RegisteredOrganizations organizations;
    private final RegisteredParticipants participants;

    Applicants(RegisteredOrganizations organizations, RegisteredParticipants participants) {
        this.organizations = organizations;
        this.participants = participants;
    }

    /**
     * @param organizationName null for a holder alone, or when the copy is missing
     * @param holderName       the applicant's display name (null once erased or unknown)
     */
    public record Applicant(String organizationName, String holderName, boolean womenLed) {

        /** The name a laureate is announced under: the organisation, or the holder alone. */
        public String publicName() {
            return organizationName != null ? organizationName : holderName;
        }
    }

    public Applicant of(Application application) {
        Optional<RegisteredParticipant> holder = participants.find(application.applicantId());
        String holderName = holder.map(RegisteredParticipant::displayName).orElse(null);
        if (application.organizationId() != null) {
            Optional<RegisteredOrganization> organization = organizations.find(application.organizationId());
            return new Applicant(organization.map(RegisteredOrganization::name).orElse(null), holderName,
                    organization.map(RegisteredOrganization::womenLed).orElse(false));
        }
        return new Applicant(null, holderName, holder.map(p -> "FEMALE".equals(p.gender())).orElse(false));
    }
}
