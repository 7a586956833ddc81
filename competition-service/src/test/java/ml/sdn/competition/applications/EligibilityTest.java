package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredParticipant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    private static final List<String> START_UPS = CategoryCode.START_UP_CHALLENGE.organizationTypes();
    private static final List<String> PROJECTS = CategoryCode.PROJECT_CONTEST.organizationTypes();
    private static final String AWA = "awa";

    private static RegisteredParticipant person(String id, String country) {
        return new RegisteredParticipant(id, country, "Awa Traoré", id, id + "@example.org", null, "Bamako", "FEMALE", "fr",
                Instant.EPOCH, null);
    }

    private static RegisteredParticipant erased(String id) {
        return new RegisteredParticipant(id, "ML", null, null, null, null, null, null, null, Instant.EPOCH, Instant.EPOCH);
    }

    private static RegisteredOrganization organization(String type, String country, String owner, String... members) {
        return new RegisteredOrganization("org-1", "Sahel Énergie", type, country, "ENERGY", 2024, owner, List.of(members),
                false, Instant.EPOCH);
    }

    private static Application.ApplicationContent complete() {
        return new Application.ApplicationContent("Solar pumps", "Summary", "Problem", "Solution", "Farmers",
                Application.Stage.MVP, null, List.of(new Application.TeamMember("Awa Traoré", "lead")), null);
    }

    @Test
    void the_owner_or_a_member_of_an_admitted_organisation_may_apply_for_it() {
        assertThat(Eligibility.mayApplyFor(START_UPS, AWA, "org-1", organization("START_UP", "ML", AWA)))
                .isInstanceOf(Eligibility.Eligible.class);
        assertThat(Eligibility.mayApplyFor(START_UPS, AWA, "org-1", organization("SME", "NE", "moussa", "moussa", AWA)))
                .isInstanceOf(Eligibility.Eligible.class);
    }

    @Test
    void a_stranger_to_the_organisation_is_refused_naming_organizationId() {
        assertThat(Eligibility.mayApplyFor(START_UPS, AWA, "org-1", organization("START_UP", "ML", "moussa", "moussa")))
                .isEqualTo(new Eligibility.Refused("organizationId", "application.organizationId.not-member", List.of()));
    }

    @Test
    void an_organisation_type_the_category_does_not_admit_is_refused() {
        assertThat(Eligibility.mayApplyFor(START_UPS, AWA, "org-1", organization("PROJECT_TEAM", "ML", AWA)))
                .isEqualTo(new Eligibility.Refused("organizationId", "application.organizationId.type",
                        List.of("PROJECT_TEAM", "START_UP, SME")));
        assertThat(Eligibility.mayApplyFor(PROJECTS, AWA, "org-1", organization("SME", "ML", AWA)))
                .isInstanceOf(Eligibility.Refused.class);
    }

    @Test
    void an_organisation_outside_the_aes_space_is_refused() {
        assertThat(Eligibility.mayApplyFor(START_UPS, AWA, "org-1", organization("START_UP", "SN", AWA)))
                .isEqualTo(new Eligibility.Refused("organizationId", "application.organizationId.country", List.of("SN")));
    }

    @Test
    void a_holder_alone_may_apply_only_where_project_teams_are_admitted() {
        assertThat(Eligibility.mayApplyFor(PROJECTS, AWA, null, null)).isInstanceOf(Eligibility.Eligible.class);
        assertThat(Eligibility.mayApplyFor(START_UPS, AWA, null, null))
                .isEqualTo(new Eligibility.Refused("organizationId", "application.organizationId.required", List.of()));
    }

    @Test
    void a_copy_not_there_yet_is_pending_not_a_refusal() {
        assertThat(Eligibility.mayApplyFor(START_UPS, AWA, "org-1", null))
                .isEqualTo(new Eligibility.RegistrationPending(Eligibility.Pending.ORGANIZATION));
        assertThat(Eligibility.toSubmit(PROJECTS, AWA, null, null, null, complete()))
                .isEqualTo(new Eligibility.RegistrationPending(Eligibility.Pending.APPLICANT));
    }

    @Test
    void submission_needs_an_applicant_of_the_aes_space_not_erased() {
        assertThat(Eligibility.toSubmit(PROJECTS, AWA, person(AWA, "BF"), null, null, complete()))
                .isInstanceOf(Eligibility.Eligible.class);
        assertThat(Eligibility.toSubmit(PROJECTS, AWA, person(AWA, "CI"), null, null, complete()))
                .isEqualTo(new Eligibility.Refused(null, "application.applicant.country", List.of("CI")));
        assertThat(Eligibility.toSubmit(PROJECTS, AWA, erased(AWA), null, null, complete()))
                .isEqualTo(new Eligibility.Refused(null, "application.applicant.erased", List.of()));
    }

    @Test
    void submission_rechecks_the_organisation() {
        assertThat(Eligibility.toSubmit(START_UPS, AWA, person(AWA, "ML"), "org-1",
                organization("START_UP", "ML", "moussa", "moussa"), complete())).isInstanceOf(Eligibility.Refused.class);
    }

    @Test
    void submission_names_every_missing_field_in_form_order() {
        Application.ApplicationContent draft = new Application.ApplicationContent("Solar pumps", " ", null, "Solution", null,
                null, null, List.of(), null);

        assertThat(Eligibility.toSubmit(PROJECTS, AWA, person(AWA, "ML"), null, null, draft))
                .isEqualTo(new Eligibility.Incomplete(List.of("summary", "problem", "targetUsers", "stage", "team")));
        assertThat(Eligibility.missingFields(complete())).isEmpty();
    }

    @Test
    void the_claim_is_per_organisation_or_per_person_alone_in_a_category() {
        assertThat(Eligibility.claimKey("cat-1", AWA, "org-1")).isEqualTo("cat-1:organization:org-1");
        assertThat(Eligibility.claimKey("cat-1", AWA, null)).isEqualTo("cat-1:person:awa");
    }
}
