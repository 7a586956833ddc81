package ml.sdn.portal.participant.organization;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

class OrganizationPagesTest {

    @Test
    void without_an_organisation_the_page_offers_to_register_one() {
        Map<String, Object> model = model(List.of(), Map.of());
        model.put("fieldErrors", Map.of("name", "Le nom est obligatoire."));

        String page = french("participant/organization", model);

        assertThat(page).contains("Enregistrer mon organisation", "E-gouvernement", "id=\"name-error\"");
    }

    @Test
    void the_owner_sees_members_invitations_and_a_revoke_button_per_pending_one() {
        MyOrganization organization = new MyOrganization("o1", "Coop", "START_UP", "ML", "E_GOVERNMENT", 2022, null, "Desc", true,
                List.of(new MyOrganization.Member("m1", "Awa", "Directrice", "FEMALE", true, true)), true, null);
        Invitation pending = new Invitation("i1", "o1", "bob@example.org", "Dev", "PENDING", null,
                Instant.parse("2026-12-05T10:00:00Z"), null);
        Map<String, Object> model = model(List.of(organization), Map.of("o1", List.of(pending)));
        model.put("invitingTo", "o1");
        model.put("fieldErrors", Map.of("email", "Adresse invalide"));

        String page = french("participant/organization", model);

        assertThat(page).contains("Coop", "E-gouvernement", "(responsable)", "bob@example.org", "En attente",
                "expire le 5 décembre 2026, 10:00", "Révoquer l’invitation de bob@example.org", "id=\"email-error\"");
    }

    @Test
    void the_invitation_page_offers_to_accept_with_the_token() {
        String page = french("participant/invitation", Map.of("token", "abc"));

        assertThat(page).contains("Accepter l’invitation", "value=\"abc\"", "awa@example.org");
    }

    private static Map<String, Object> model(List<MyOrganization> mine, Map<String, List<Invitation>> invitations) {
        Map<String, Object> model = new HashMap<>();
        model.put("organizations", mine);
        model.put("invitations", invitations);
        model.put("form", Map.of());
        model.put("invite", Map.of());
        model.put("sectors", List.of(new OrganizationController.Sector("E_GOVERNMENT", "E-gouvernement")));
        model.put("sectorLabels", Map.of("E_GOVERNMENT", "E-gouvernement"));
        return model;
    }
}
