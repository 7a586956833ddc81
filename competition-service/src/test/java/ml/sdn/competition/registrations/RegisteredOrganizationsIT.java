package ml.sdn.competition.registrations;

import ml.sdn.competition.ServiceIT;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.MemberInvited;
import ml.sdn.events.registration.MemberJoined;
import ml.sdn.events.registration.OrganizationRegistered;
import ml.sdn.events.registration.OrganizationUpdated;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Organisation events, produced for real to the embedded broker, into competition's own copy. */
class RegisteredOrganizationsIT extends ServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    RegisteredOrganizations organizations;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_registered_organisation_lands_in_the_copy_with_its_members_who_have_an_account_and_its_women_led_flag() {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        send(id, UUID.randomUUID().toString(), OrganizationRegistered.TYPE.type(), """
                {"organizationId":"%s","name":"Sahel Agritech","type":"START_UP","country":"BF","sector":"AGRICULTURE",\
                "foundingYear":2023,"ownerId":"owner-1","members":[\
                {"memberId":"m1","participantId":"owner-1","name":"Awa","role":"CEO","gender":"FEMALE","lead":true},\
                {"memberId":"m2","participantId":null,"name":"Issa","role":"CTO","gender":"MALE","lead":false},\
                {"memberId":"m3","participantId":"p-3","name":"Salif","role":"DEV","gender":"MALE","lead":false}],\
                "womenLed":true,"registeredAt":"%s","logo":"ignored"}""".formatted(id, at));

