package ml.sdn.competition.jury;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may not sit on a category's jury, whatever the assignment would later do: a person who applies in the
 * category, a member of an organisation that applies in it, or a person who shares an organisation with one
 * of its applicants. The roster is refused up front, with the reason, so that organizers never name a juror
 * the assignment would have to keep away from most of the category (and a juror never sees the competition
 * from the inside). Plain Java; withdrawn applications are not passed in.
 */
final class RosterEligibility {

    enum Reason { APPLICANT, MEMBER_OF_APPLYING_ORGANISATION, SAME_ORGANISATION_AS_APPLICANT }

    /** An application of the category: who applies and for which organisation (null: alone). */
    record Applying(String applicantId, String organizationId) {
    }

    private RosterEligibility() {
    }

    /**
     * Why {@code jurorId} may not join the jury of a category with these applications, or empty when they may.
     *
     * @param memberships participant id → the organisations they own or belong to, for the juror and every applicant
     */
    static Optional<Reason> refusal(String jurorId, Collection<Applying> applications, Map<String, Set<String>> memberships) {
        Set<String> jurorOrganisations = memberships.getOrDefault(jurorId, Set.of());
        Reason found = null;
        for (Applying application : applications) {
            if (jurorId.equals(application.applicantId())) {
                return Optional.of(Reason.APPLICANT);
            }
            if (application.organizationId() != null && jurorOrganisations.contains(application.organizationId())) {
                found = Reason.MEMBER_OF_APPLYING_ORGANISATION;
            } else if (found == null && memberships.getOrDefault(application.applicantId(), Set.of()).stream()
                    .anyMatch(jurorOrganisations::contains)) {
                found = Reason.SAME_ORGANISATION_AS_APPLICANT;
            }
        }
        return Optional.ofNullable(found);
    }
}
