package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.DraftReleased;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's draft holds the organisation's place: its owner sees it, takes it over or deletes it, the member
 * is told (DraftReleased); nobody else can, tried from the attacker's side.
 */
class OrganizationDraftsIT extends ApplicationsITBase {

    private static final String DRAFTS = APPLICATIONS + "/organization-drafts";

    private static PublishedEvents events;

    @AfterAll
    static void closeEvents() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    private PublishedEvents events() {
        if (events == null) {
            events = new PublishedEvents(broker.getBrokersAsString(), Topics.COMPETITION_APPLICATIONS);
        }
        return events;
    }

    private record Team(Person owner, Person member, RegisteredOrganization organization, Category category) {
    }

    private Team team(String country) {
        Person owner = person(country);
        Person member = person(country);
        RegisteredOrganization organization = fixtures().organization("Org " + UUID.randomUUID().toString().substring(0, 6),
                "START_UP", country, false, owner.id(), member.id());
        return new Team(owner, member, organization, category(CategoryCode.START_UP_CHALLENGE, Phase.SUBMISSION));
    }

    @Test
    void the_owner_sees_a_members_draft_takes_it_over_and_the_member_is_told() {
        Team team = team("NE");
        String id = drafted(team.member(), draftJson(team.category(), team.organization().id(), "Irrigation Tillabéri"));
        // the member's draft holds the place: the owner cannot start another one
        assertProblem(api().postJson(APPLICATIONS, team.owner().token(),
                draftJson(team.category(), team.organization().id(), "Autre")), 409);

        ServiceApi.Response listed = api().get(DRAFTS, team.owner().token());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        JsonNode draft = listed.json().get(0);
        assertThat(draft.get("id").asString()).isEqualTo(id);
        assertThat(draft.get("title").asString()).isEqualTo("Irrigation Tillabéri");
        assertThat(draft.get("organizationName").asString()).isEqualTo(team.organization().name());
        assertThat(draft.get("holderName").asString()).startsWith("Aïssata");
        // the member holds it: their own list of organisation drafts is empty (they own nothing)
        assertThat(api().get(DRAFTS, team.member().token()).json().isEmpty()).isTrue();

        ServiceApi.Response taken = api().post(DRAFTS + "/" + id + "/take-over", team.owner().token());

        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("title").asString()).isEqualTo("Irrigation Tillabéri");
        assertThat(api().get(APPLICATIONS + "/" + id, team.owner().token()).status()).isEqualTo(200);
        assertThat(api().get(APPLICATIONS + "/mine", team.owner().token()).json().get(0).get("id").asString()).isEqualTo(id);
        assertProblem(api().get(APPLICATIONS + "/" + id, team.member().token()), 404);
        assertThat(api().get(DRAFTS, team.owner().token()).json().isEmpty()).isTrue();

        ConsumerRecord<String, String> record = events().awaitRecord(id, DraftReleased.TYPE.type());
        JsonNode event = JsonMapper.builder().build().readTree(record.value());
        assertThat(event.get("outcome").asString()).isEqualTo("TAKEN_OVER");
        assertThat(event.get("holderId").asString()).isEqualTo(team.member().id());
        assertThat(event.get("ownerId").asString()).isEqualTo(team.owner().id());
        assertThat(event.get("categoryCode").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(event.get("organizationName").asString()).isEqualTo(team.organization().name());
    }

    @Test
    void the_owner_deletes_a_members_draft_the_place_is_free_and_the_member_is_told() {
        Team team = team("ML");
        String id = drafted(team.member(), draftJson(team.category(), team.organization().id(), "Séchoirs solaires"));

        ServiceApi.Response deleted = api().delete(DRAFTS + "/" + id, team.owner().token());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertProblem(api().get(APPLICATIONS + "/" + id, team.member().token()), 404);
        assertThat(api().get(DRAFTS, team.owner().token()).json().isEmpty()).isTrue();
        drafted(team.owner(), draftJson(team.category(), team.organization().id(), "Le nôtre"));

        JsonNode event = JsonMapper.builder().build().readTree(events().awaitRecord(id, DraftReleased.TYPE.type()).value());
        assertThat(event.get("outcome").asString()).isEqualTo("DELETED");
        assertThat(event.get("holderId").asString()).isEqualTo(team.member().id());
        assertThat(event.get("title").asString()).isEqualTo("Séchoirs solaires");
        // a second delete finds nothing
        assertProblem(api().delete(DRAFTS + "/" + id, team.owner().token()), 404);
    }

    @Test
    void nobody_but_the_owner_lists_takes_over_or_deletes_an_organisations_draft() {
        Team team = team("ML");
        Person otherMember = person("ML");
        fixtures().organization("Org autre", "START_UP", "ML", false, team.owner().id(), otherMember.id());
        Team elsewhere = team("ML");
        Team otherCountry = team("BF");
        String id = drafted(team.member(), draftJson(team.category(), team.organization().id(), "Cible"));
        String organizer = ISSUER.token("organizer-drafts", "ML", "organizer");

        // a member who is not the owner (of this organisation, or a member of another of the owner's), the owner
        // of another organisation, a participant of another country: nothing listed, 404 for the rest
        for (Person attacker : new Person[] {team.member(), otherMember, elsewhere.owner(), elsewhere.member(),
                otherCountry.owner()}) {
            assertThat(api().get(DRAFTS, attacker.token()).body()).as(attacker.username()).doesNotContain(id);
            assertProblem(api().post(DRAFTS + "/" + id + "/take-over", attacker.token()), 404);
            assertProblem(api().delete(DRAFTS + "/" + id, attacker.token()), 404);
        }
        // other roles are refused outright; no token at all is a 401
        assertProblem(api().get(DRAFTS, organizer), 403);
        assertProblem(api().post(DRAFTS + "/" + id + "/take-over", organizer), 403);
        assertProblem(api().delete(DRAFTS + "/" + id, ISSUER.token("coach-drafts", "ML", "coach")), 403);
        assertProblem(api().get(DRAFTS, null), 401);
        // the owner's own draft is not "a member's": not found here either
        String owners = drafted(elsewhere.owner(), draftJson(elsewhere.category(), elsewhere.organization().id(), "À moi"));
        assertProblem(api().post(DRAFTS + "/" + owners + "/take-over", elsewhere.owner().token()), 404);

        // the draft is untouched, still the member's
        assertThat(api().get(APPLICATIONS + "/" + id, team.member().token()).json().get("title").asString()).isEqualTo("Cible");
    }

    @Test
    void a_draft_submitted_meanwhile_is_a_409_not_a_take_over() {
        Team team = team("NE");
        String id = submitted(team.member(), team.category(), team.organization().id());

        assertProblem(api().post(DRAFTS + "/" + id + "/take-over", team.owner().token()), 409);
        assertProblem(api().delete(DRAFTS + "/" + id, team.owner().token()), 409);
        assertThat(api().get(DRAFTS, team.owner().token()).json().isEmpty()).isTrue();
    }
}
