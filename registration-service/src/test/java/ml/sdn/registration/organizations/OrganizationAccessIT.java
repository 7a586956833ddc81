package ml.sdn.registration.organizations;

import ml.sdn.events.registration.OrganizationUpdated;
import ml.sdn.testing.ServiceApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees and changes an organisation, tried from the attacker's side too. */
class OrganizationAccessIT extends OrganizationFixtures {

    @Test
    void its_members_organizers_and_its_countrys_coordinator_see_an_organisation() {
        Person owner = participant("BF");
        String id = register(owner, startUp(uniqueName("Visible"), "BF")).get("id").asString();
        String path = ORGANIZATIONS + "/" + id;

        assertThat(api().get(path, owner.token()).status()).isEqualTo(200);
        assertThat(api().get(path, token("organizer", "ML")).status()).isEqualTo(200);
        assertThat(api().get(path, token("coordinator", "BF")).status()).isEqualTo(200);
    }

    @Test
    void anyone_else_finds_nothing_even_with_the_right_id() {
        Person owner = participant("BF");
        String name = uniqueName("Hidden");
        String id = register(owner, startUp(name, "BF")).get("id").asString();
        String path = ORGANIZATIONS + "/" + id;

        for (String stranger : new String[]{participant("BF").token(), token("coordinator", "ML"), token("jury", "BF"),
                token("coach", "BF")}) {
            ServiceApi.Response response = api().get(path, stranger);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain(name).doesNotContain(owner.id());
        }
        assertThat(api().get(ORGANIZATIONS + "/does-not-exist", owner.token()).status()).isEqualTo(404);
        assertThat(api().get(ORGANIZATIONS + "/" + "x".repeat(300), owner.token()).status()).isEqualTo(404);
        assertThat(api().get(ORGANIZATIONS + "/%7B%22%24ne%22%3Anull%7D", participant("BF").token()).status()).isEqualTo(404);
    }

    @Test
    void genders_are_shown_to_organizers_and_to_the_owner_for_the_members_they_declared_only() {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Genres"), "ML")).get("id").asString();
        String path = ORGANIZATIONS + "/" + id;

        JsonNode asOwner = api().get(path, owner.token()).json();
        JsonNode asOrganizer = api().get(path, token("organizer", "NE")).json();
        JsonNode asCoordinator = api().get(path, token("coordinator", "ML")).json();

        assertThat(asOwner.get("members").findValuesAsString("gender")).containsExactly("MALE", "FEMALE", "MALE");
        assertThat(asOrganizer.get("members").findValuesAsString("gender")).containsExactly("MALE", "FEMALE", "MALE");
        assertThat(asCoordinator.get("members").findValues("gender")).allMatch(JsonNode::isNull);
        assertThat(asCoordinator.get("members").get(0).get("participantId").asString()).isEqualTo(owner.id());
        assertThat(asCoordinator.get("womenLed").isBoolean()).isTrue();
    }

    @Test
    void mine_lists_only_the_callers_organisations() {
        Person owner = participant("NE");
        String start = register(owner, startUp(uniqueName("Mine"), "NE")).get("id").asString();
        String sme = register(owner, organization("SME", uniqueName("Mine too"), "NE", "MALE", true, "[]")).get("id").asString();
        register(participant("NE"), startUp(uniqueName("Not mine"), "NE"));

        JsonNode mine = api().get(ORGANIZATIONS + "/mine", owner.token()).json();

        assertThat(mine.findValuesAsString("id")).containsExactly(start, sme);
        assertThat(api().get(ORGANIZATIONS + "/mine", participant("NE").token()).json()).isEmpty();
    }

