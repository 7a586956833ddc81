package ml.sdn.competition.jury;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static ml.sdn.competition.jury.RosterEligibility.Reason.APPLICANT;
import static ml.sdn.competition.jury.RosterEligibility.Reason.MEMBER_OF_APPLYING_ORGANISATION;
import static ml.sdn.competition.jury.RosterEligibility.Reason.SAME_ORGANISATION_AS_APPLICANT;
import static org.assertj.core.api.Assertions.assertThat;

class RosterEligibilityTest {

    private static final List<RosterEligibility.Applying> APPLICATIONS = List.of(
            new RosterEligibility.Applying("awa", "agritech"),      // for her start-up
            new RosterEligibility.Applying("moussa", null));        // alone
    private static final Map<String, Set<String>> MEMBERSHIPS = Map.of(
            "awa", Set.of("agritech"),
            "moussa", Set.of("cooperative"),
            "ibrahim", Set.of("agritech"),
            "fatou", Set.of("cooperative", "bank"),
            "salif", Set.of("bank"));

    @Test
    void an_applicant_is_refused_even_when_alone() {
        assertThat(RosterEligibility.refusal("awa", APPLICATIONS, MEMBERSHIPS)).contains(APPLICANT);
        assertThat(RosterEligibility.refusal("moussa", APPLICATIONS, MEMBERSHIPS)).contains(APPLICANT);
    }

    @Test
    void a_member_of_an_applying_organisation_is_refused() {
        assertThat(RosterEligibility.refusal("ibrahim", APPLICATIONS, MEMBERSHIPS)).contains(MEMBER_OF_APPLYING_ORGANISATION);
    }

    @Test
    void someone_sharing_an_organisation_with_an_applicant_is_refused() {
        // Moussa applies alone, but he and Fatou belong to the same cooperative
        assertThat(RosterEligibility.refusal("fatou", APPLICATIONS, MEMBERSHIPS)).contains(SAME_ORGANISATION_AS_APPLICANT);
    }

    @Test
    void anyone_else_may_judge() {
        assertThat(RosterEligibility.refusal("salif", APPLICATIONS, MEMBERSHIPS)).isEmpty();
        assertThat(RosterEligibility.refusal("stranger", APPLICATIONS, MEMBERSHIPS)).isEmpty();
        assertThat(RosterEligibility.refusal("awa", List.of(), MEMBERSHIPS)).as("no application").isEmpty();
    }
}
