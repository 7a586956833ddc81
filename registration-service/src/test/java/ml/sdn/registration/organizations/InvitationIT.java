package ml.sdn.registration.organizations;

import ml.sdn.registration.RelayLock;
import ml.sdn.events.registration.MemberInvited;
import ml.sdn.events.registration.MemberJoined;
import ml.sdn.events.registration.OrganizationUpdated;
import ml.sdn.testing.ServiceApi;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Members join by invitation; the token is read from the MemberInvited event on the real broker, as notification-service would. */
class InvitationIT extends OrganizationFixtures {

    private static final String ACCEPT = ORGANIZATIONS + "/invitations/accept";

    @Test
    void an_invitee_accepts_with_the_token_from_the_event_and_becomes_a_member() {
        Person owner = participant("ML");
        JsonNode organization = register(owner, startUp(uniqueName("Invite"), "ML"));
        String id = organization.get("id").asString();
        Person invitee = participant("ML");

        ServiceApi.Response invited = api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"%s","role":"Développeuse","gender":"FEMALE"}""".formatted(invitee.email().toUpperCase()));

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String invitationId = invited.json().get("id").asString();
        assertThat(invited.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(invited.body()).doesNotContain("token");

        OrganizationEvents.Received<MemberInvited> event = OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id,
                MemberInvited.TYPE.type(), MemberInvited.class, e -> e.invitationId().equals(invitationId));
        assertThat(event.record().key()).isEqualTo(id);
        MemberInvited invitation = event.event();
        assertThat(invitation.organizationName()).isEqualTo(organization.get("name").asString());
        assertThat(invitation.invitedBy()).isEqualTo(owner.id());
        assertThat(invitation.role()).isEqualTo("Développeuse");
        assertThat(invitation.language()).isEqualTo("fr");
        assertThat(invitation.acceptPath()).startsWith("/invitations/accept?token=");
        assertThat(invitation.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(7)));
        String token = tokenOf(invitation);

        Document stored = mongo.findById(invitationId, Document.class, Invitation.COLLECTION);
        assertThat(stored.getString("tokenHash")).isEqualTo(InvitationToken.hashOf(token));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(invitationId, Document.class, Invitation.COLLECTION).toJson()).doesNotContain(token));

        ServiceApi.Response accepted = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode joined = accepted.json();
        assertThat(joined.get("id").asString()).isEqualTo(id);
        assertThat(joined.get("members")).hasSize(4);
        JsonNode me = joined.get("members").get(3);
        assertThat(me.get("participantId").asString()).isEqualTo(invitee.id());
        assertThat(me.get("name").asString()).isEqualTo(invitee.username());
        assertThat(me.get("role").asString()).isEqualTo("Développeuse");
        assertThat(me.get("gender").asString()).as("the owner's statement, the profile having none").isEqualTo("FEMALE");
        assertThat(joined.get("ownedByYou").asBoolean()).isFalse();
        assertThat(api().get(ORGANIZATIONS + "/" + id, invitee.token()).status()).isEqualTo(200);
        assertThat(api().get(ORGANIZATIONS + "/mine", invitee.token()).json().findValuesAsString("id")).contains(id);
        assertThat(api().get(ORGANIZATIONS + "/" + id, owner.token()).json().get("members").get(3).get("gender").isNull())
                .as("a member's own gender is not shown to the owner").isTrue();

        MemberJoined memberJoined = OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, MemberJoined.TYPE.type(),
                MemberJoined.class, e -> e.participantId().equals(invitee.id())).event();
        assertThat(memberJoined.role()).isEqualTo("Développeuse");
        OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, OrganizationUpdated.TYPE.type(), OrganizationUpdated.class,
                e -> e.members().stream().anyMatch(member -> invitee.id().equals(member.participantId())));

        ServiceApi.Response again = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(api().get(ORGANIZATIONS + "/" + id + "/invitations", owner.token()).json().get(0).get("status").asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void only_the_account_with_the_invited_address_can_accept_and_a_wrong_one_does_not_spend_the_token() {
        Person owner = participant("BF");
        String id = register(owner, startUp(uniqueName("Adresse"), "BF")).get("id").asString();
        Person invitee = participant("BF");
        String token = invite(owner, id, invitee.email());

        ServiceApi.Response intruder = api().postJson(ACCEPT, participant("BF").token(), "{\"token\":\"" + token + "\"}");

        assertThat(intruder.status()).isEqualTo(403);
        assertThat(intruder.contentType()).startsWith("application/problem+json");
        assertThat(intruder.body()).doesNotContain(invitee.email());
        assertThat(api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
    }

    @Test
    void an_address_not_verified_yet_cannot_accept_and_does_not_spend_the_token() {
        Person owner = participant("NE");
        String id = register(owner, startUp(uniqueName("Vérifiée"), "NE")).get("id").asString();
        Person invitee = participant("NE");
        String token = invite(owner, id, invitee.email());

        ServiceApi.Response unverified = api().postJson(ACCEPT, ISSUER.tokenWithUnverifiedEmail(invitee.username(), "NE", "participant"),
                "{\"token\":\"" + token + "\"}");

        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.contentType()).startsWith("application/problem+json");
        assertThat(unverified.json().get("detail").asString()).startsWith("Confirmez d'abord votre adresse e-mail");
        assertThat(api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
    }

    @Test
    void an_unknown_token_is_not_found_and_a_malformed_one_is_a_400_naming_it() {
        Person someone = participant("NE");

        ServiceApi.Response unknown = api().postJson(ACCEPT, someone.token(), "{\"token\":\"" + InvitationToken.generate().value() + "\"}");
        ServiceApi.Response malformed = api().postJson(ACCEPT, someone.token(), "{\"token\":\"not a token\"}");
        ServiceApi.Response operator = api().postJson(ACCEPT, someone.token(), "{\"token\":{\"$ne\":null}}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactly("token");
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().get("errors").findValuesAsString("field")).containsExactly("token");
    }

    @Test
    void an_expired_invitation_is_gone() {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Expire"), "ML")).get("id").asString();
        Person invitee = participant("ML");
        InvitationToken token = InvitationToken.generate();
        Instant past = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        mongo.insert(new Document("_id", "expired-" + unique("i")).append("organizationId", id).append("organizationName", "x")
                .append("email", invitee.email()).append("emailKey", invitee.email()).append("role", "Dev")
                .append("tokenHash", token.hash()).append("status", "PENDING").append("invitedBy", owner.id())
                .append("createdAt", Date.from(past.minus(Duration.ofDays(7)))).append("expiresAt", Date.from(past))
                .append("purgeAt", Date.from(past.plus(Duration.ofDays(30)))).append("outbox", List.of()), Invitation.COLLECTION);

        ServiceApi.Response response = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token.value() + "\"}");

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("expiré");
        assertThat(api().get(ORGANIZATIONS + "/" + id, invitee.token()).status()).isEqualTo(404);
        assertThat(api().get(ORGANIZATIONS + "/" + id + "/invitations", owner.token()).json().get(0).get("status").asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void a_withdrawn_invitation_is_gone_and_only_the_owner_can_withdraw() {
        Person owner = participant("NE");
        String id = register(owner, startUp(uniqueName("Retrait"), "NE")).get("id").asString();
        Person invitee = participant("NE");
        String token = invite(owner, id, invitee.email());
        String invitationId = api().get(ORGANIZATIONS + "/" + id + "/invitations", owner.token()).json().get(0).get("id").asString();
        String path = ORGANIZATIONS + "/" + id + "/invitations/" + invitationId;

        assertThat(api().delete(path, participant("NE").token()).status()).isEqualTo(404);
        assertThat(api().delete(path, owner.token()).status()).isEqualTo(204);
        assertThat(api().delete(path, owner.token()).status()).isEqualTo(409);
        assertThat(api().delete(ORGANIZATIONS + "/" + id + "/invitations/nope", owner.token()).status()).isEqualTo(404);

        ServiceApi.Response accepted = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}");
        assertThat(accepted.status()).isEqualTo(410);
    }

    @Test
    void inviting_the_same_address_again_replaces_the_pending_invitation() {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Renvoi"), "ML")).get("id").asString();
        Person invitee = participant("ML");
        String first = invite(owner, id, invitee.email());
        String second = invite(owner, id, invitee.email());

        assertThat(api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + first + "\"}").status()).isEqualTo(410);
        assertThat(api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + second + "\"}").status()).isEqualTo(200);
    }

    @Test
    void only_the_owner_can_invite_or_see_the_invitations() {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Owner only"), "ML")).get("id").asString();
        Person member = participant("ML");
        api().postJson(ACCEPT, member.token(), "{\"token\":\"" + invite(owner, id, member.email()) + "\"}");
        String body = "{\"email\":\"friend@example.org\",\"role\":\"Dev\"}";

        assertThat(api().postJson(ORGANIZATIONS + "/" + id + "/invitations", participant("ML").token(), body).status()).isEqualTo(404);
        assertThat(api().postJson(ORGANIZATIONS + "/" + id + "/invitations", member.token(), body).status()).isEqualTo(404);
        assertThat(api().postJson(ORGANIZATIONS + "/" + id + "/invitations", token("organizer", "ML"), body).status()).isEqualTo(403);
        assertThat(api().get(ORGANIZATIONS + "/" + id + "/invitations", member.token()).status()).isEqualTo(404);
        assertThat(mongo.count(new Query(Criteria.where("organizationId").is(id).and("emailKey").is("friend@example.org")),
                Invitation.COLLECTION)).isZero();
    }

    @Test
    void joining_a_second_organisation_of_the_same_type_gives_409_and_keeps_the_invitation() {
        Person invitee = participant("BF");
        register(invitee, startUp(uniqueName("Own start-up"), "BF"));
        Person owner = participant("BF");
        String id = register(owner, startUp(uniqueName("Other start-up"), "BF")).get("id").asString();
        String token = invite(owner, id, invitee.email());

        ServiceApi.Response response = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(api().get(ORGANIZATIONS + "/" + id + "/invitations", owner.token()).json().get(0).get("status").asString())
                .isEqualTo("PENDING");
        String sme = register(owner, organization("SME", uniqueName("An SME"), "BF", "MALE", true, "[]")).get("id").asString();
        assertThat(api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + invite(owner, sme, invitee.email()) + "\"}").status())
                .as("another type is fine").isEqualTo(200);
    }

    @Test
    void an_invitee_named_as_a_declared_member_takes_over_that_entry_and_their_profile_decides_their_gender() {
        Person owner = participant("NE");
        JsonNode organization = register(owner, organization("PROJECT_TEAM", uniqueName("Projet"), "NE", "MALE", false, """
                [{"name":"Aïcha","role":"Cheffe de projet","gender":"NOT_STATED","lead":true}]"""));
        String id = organization.get("id").asString();
        String declared = organization.get("members").get(1).get("memberId").asString();
        assertThat(organization.get("womenLed").asBoolean()).isFalse();
        Person aicha = participant("NE");
        mongo.updateFirst(new Query(Criteria.where("_id").is(aicha.id())),
                new org.springframework.data.mongodb.core.query.Update().set("gender", "FEMALE"), "participants");

        ServiceApi.Response invited = api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"%s","role":"Cheffe de projet","memberId":"%s"}""".formatted(aicha.email(), declared));
        assertThat(invited.status()).isEqualTo(201);
        String token = tokenOf(OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, MemberInvited.TYPE.type(),
                MemberInvited.class, e -> e.invitationId().equals(invited.json().get("id").asString())).event());

        JsonNode joined = api().postJson(ACCEPT, aicha.token(), "{\"token\":\"" + token + "\"}").json();

        assertThat(joined.get("members")).hasSize(2);
        JsonNode entry = joined.get("members").get(1);
        assertThat(entry.get("memberId").asString()).isEqualTo(declared);
        assertThat(entry.get("participantId").asString()).isEqualTo(aicha.id());
        assertThat(entry.get("lead").asBoolean()).isTrue();
        assertThat(entry.get("gender").asString()).isEqualTo("FEMALE");
        assertThat(joined.get("womenLed").asBoolean()).as("she leads").isTrue();
        assertThat(mongo.findById(id, Document.class, "organizations").getBoolean("womenLed")).isTrue();
    }

    @Test
    void an_invitation_names_only_a_declared_member_of_the_organisation() {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Declared"), "ML")).get("id").asString();

        ServiceApi.Response response = api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"someone@example.org","role":"Dev","memberId":"not-a-member"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("memberId");
    }

    @Test
    void an_invitee_known_to_prefer_english_is_invited_in_english() {
        Person owner = participant("BF");
        String id = register(owner, startUp(uniqueName("English"), "BF")).get("id").asString();
        Person invitee = englishParticipant("BF");

        String invitationId = api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"%s","role":"Dev"}""".formatted(invitee.email())).json().get("id").asString();

        MemberInvited event = OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, MemberInvited.TYPE.type(),
                MemberInvited.class, e -> e.invitationId().equals(invitationId)).event();
        assertThat(event.language()).isEqualTo("en");
    }

    @Test
    void accepting_needs_a_participant_profile() {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Profil"), "ML")).get("id").asString();
        String username = unique("noprofile");
        String token = invite(owner, id, username + "@demo.sdn.ml");

        ServiceApi.Response response = api().postJson(ACCEPT, ISSUER.token(username, "ML", "participant"), "{\"token\":\"" + token + "\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).isEqualTo("Créez d'abord votre profil de participant.");
    }

    @Test
    void rejects_bad_invitations_with_a_400_problem_naming_the_field() {
        Person owner = participant("ML");
        String path = ORGANIZATIONS + "/" + register(owner, startUp(uniqueName("Bad invite"), "ML")).get("id").asString()
                + "/invitations";

        assertThat(api().postJson(path, owner.token(), "{\"email\":\"not-an-address\",\"role\":\"Dev\"}").json().get("errors")
                .findValuesAsString("field")).containsExactly("email");
        assertThat(api().postJson(path, owner.token(), "{\"email\":\"a@b.org\",\"role\":\"" + "r".repeat(61) + "\"}").json().get("errors")
                .findValuesAsString("field")).containsExactly("role");
        assertThat(api().postJson(path, owner.token(), "{\"email\":\"a@b.org\",\"role\":\"Dev\",\"gender\":\"W\"}").json().get("errors")
                .findValuesAsString("field")).containsExactly("gender");
        assertThat(api().postJson(path, owner.token(), "{\"email\":\"" + "a".repeat(250) + "@b.org\",\"role\":\"Dev\"}").status())
                .isEqualTo(400);
    }

    @Test
    void the_same_link_accepted_twice_at_once_lets_the_person_in_once() throws Exception {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Double clic"), "ML")).get("id").asString();
        Person invitee = participant("ML");
        String body = "{\"token\":\"" + invite(owner, id, invitee.email()) + "\"}";

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<Integer> accept = () -> {
                start.await();
                return api().postJson(ACCEPT, invitee.token(), body).status();
            };
            var first = pool.submit(accept);
            var second = pool.submit(accept);
            start.countDown();
            // the second either finds the link spent (409) or, arriving while the first is writing the organisation,
            // finishes the same join with it (200): either way the person is in once
            List<Integer> statuses = List.of(first.get(), second.get());
            assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        } finally {
            pool.shutdownNow();
        }

        JsonNode members = api().get(ORGANIZATIONS + "/" + id, invitee.token()).json().get("members");
        assertThat(members.findValuesAsString("participantId").stream().filter(invitee.id()::equals)).hasSize(1);
        assertThat(mongo.exists(new Query(Criteria.where("_id").is(invitee.id() + ":START_UP").and("organizationId").is(id)),
                Memberships.COLLECTION)).as("the winner keeps the place it claimed").isTrue();
    }

    @Test
    void a_member_the_owner_removes_is_free_to_join_another_organisation_of_that_type() {
        Person owner = participant("NE");
        JsonNode created = register(owner, organization("START_UP", uniqueName("Quitter"), "NE", "MALE", true, "[]"));
        String id = created.get("id").asString();
        Person member = participant("NE");
        assertThat(api().postJson(ACCEPT, member.token(), "{\"token\":\"" + invite(owner, id, member.email()) + "\"}").status())
                .isEqualTo(200);

        ServiceApi.Response removed = api().put(ORGANIZATIONS + "/" + id, owner.token(), """
                {"name":"%s","sector":"HEALTH","foundingYear":2020,"description":"x",
                 "members":[{"memberId":"%s","role":"CEO","lead":true}]}""".formatted(created.get("name").asString(),
                created.get("members").get(0).get("memberId").asString()));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(api().get(ORGANIZATIONS + "/" + id, member.token()).status()).isEqualTo(404);
        assertThat(api().postJson(ORGANIZATIONS, member.token(), startUp(uniqueName("Own now"), "NE")).status()).isEqualTo(201);
    }

    @Test
    void an_organisation_has_a_bounded_number_of_pending_invitations() {
        Person owner = participant("BF");
        String path = ORGANIZATIONS + "/" + register(owner, startUp(uniqueName("Spam"), "BF")).get("id").asString()
                + "/invitations";
        for (int i = 0; i < Invitations.MAX_PENDING; i++) {
            assertThat(api().postJson(path, owner.token(), "{\"email\":\"guest" + i + "@example.org\",\"role\":\"Dev\"}").status())
                    .isEqualTo(201);
        }

        ServiceApi.Response oneMore = api().postJson(path, owner.token(), "{\"email\":\"one-more@example.org\",\"role\":\"Dev\"}");

        assertThat(oneMore.status()).isEqualTo(409);
        assertThat(oneMore.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_member_the_owner_removed_cannot_join_again_with_their_used_link() {
        Person owner = participant("ML");
        JsonNode created = register(owner, organization("START_UP", uniqueName("Retour"), "ML", "MALE", true, "[]"));
        String id = created.get("id").asString();
        Person member = participant("ML");
        String link = "{\"token\":\"" + invite(owner, id, member.email()) + "\"}";
        assertThat(api().postJson(ACCEPT, member.token(), link).status()).isEqualTo(200);
        assertThat(api().put(ORGANIZATIONS + "/" + id, owner.token(), """
                {"name":"%s","sector":"HEALTH","foundingYear":2020,"description":"x",
                 "members":[{"memberId":"%s","role":"CEO","lead":true}]}""".formatted(created.get("name").asString(),
                created.get("members").get(0).get("memberId").asString())).status()).isEqualTo(200);

        ServiceApi.Response again = api().postJson(ACCEPT, member.token(), link);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).isEqualTo("Cette invitation a déjà été utilisée.");
        assertThat(api().get(ORGANIZATIONS + "/" + id, member.token()).status()).isEqualTo(404);
        assertThat(mongo.findById(id, Document.class, "organizations").getList("members", Document.class)).hasSize(1);
        assertThat(mongo.exists(new Query(Criteria.where("_id").is(member.id() + ":START_UP")), Memberships.COLLECTION))
                .as("no place claimed").isFalse();
    }

    @Test
    void a_join_finished_after_the_organisation_filled_up_is_refused_and_the_invitation_is_pending_again() {
        Person owner = participant("BF");
        String members = IntStream.range(0, Organization.MAX_MEMBERS - 1)
                .mapToObj(i -> "{\"name\":\"Membre " + i + "\",\"role\":\"Dev\",\"gender\":\"MALE\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String id = register(owner, organization("START_UP", uniqueName("Complet"), "BF", "MALE", true, members))
                .get("id").asString();
        Person invitee = participant("BF");
        InvitationToken token = InvitationToken.generate();
        String invitationId = "interrupted-" + unique("i");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // what an accept leaves behind when the service stops between spending the invitation (checked while there was
        // room) and writing the organisation; meanwhile the organisation filled up
        mongo.insert(new Document("_id", invitationId).append("organizationId", id).append("organizationName", "x")
                .append("email", invitee.email()).append("emailKey", invitee.email()).append("role", "Dev")
                .append("tokenHash", token.hash()).append("status", "ACCEPTED").append("invitedBy", owner.id())
                .append("createdAt", Date.from(now.minusSeconds(60))).append("expiresAt", Date.from(now.plus(Duration.ofDays(7))))
                .append("purgeAt", Date.from(now.plus(Duration.ofDays(37)))).append("acceptedBy", invitee.id())
                .append("acceptedAt", Date.from(now.minusSeconds(30))).append("outbox", List.of()), Invitation.COLLECTION);

        ServiceApi.Response response = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token.value() + "\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).isEqualTo("Une organisation compte au plus 50 membres.");
        assertThat(mongo.findById(id, Document.class, "organizations").getList("members", Document.class))
                .hasSize(Organization.MAX_MEMBERS);
        assertThat(mongo.findById(invitationId, Document.class, Invitation.COLLECTION).getString("status"))
                .as("usable once a place frees up").isEqualTo("PENDING");
        assertThat(mongo.exists(new Query(Criteria.where("_id").is(invitee.id() + ":START_UP")), Memberships.COLLECTION))
                .as("no place claimed").isFalse();
    }

    @Test
    void a_withdrawn_or_replaced_invitation_whose_email_had_not_gone_yet_never_sends_it() {
        Person owner = participant("NE");
        String id = register(owner, startUp(uniqueName("Silence"), "NE")).get("id").asString();
        String path = ORGANIZATIONS + "/" + id + "/invitations";
        String address = unique("guest") + "@example.org";
        String withdrawn;
        String replaced;
        String last;
        // the relay held back, as for the moment after any invitation: the e-mails wait in the invitations' outboxes
        SimpleLock relay = RelayLock.take(mongo);
        try {
            withdrawn = api().postJson(path, owner.token(), "{\"email\":\"other-" + address + "\",\"role\":\"Dev\"}")
                    .json().get("id").asString();
            assertThat(api().delete(path + "/" + withdrawn, owner.token()).status()).isEqualTo(204);
            replaced = api().postJson(path, owner.token(), "{\"email\":\"" + address + "\",\"role\":\"Dev\"}")
                    .json().get("id").asString();
            last = api().postJson(path, owner.token(), "{\"email\":\"" + address + "\",\"role\":\"Dev\"}")
                    .json().get("id").asString();
        } finally {
            relay.unlock();
        }

        // the relay sends the oldest first: once the last invitation's e-mail is out, the earlier ones would be too
        OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, MemberInvited.TYPE.type(), MemberInvited.class,
                e -> e.invitationId().equals(last));
        assertThat(OrganizationEvents.all(broker.getBrokersAsString(), id, MemberInvited.TYPE.type()))
                .extracting(record -> OrganizationEvents.JSON.readValue(record.value(), MemberInvited.class).invitationId())
                .containsExactly(last);
        assertThat(mongo.findById(withdrawn, Document.class, Invitation.COLLECTION).getList("outbox", Document.class)).isEmpty();
        assertThat(mongo.findById(replaced, Document.class, Invitation.COLLECTION).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void an_invitee_who_chose_not_to_state_their_gender_keeps_it_over_the_owners_statement() {
        Person owner = participant("ML");
        String id = register(owner, startUp(uniqueName("Discret"), "ML")).get("id").asString();
        Person invitee = participant("ML");
        assertThat(api().put("/api/registrations/participants/me", invitee.token(), """
                {"gender":"NOT_STATED","consent":{"accepted":true,"version":"2026-01"}}""").status()).isEqualTo(200);
        ServiceApi.Response invited = api().postJson(ORGANIZATIONS + "/" + id + "/invitations", owner.token(), """
                {"email":"%s","role":"Dev","gender":"FEMALE"}""".formatted(invitee.email()));
        String token = tokenOf(OrganizationEvents.awaitEvent(broker.getBrokersAsString(), id, MemberInvited.TYPE.type(),
                MemberInvited.class, e -> e.invitationId().equals(invited.json().get("id").asString())).event());

        JsonNode joined = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}").json();

        JsonNode me = joined.get("members").get(joined.get("members").size() - 1);
        assertThat(me.get("participantId").asString()).isEqualTo(invitee.id());
        assertThat(me.get("gender").asString()).as("the person's own choice").isEqualTo("NOT_STATED");
    }

    @Test
    void a_person_who_erased_their_profile_cannot_accept_an_invitation() {
        Person owner = participant("BF");
        String id = register(owner, startUp(uniqueName("Efface"), "BF")).get("id").asString();
        Person invitee = participant("BF");
        String token = invite(owner, id, invitee.email());
        assertThat(api().delete("/api/registrations/participants/me", invitee.token()).status()).isEqualTo(204);

        ServiceApi.Response response = api().postJson(ACCEPT, invitee.token(), "{\"token\":\"" + token + "\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).isEqualTo("Créez d'abord votre profil de participant.");
        assertThat(api().get(ORGANIZATIONS + "/" + id, owner.token()).json().get("members")).hasSize(3);
    }

    /** Invites {@code email} to {@code organizationId} and returns the token, read from the event on the broker. */
    private String invite(Person owner, String organizationId, String email) {
        ServiceApi.Response invited = api().postJson(ORGANIZATIONS + "/" + organizationId + "/invitations", owner.token(), """
                {"email":"%s","role":"Membre"}""".formatted(email));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String invitationId = invited.json().get("id").asString();
        return tokenOf(OrganizationEvents.awaitEvent(broker.getBrokersAsString(), organizationId, MemberInvited.TYPE.type(),
                MemberInvited.class, e -> e.invitationId().equals(invitationId)).event());
    }

    private static String tokenOf(MemberInvited invitation) {
        return invitation.acceptPath().substring(invitation.acceptPath().indexOf("token=") + "token=".length());
    }
}