        RegisteredOrganization copy = await().atMost(WAIT).until(() -> organizations.find(id).orElse(null), o -> o != null);
        assertThat(copy).isEqualTo(new RegisteredOrganization(id, "Sahel Agritech", "START_UP", "BF", "AGRICULTURE", 2023,
                "owner-1", List.of("owner-1", "p-3"), true, at));
        // members' names and genders are not copied: the derived flag is all competition needs
        assertThat(mongo.findById(id, Document.class, RegisteredOrganization.COLLECTION).keySet())
                .doesNotContain("members");
    }

    @Test
    void the_newest_event_wins_whatever_order_the_events_arrive_in_and_a_redelivery_changes_nothing() {
        String id = UUID.randomUUID().toString();
        Instant registeredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String newest = UUID.randomUUID().toString();

        // one partition: once the marker is applied, everything sent before it has been handled
        send(0, id, UUID.randomUUID().toString(), OrganizationRegistered.TYPE.type(),
                organization("registeredAt", id, "Kalanso", false, registeredAt));
        send(0, id, newest, OrganizationUpdated.TYPE.type(),
                organization("updatedAt", id, "Kalanso Women Tech", true, registeredAt.plus(20, ChronoUnit.MINUTES)));
        // produced in between, delivered late; then the registration and the newest update redelivered
        send(0, id, UUID.randomUUID().toString(), OrganizationUpdated.TYPE.type(),
                organization("updatedAt", id, "Kalanso SARL", false, registeredAt.plus(10, ChronoUnit.MINUTES)));
        send(0, id, UUID.randomUUID().toString(), OrganizationRegistered.TYPE.type(),
                organization("registeredAt", id, "Kalanso", false, registeredAt));
        send(0, id, newest, OrganizationUpdated.TYPE.type(),
                organization("updatedAt", id, "Kalanso Women Tech", true, registeredAt.plus(20, ChronoUnit.MINUTES)));
        awaitMarker();

        RegisteredOrganization copy = organizations.find(id).orElseThrow();
        assertThat(copy.name()).isEqualTo("Kalanso Women Tech");
        assertThat(copy.womenLed()).isTrue();
        assertThat(copy.asOf()).isEqualTo(registeredAt.plus(20, ChronoUnit.MINUTES));
        assertThat(mongo.count(query(where("_id").is(id)), RegisteredOrganization.COLLECTION)).isEqualTo(1);
    }

    @Test
    void a_member_who_joins_is_added_once_unless_the_copy_is_newer_than_the_join() {
        String id = UUID.randomUUID().toString();
        Instant registeredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String joined = UUID.randomUUID().toString();

        send(0, id, UUID.randomUUID().toString(), OrganizationRegistered.TYPE.type(),
                organization("registeredAt", id, "Kalanso", false, registeredAt));
        send(0, id, joined, MemberJoined.TYPE.type(), memberJoined(id, "p-new", registeredAt.plus(5, ChronoUnit.MINUTES)));
        send(0, id, joined, MemberJoined.TYPE.type(), memberJoined(id, "p-new", registeredAt.plus(5, ChronoUnit.MINUTES)));
        awaitMarker();
        assertThat(organizations.find(id).orElseThrow().participantIds()).containsExactly("owner-1", "p-new");

        // a later update that no longer lists them, then their old join replayed: the update stands
        send(0, id, UUID.randomUUID().toString(), OrganizationUpdated.TYPE.type(),
                organization("updatedAt", id, "Kalanso", false, registeredAt.plus(30, ChronoUnit.MINUTES)));
        send(0, id, joined, MemberJoined.TYPE.type(), memberJoined(id, "p-new", registeredAt.plus(5, ChronoUnit.MINUTES)));
        awaitMarker();
        assertThat(organizations.find(id).orElseThrow().participantIds()).containsExactly("owner-1");
    }

    @Test
    void invitations_and_unknown_event_types_are_ignored_not_dead_lettered() {
        String id = UUID.randomUUID().toString();

        send(0, id, UUID.randomUUID().toString(), MemberInvited.TYPE.type(), """
                {"invitationId":"i-1","organizationId":"%s","organizationName":"Kalanso","invitedBy":"owner-1",\
                "inviterName":"Awa","email":"x@demo.sdn.ml","role":"DEV","language":"fr",\
                "acceptPath":"/invitations/i-1?token=secret","expiresAt":"2030-01-01T00:00:00Z"}""".formatted(id));
        send(0, id, UUID.randomUUID().toString(), "sdn.registration.organization-archived.v7", "{\"organizationId\":\"" + id + "\"}");
        awaitMarker();

        assertThat(organizations.find(id)).isEmpty();
        assertThat(mongo.find(query(where("key").is(id)), Document.class, "dead_letters")).isEmpty();
    }

    /** An organisation on partition 0: once it is in the copy, everything sent to partition 0 before it was handled. */
    private void awaitMarker() {
        String marker = UUID.randomUUID().toString();
        send(0, marker, UUID.randomUUID().toString(), OrganizationRegistered.TYPE.type(),
                organization("registeredAt", marker, "Marker", false, Instant.now()));
        await().atMost(WAIT).until(() -> organizations.find(marker).isPresent());
    }

    private static String organization(String timeField, String id, String name, boolean womenLed, Instant at) {
        return """
                {"organizationId":"%s","name":"%s","type":"SME","country":"ML","sector":"E_GOVERNMENT","foundingYear":2020,\
                "ownerId":"owner-1","members":[{"memberId":"m1","participantId":"owner-1","name":"Awa","role":"CEO",\
                "gender":"FEMALE","lead":%s}],"womenLed":%s,"%s":"%s"}"""
                .formatted(id, name, womenLed, womenLed, timeField, at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String memberJoined(String organizationId, String participantId, Instant at) {
        return """
                {"organizationId":"%s","organizationName":"Kalanso","participantId":"%s","role":"DEV","joinedAt":"%s"}"""
                .formatted(organizationId, participantId, at);
    }

    private void send(Integer partition, String key, String eventId, String type, String json) {
        send(Topics.REGISTRATION_ORGANIZATIONS, partition, key, eventId, type, json);
    }

    private void send(String key, String eventId, String type, String json) {
        send(null, key, eventId, type, json);
    }
}
