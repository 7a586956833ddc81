package ml.sdn.competition.jury;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.testing.TestIssuer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The jury's test data: jurors with a registration copy keyed by their token's subject, applications, reviews. */
final class JuryFixtures {

    private final MongoTemplate mongo;
    private final CompetitionFixtures fixtures;

    JuryFixtures(MongoTemplate mongo) {
        this.mongo = mongo;
        this.fixtures = new CompetitionFixtures(mongo);
    }

    CompetitionFixtures competition() {
        return fixtures;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A person who signed in (token subject = TestIssuer.subjectOf(username)) and completed a profile. */
    RegisteredParticipant person(String username, String displayName) {
        return mongo.save(new RegisteredParticipant(TestIssuer.subjectOf(username), "ML", displayName, username,
                username + "@example.org", null, "Bamako", "NOT_STATED", "fr", Instant.now(), null));
    }

    /** {@code count} jurors with fresh usernames and a profile each. */
    List<String> jurors(int count) {
        String prefix = unique("juror");
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> {
            String username = prefix + "-" + i;
            person(username, "Juré " + i);
            return username;
        }).toList();
    }

    /** A submitted application of a fresh organisation owned by a fresh applicant. */
    Application application(Category category, String title) {
        String applicant = UUID.randomUUID().toString();
        fixtures.participant(applicant, "BF", "Aminata " + title, "FEMALE");
        RegisteredOrganization organization = fixtures.organization("Société " + title, "START_UP", "BF", true, applicant);
        return fixtures.submittedApplication(category, applicant, organization.id(), "BF", title);
    }

    /** A submitted application of an organisation these people belong to (the first owns it). */
    Application applicationOf(Category category, String title, String... memberIds) {
        RegisteredOrganization organization = fixtures.organization("Société " + title, "START_UP", "NE", false, memberIds);
        return fixtures.submittedApplication(category, memberIds[0], organization.id(), "NE", title);
    }

    /** The application preselected (the selection feature's decision, written as it leaves it). */
    void preselect(Application application) {
        mongo.updateFirst(query(where("id").is(application.id())), new Update().set("selection",
                new Application.Selection(Application.SelectionStatus.PRESELECTED, 1, 8.0, null, "fixture", Instant.now())),
                Application.class);
    }

    /** A review written straight into the store. */
    JuryReview review(Category category, Round round, Application application, String username, ReviewStatus status,
                      Map<String, JuryReview.CriterionScore> scores) {
        String jurorId = TestIssuer.subjectOf(username);
        Instant now = Instant.now();
        return mongo.insert(new JuryReview(JuryReview.idOf(round, application.id(), jurorId), category.editionId(),
                category.id(), application.id(), jurorId, round, status, scores, false, "fixture", now,
                status == ReviewStatus.SUBMITTED ? now : null, now, null, null, null, List.of(), null));
    }

    static Map<String, JuryReview.CriterionScore> scores(double impact, double innovation, double team) {
        return Map.of("impact", new JuryReview.CriterionScore(impact, "i"),
                "innovation", new JuryReview.CriterionScore(innovation, "n"),
                "team", new JuryReview.CriterionScore(team, "t"));
    }
}
