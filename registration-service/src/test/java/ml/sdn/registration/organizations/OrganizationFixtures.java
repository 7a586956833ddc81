package ml.sdn.registration.organizations;

import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the organisations ITs share: signed-in people with profiles and a valid registration body. Adds no
 * configuration: the Spring context stays the one every IT of the service shares.
 */
abstract class OrganizationFixtures extends ServiceIT {

    static final String ORGANIZATIONS = "/api/registrations/organizations";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    /** A signed-in participant with a profile. */
    record Person(String username, String country, String token) {

        String id() {
            return TestIssuer.subjectOf(username);
        }

        String email() {
            return username + "@demo.sdn.ml";
        }
    }

    Person participant(String country) {
        return participant(country, "fr");
    }

    /** A participant who prefers English. */
    Person englishParticipant(String country) {
        return participant(country, "en");
    }

    private Person participant(String country, String language) {
        String username = unique("p");
        Person person = new Person(username, country, ISSUER.token(username, country, "participant"));
        ServiceApi.Response profile = api().put("/api/registrations/participants/me", person.token(), """
                {"preferredLanguage":"%s","consent":{"accepted":true,"version":"2026-01"}}""".formatted(language));
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        return person;
    }

    static String token(String role, String country) {
        return ISSUER.token(unique(role), country, role);
    }

    /** A START_UP body: the creator (a man) leads, with two declared members. */
    static String startUp(String name, String country) {
        return organization("START_UP", name, country, "MALE", true, """
                [{"name":"Awa Traoré","role":"CTO","gender":"FEMALE"},{"name":"Ibrahim Maïga","role":"Dev","gender":"MALE"}]""");
    }

    static String organization(String type, String name, String country, String creatorGender, boolean creatorLeads,
                               String members) {
        return """
                {"type":"%s","name":"%s","country":"%s","sector":"E_GOVERNMENT","foundingYear":2022,
                 "registrationNumber":"MA.BKO.2022.B.1234","description":"Des services publics en ligne",
                 "creator":{"role":"CEO","gender":"%s","lead":%s},"members":%s}""".formatted(type, name, country,
                creatorGender, creatorLeads, members);
    }

    /** Registers and returns the organisation as its owner sees it. */
    JsonNode register(Person owner, String body) {
        ServiceApi.Response created = api().postJson(ORGANIZATIONS, owner.token(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A name no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
