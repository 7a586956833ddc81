package ml.sdn.portal.participant.organization;

import ml.sdn.portal.home.PublicEdition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static ml.sdn.portal.participant.PageRendering.render;
import static org.assertj.core.api.Assertions.assertThat;

class OrganizationDraftsPageTest {

    private static final OrganizationDraftsController.MemberDraft DRAFT = new OrganizationDraftsController.MemberDraft(
            "a1", "o1", "Kalanso", "START_UP_CHALLENGE", new PublicEdition.Text("Start-up Challenge", "Start-up Challenge EN"),
            "Irrigation Tillabéri", "Moussa Diallo", true, Instant.parse("2026-01-12T14:05:00Z"));

    @Test
    void the_owner_sees_each_members_draft_in_words_with_a_take_over_and_a_confirmed_delete() {
        String page = french("participant/organization-drafts", Map.of("drafts", List.of(DRAFT)));

        assertThat(page).contains("Brouillons de mon organisation", "Irrigation Tillabéri", "Kalanso", "Start-up Challenge",
                "Moussa Diallo", "12 janvier 2026, 14:05", "Reprendre « Irrigation Tillabéri »",
                "action=\"/me/organization/drafts/a1/take-over\"", "<details>", "action=\"/me/organization/drafts/a1/delete\"",
                "Supprimer définitivement ce brouillon")
                .doesNotContain("START_UP_CHALLENGE", "2026-01-12");
    }

    @Test
    void in_english_and_when_there_is_none() {
        String page = render("participant/organization-drafts", Map.of("drafts", List.of(DRAFT)), "deleted", Locale.ENGLISH);
        assertThat(page).contains("My organisation&#39;s drafts", "Start-up Challenge EN", "Take over &quot;Irrigation Tillabéri&quot;",
                "Delete this draft for good", "The member&#39;s draft is deleted");

        assertThat(french("participant/organization-drafts", Map.of("drafts", List.of())))
                .contains("Aucun membre ne tient de brouillon pour vos organisations.");
    }
}
