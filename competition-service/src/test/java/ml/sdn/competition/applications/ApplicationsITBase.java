package ml.sdn.competition.applications;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.ServiceIT;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the applications ITs share: people and categories in the store, request bodies, problem checks. */
abstract class ApplicationsITBase extends ServiceIT {

    static final String APPLICATIONS = "/api/competitions/applications";

    @Autowired
    MongoTemplate mongo;

    CompetitionFixtures fixtures() {
        return new CompetitionFixtures(mongo);
    }

    /** A participant known to this service (registration copy written), with a fresh username. */
    record Person(String username, String id, String country, String token) {
    }

    Person person(String country) {
        String username = "applicant-" + UUID.randomUUID();
        String id = TestIssuer.subjectOf(username);
        fixtures().participant(id, country, "Aïssata " + username.substring(10, 14), "FEMALE");
        return new Person(username, id, country, ISSUER.token(username, country, "participant"));
    }

    /** Signed in, but registration's event has not reached this service yet. */
    Person newcomer(String country) {
        String username = "newcomer-" + UUID.randomUUID();
        return new Person(username, TestIssuer.subjectOf(username), country, ISSUER.token(username, country, "participant"));
    }

    RegisteredOrganization organization(Person owner, String type) {
        return fixtures().organization("Org " + UUID.randomUUID().toString().substring(0, 6), type, owner.country(), false,
                owner.id());
    }

    Category category(CategoryCode code, Phase openNow) {
        Edition edition = fixtures().edition();
        return fixtures().category(edition, code, openNow);
    }

    static String draftJson(Category category, String organizationId, String title) {
        return """
                {"categoryId": "%s", "organizationId": %s, "title": "%s"}
                """.formatted(category.id(), organizationId == null ? "null" : "\"" + organizationId + "\"", title);
    }

    static String completeJson(Category category, String organizationId, String title) {
        return """
                {"categoryId": "%s", "organizationId": %s, "title": "%s",
                 "summary": "Des pompes solaires pour les maraîchers", "problem": "L'eau coûte cher",
                 "solution": "Pompes solaires louées", "targetUsers": "Maraîchers de Ségou", "stage": "MVP",
                 "challenge": "agriculture", "team": [{"name": "Awa Traoré", "role": "porteuse de projet"}],
                 "pitchDeckUrl": "https://example.org/deck.pdf"}
                """.formatted(category.id(), organizationId == null ? "null" : "\"" + organizationId + "\"", title);
    }

    /** A complete application of {@code person}, drafted and submitted through the API. */
    String submitted(Person person, Category category, String organizationId) {
        String id = drafted(person, completeJson(category, organizationId, "Projet " + person.username().substring(10, 16)));
        ServiceApi.Response submitted = api().post(APPLICATIONS + "/" + id + "/submit", person.token());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    String drafted(Person person, String json) {
        ServiceApi.Response created = api().postJson(APPLICATIONS, person.token(), json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A complete draft written straight into the store (for categories whose submission phase is over). */
    Application storedDraft(Person person, Category category, String organizationId) {
        Instant now = Instant.now();
        return mongo.insert(new Application(null, null, category.editionId(), category.id(), category.code(), person.id(),
                organizationId, person.country(), ApplicationStatus.DRAFT,
                new Application.ApplicationContent("Projet tardif", "Résumé", "Problème", "Solution", "Usagers",
                        Application.Stage.IDEA, null, List.of(new Application.TeamMember("Awa Traoré", "lead")), null),
                null, Eligibility.claimKey(category.id(), person.id(), organizationId), null, null, now, now, null, null,
                List.of(), null));
    }

    static List<String> fields(ServiceApi.Response response) {
        List<String> fields = new ArrayList<>();
        if (response.json().has("errors")) {
            response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }

    static void assertRejected(ServiceApi.Response response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(fields);
    }

    static void assertProblem(ServiceApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
