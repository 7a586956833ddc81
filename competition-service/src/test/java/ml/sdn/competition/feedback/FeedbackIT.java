package ml.sdn.competition.feedback;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.ServiceIT;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.jury.Round;
import ml.sdn.competition.selection.SelectionData;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jury's comments reach an applicant only where the category shares them, only once the preselection is
 * confirmed, only their own application's, and never with jurors' names (nor scores unless the category says so).
 */
class FeedbackIT extends ServiceIT {

    @Autowired
    MongoTemplate mongo;

    private CompetitionFixtures fixtures;
    private SelectionData data;
    private final String organizer = ISSUER.token("organizer-feedback", "ML", "organizer");
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        fixtures = new CompetitionFixtures(mongo);
        data = new SelectionData(mongo);
    }

    private record Scenario(Category category, Application awa, Application issa, String awaToken, String issaToken) {
    }

    private Scenario scenario(boolean shareComments, boolean shareScores) {
        Edition edition = fixtures.edition();
        Category category = fixtures.category(edition, CategoryCode.START_UP_CHALLENGE, Phase.PRESELECTION, Duration.ofDays(7),
                new CategorySettings(3, true, false, true, 2, shareComments, shareScores));
        String awa = "awa-" + suffix;
        String issa = "issa-" + suffix;
        fixtures.participant(TestIssuer.subjectOf(awa), "BF", "Awa Ouédraogo", "FEMALE");
        fixtures.participant(TestIssuer.subjectOf(issa), "ML", "Issa Keïta", "MALE");
        Application awaApplication = fixtures.submittedApplication(category, TestIssuer.subjectOf(awa), null, "BF", "Irrigation connectée");
        Application issaApplication = fixtures.submittedApplication(category, TestIssuer.subjectOf(issa), null, "ML", "Cartes de santé");
        data.review(category, Round.PRESELECTION, awaApplication, "juror-one-" + suffix, 8);
        data.review(category, Round.PRESELECTION, awaApplication, "juror-two-" + suffix, 7);
        data.review(category, Round.PRESELECTION, issaApplication, "juror-one-" + suffix, 4);
        data.review(category, Round.PRESELECTION, issaApplication, "juror-two-" + suffix, 5);
        return new Scenario(category, awaApplication, issaApplication, ISSUER.token(awa, "BF", "participant"),
                ISSUER.token(issa, "ML", "participant"));
    }

    private ServiceApi.Response feedback(Application application, String token) {
        return api().get("/api/competitions/applications/" + application.id() + "/feedback", token);
    }

    private void confirm(Category category) {
        ServiceApi.Response confirmed = api().post("/api/competitions/categories/" + category.id() + "/preselection", organizer);
        assertThat(confirmed.status()).as(confirmed.body()).isBetween(200, 201);
    }

    @Test
    void the_applicant_reads_the_comments_once_the_preselection_is_confirmed_without_names_or_scores() {
        Scenario s = scenario(true, false);

        assertThat(feedback(s.issa(), s.issaToken()).status()).as("before the confirmation").isEqualTo(404);
        confirm(s.category());

        ServiceApi.Response mine = feedback(s.issa(), s.issaToken());
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        JsonNode reviews = mine.json().get("reviews");
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).get("number").asInt()).isEqualTo(1);
        JsonNode first = reviews.get(0).get("comments");
        assertThat(first).hasSize(3);
        assertThat(first.get(0).get("label").get("fr").asString()).isEqualTo("Impact");
        assertThat(first.get(0).get("comment").asString()).isEqualTo("Impact noté");
        assertThat(first.get(0).get("score").isNull()).isTrue();
        assertThat(mine.json().get("scoresShown").asBoolean()).isFalse();
        assertThat(mine.body()).doesNotContain("juror-one", "juror-two", "jurorId");
    }

    @Test
    void another_applicant_finds_nothing_before_or_after_the_confirmation() {
        Scenario s = scenario(true, true);

        assertThat(feedback(s.awa(), s.issaToken()).status()).isEqualTo(404);
        confirm(s.category());
        ServiceApi.Response theirs = feedback(s.awa(), s.issaToken());
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.contentType()).startsWith("application/problem+json");
        assertThat(theirs.body()).doesNotContain("Impact noté", "Irrigation");
        assertThat(feedback(s.awa(), s.awaToken()).json().get("reviews").get(0).get("comments").get(0).get("score").asDouble())
                .as("this category shares the scores").isEqualTo(8.0);
    }

    @Test
    void a_category_that_keeps_the_comments_shows_nothing_even_after_the_confirmation() {
        Scenario s = scenario(false, false);
        confirm(s.category());

        assertThat(feedback(s.issa(), s.issaToken()).status()).isEqualTo(404);
    }
}