    @Test
    void the_owner_updates_the_organisation_and_women_led_is_recomputed_and_announced() {
        Person owner = participant("ML");
        JsonNode created = register(owner, startUp(uniqueName("Avant"), "ML"));
        String id = created.get("id").asString();
        String me = created.get("members").get(0).get("memberId").asString();
        String awa = created.get("members").get(1).get("memberId").asString();
        String renamed = uniqueName("Après");

        ServiceApi.Response updated = api().put(ORGANIZATIONS + "/" + id, owner.token(), """
                {"name":"%s","sector":"CULTURE","foundingYear":2020,"description":"Nouvelle description",
                 "updatedAt":"%s","womenLed":false,
                 "members":[{"memberId":"%s","role":"CEO","lead":false},{"memberId":"%s","role":"CEO","lead":true},
                            {"name":"Fanta","role":"Designer","gender":"FEMALE"}]}""".formatted(renamed,
                created.get("updatedAt").asString(), me, awa));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode body = updated.json();
        assertThat(body.get("name").asString()).isEqualTo(renamed);
        assertThat(body.get("sector").asString()).isEqualTo("CULTURE");
        assertThat(body.get("registrationNumber").isNull()).isTrue();
        // Ibrahim, left out, is no longer a member; Fanta is new
        assertThat(body.get("members")).hasSize(3);
        assertThat(body.get("members").get(1).get("name").asString()).isEqualTo("Awa Traoré");
        assertThat(body.get("members").get(2).get("name").asString()).isEqualTo("Fanta");
        assertThat(body.get("womenLed").asBoolean()).isTrue();
        Document stored = mongo.findById(id, Document.class, "organizations");
        assertThat(stored.getBoolean("womenLed")).isTrue();
        assertThat(stored.getString("nameKey")).isEqualTo(NameKey.of(renamed));

        OrganizationUpdated event = OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, OrganizationUpdated.TYPE.type(),
                OrganizationUpdated.class, OrganizationUpdated::womenLed).event();
        assertThat(event.name()).isEqualTo(renamed);
        assertThat(event.members()).hasSize(3);
    }

    @Test
    void nobody_but_the_owner_can_update() {
        Person owner = participant("ML");
        JsonNode created = register(owner, startUp(uniqueName("Protected"), "ML"));
        String id = created.get("id").asString();
        String body = """
                {"name":"Taken over","sector":"OTHER","foundingYear":2020,"description":"x",
                 "members":[{"name":"Intruder","role":"CEO","gender":"MALE","lead":true}]}""";

        assertThat(api().put(ORGANIZATIONS + "/" + id, participant("ML").token(), body).status()).isEqualTo(404);
        assertThat(api().put(ORGANIZATIONS + "/" + id, token("coordinator", "ML"), body).status()).isEqualTo(403);
        assertThat(api().put(ORGANIZATIONS + "/" + id, token("organizer", "ML"), body).status()).isEqualTo(403);
        assertThat(api().get(ORGANIZATIONS + "/" + id, owner.token()).json().get("name").asString())
                .isEqualTo(created.get("name").asString());
    }

    @Test
    void an_update_based_on_a_stale_read_gives_409_and_changes_nothing() {
        Person owner = participant("BF");
        JsonNode created = register(owner, startUp(uniqueName("Concurrent"), "BF"));
        String id = created.get("id").asString();
        String me = created.get("members").get(0).get("memberId").asString();
        String edit = """
                {"name":"%s","sector":"HEALTH","foundingYear":2020,"description":"%s","updatedAt":"%s",
                 "members":[{"memberId":"%s","role":"CEO","lead":true}]}""";
        String readAt = created.get("updatedAt").asString();

        ServiceApi.Response first = api().put(ORGANIZATIONS + "/" + id, owner.token(),
                edit.formatted(created.get("name").asString(), "first", readAt, me));
        ServiceApi.Response second = api().put(ORGANIZATIONS + "/" + id, owner.token(),
                edit.formatted(created.get("name").asString(), "second", readAt, me));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(api().get(ORGANIZATIONS + "/" + id, owner.token()).json().get("description").asString()).isEqualTo("first");
    }

    @Test
    void renaming_to_a_name_taken_in_the_country_gives_409() {
        String suffix = unique("x");
        register(participant("NE"), startUp("Société Générale " + suffix, "NE"));
        Person owner = participant("NE");
        JsonNode created = register(owner, startUp(uniqueName("Original"), "NE"));

        ServiceApi.Response renamed = api().put(ORGANIZATIONS + "/" + created.get("id").asString(), owner.token(), """
                {"name":"societe  generale %s","sector":"HEALTH","foundingYear":2020,"description":"x",
                 "members":[{"memberId":"%s","role":"CEO","lead":true}]}""".formatted(suffix,
                created.get("members").get(0).get("memberId").asString()));

        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.json().get("detail").asString()).contains("existe déjà");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            two leads          | [{"memberId":"ME","role":"CEO","lead":true},{"name":"B","role":"x","gender":"MALE","lead":true}] | members
            no lead            | [{"memberId":"ME","role":"CEO"}]                                                               | members
            no members         | []                                                                                             | members
            unknown member     | [{"memberId":"ME","role":"CEO","lead":true},{"memberId":"nope","role":"x"}]                    | members[1].memberId
            new without name   | [{"memberId":"ME","role":"CEO","lead":true},{"role":"x","gender":"MALE"}]                      | members[1].name
            new without gender | [{"memberId":"ME","role":"CEO","lead":true},{"name":"B","role":"x"}]                           | members[1].gender
            owner left out     | [{"name":"B","role":"x","gender":"MALE","lead":true}]                                          | members
            bad gender         | [{"memberId":"ME","role":"CEO","lead":true,"gender":"X"}]                                      | members[0].gender
            """)
    void rejects_a_bad_edit_with_a_400_problem_naming_the_field(String label, String members, String field) {
        Person owner = participant("ML");
        JsonNode created = register(owner, organization("SME", uniqueName("Edit"), "ML", "MALE", true, "[]"));

        ServiceApi.Response response = api().put(ORGANIZATIONS + "/" + created.get("id").asString(), owner.token(), """
                {"name":"%s","sector":"HEALTH","foundingYear":2020,"description":"x","members":%s}""".formatted(
                created.get("name").asString(), members.replace("ME", created.get("members").get(0).get("memberId").asString())));

        assertThat(response.status()).as(label + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(label).contains(field);
    }

    @Test
    void organizers_list_every_organisation_and_filter_them() {
        String marker = unique("liste");
        Person malian = participant("ML");
        register(malian, organization("START_UP", "Alpha " + marker, "ML", "FEMALE", true, "[]"));
        register(participant("BF"), organization("SME", "Beta " + marker, "BF", "MALE", true, "[]"));

        JsonNode all = api().get(ORGANIZATIONS + "?q=" + marker, token("organizer", "NE")).json();
        JsonNode womenLed = api().get(ORGANIZATIONS + "?womenLed=true&q=" + marker, token("organizer", "NE")).json();
        JsonNode bf = api().get(ORGANIZATIONS + "?country=BF&type=SME&q=" + marker, token("organizer", "NE")).json();

        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(names(all)).containsExactly("Alpha " + marker, "Beta " + marker);
        assertThat(names(womenLed)).containsExactly("Alpha " + marker);
        assertThat(names(bf)).containsExactly("Beta " + marker);
    }

    @Test
    void a_coordinator_lists_only_their_own_countrys_organisations_whatever_the_filter_says() {
        String marker = unique("pays");
        register(participant("ML"), organization("START_UP", "Mali " + marker, "ML", "MALE", true, "[]"));
        register(participant("BF"), organization("START_UP", "Burkina " + marker, "BF", "MALE", true, "[]"));

        JsonNode own = api().get(ORGANIZATIONS + "?q=" + marker, token("coordinator", "BF")).json();
        JsonNode other = api().get(ORGANIZATIONS + "?country=ML&q=" + marker, token("coordinator", "BF")).json();

        assertThat(names(own)).containsExactly("Burkina " + marker);
        assertThat(other.get("total").asLong()).isZero();
        assertThat(api().get(ORGANIZATIONS, participant("ML").token()).status()).isEqualTo(403);
    }

    @Test
    void free_text_is_matched_literally_never_as_a_pattern() {
        String marker = unique("regex");
        register(participant("NE"), organization("START_UP", "Zeta " + marker, "NE", "MALE", true, "[]"));

        assertThat(api().get(ORGANIZATIONS + "?q=.*", token("organizer", "NE")).json().get("total").asLong()).isZero();
        assertThat(api().get(ORGANIZATIONS + "?q=%7B%22%24gt%22%3A%22%22%7D", token("organizer", "NE")).status()).isEqualTo(200);
        assertThat(api().get(ORGANIZATIONS + "?q=ZÉTA%20" + marker, token("organizer", "NE")).json().get("total").asLong())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative page   | page=-1       | page
            page too far    | page=21474837&size=100 | page
            page past limit | page=100001   | page
            size zero       | size=0        | size
            size too large  | size=101      | size
            unknown type    | type=NGO      | type
            unknown sector  | sector=MINING | sector
            unknown country | country=SN    | country
            not a boolean   | womenLed=oui  | womenLed
            page as text    | page=deux     | page
            """)
    void rejects_bad_query_parameters_with_a_400_problem_naming_them(String label, String query, String parameter) {
        ServiceApi.Response response = api().get(ORGANIZATIONS + "?" + query, token("organizer", "ML"));

        assertThat(response.status()).as(label).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(label).containsExactly(parameter);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }
}
