package ml.sdn.registration.organizations;

import ml.sdn.events.registration.MemberInvited;
import ml.sdn.events.registration.OrganizationUpdated;
import ml.sdn.registration.participants.PersonalData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrganizationsPersonalDataIT extends OrganizationFixtures {

    @Autowired
    List<PersonalData> personalData;

    @Test
    void the_organisations_section_is_one_of_the_services_personal_data() {
        assertThat(personalData).extracting(PersonalData::section).contains("organizations");
    }

    @Test
    void exports_the_organisations_of_the_person_and_the_invitations_sent_to_them() {
        Person owner = participant("ML");
        String name = uniqueName("Export");
        String id = register(owner, startUp(name, "ML")).get("id").asString();
        Person invitee = participant("ML");
        api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"%s","role":"Dev"}""".formatted(invitee.email()));

        Map<?, ?> ownerExport = (Map<?, ?>) section().exportOf(owner.id());
        Map<?, ?> inviteeExport = (Map<?, ?>) section().exportOf(invitee.id());

        JsonNode owned = OrganizationEvents.JSON.valueToTree(ownerExport);
        assertThat(owned.get("organizations").findValuesAsString("name")).contains(name);
        assertThat(owned.get("organizations").get(0).get("members").get(0).get("gender").asString()).isEqualTo("MALE");
        JsonNode invited = OrganizationEvents.JSON.valueToTree(inviteeExport);
        assertThat(invited.get("organizations")).isEmpty();
        assertThat(invited.get("invitations").findValuesAsString("organizationName")).containsExactly(name);
        assertThat(invited.toString()).doesNotContain("tokenHash");
    }

    @Test
    void erasure_anonymises_the_member_passes_ownership_recomputes_women_led_and_is_idempotent() {
        Person owner = participant("BF");
        mongo.updateFirst(new Query(Criteria.where("_id").is(owner.id())),
                new org.springframework.data.mongodb.core.query.Update().set("gender", "FEMALE"), "participants");
        JsonNode organization = register(owner, organization("START_UP", uniqueName("Erase"), "BF", "FEMALE", true, """
                [{"name":"Ali","role":"Dev","gender":"MALE"}]"""));
        String id = organization.get("id").asString();
        assertThat(organization.get("womenLed").asBoolean()).isTrue();
        Person member = participant("BF");
        String invitationId = api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"%s","role":"CTO"}""".formatted(member.email())).json().get("id").asString();
        MemberInvited invitation = OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, MemberInvited.TYPE.type(),
                MemberInvited.class, e -> e.invitationId().equals(invitationId)).event();
        String token = invitation.acceptPath().substring(invitation.acceptPath().indexOf("token=") + 6);
        assertThat(api().postJson(ORGANIZATIONS + "/invitations/accept", member.token(), "{\"token\":\"" + token + "\"}").status())
                .isEqualTo(200);
        api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"%s","role":"Dev"}""".formatted(owner.email()));

        section().erase(owner.id());

        Document stored = mongo.findById(id, Document.class, "organizations");
        assertThat(stored.getString("ownerId")).as("passed to the member with an account").isEqualTo(member.id());
        Document erased = stored.getList("members", Document.class).get(0);
        assertThat(erased.get("participantId")).isNull();
        assertThat(erased.get("name")).isNull();
        assertThat(erased.getString("gender")).isEqualTo("NOT_STATED");
        assertThat(erased.getString("role")).isEqualTo("CEO");
        assertThat(stored.getBoolean("womenLed")).isFalse();
        assertThat(mongo.count(new Query(Criteria.where("participantId").is(owner.id())), Memberships.COLLECTION)).isZero();
        assertThat(mongo.count(new Query(Criteria.where("emailKey").is(owner.email())), Invitation.COLLECTION)).isZero();
        OrganizationUpdated event = OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, OrganizationUpdated.TYPE.type(),
                OrganizationUpdated.class, e -> member.id().equals(e.ownerId())).event();
        assertThat(event.womenLed()).isFalse();
        assertThat(event.members()).noneMatch(m -> owner.id().equals(m.participantId()));
        assertThat(api().get(ORGANIZATIONS + "/" + id, member.token()).json().get("ownedByYou").asBoolean()).isTrue();
        // events written before the erasure still go out, in order; once they have, nothing names the person
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(mongo.findById(id, Document.class, "organizations").getList("outbox", Document.class)).isEmpty());
        Document published = mongo.findById(id, Document.class, "organizations");
        assertThat(published.toJson()).doesNotContain(owner.id()).doesNotContain(owner.username());

        section().erase(owner.id());

        Document again = mongo.findById(id, Document.class, "organizations");
        assertThat(again.getList("outbox", Document.class)).as("no second event").isEmpty();
        assertThat(again.get("updatedAt")).isEqualTo(published.get("updatedAt"));
    }

    @Test
    void an_erased_person_is_free_to_be_in_an_organisation_of_that_type_again() {
        Person owner = participant("NE");
        register(owner, startUp(uniqueName("Before erasure"), "NE"));

        section().erase(owner.id());

        assertThat(api().postJson(ORGANIZATIONS, owner.token(), startUp(uniqueName("After erasure"), "NE")).status()).isEqualTo(201);
    }

    private PersonalData section() {
        return personalData.stream().filter(data -> data.section().equals("organizations")).findFirst().orElseThrow();
    }
}
