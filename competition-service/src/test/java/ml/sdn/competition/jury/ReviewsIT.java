package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.awards.PublishedResults;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.events.competition.ReviewSubmitted;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Jurors read their reviews, score them, and see others' scores only as the category allows. */
class ReviewsIT extends JuryIT {

    private static final String SHEET = """
            {"scores": {"impact": {"score": 7.5, "comment": "Fort impact rural"},
                        "innovation": {"score": 8, "comment": "Approche originale"},
                        "team": {"score": 6, "comment": "Équipe à renforcer"}}}
            """;

    private final String organizer = ISSUER.token("organizer-reviews", "ML", "organizer");

    private Category category(Phase phase, CategorySettings settings) {
        Edition edition = fixtures.competition().edition();
        return fixtures.competition().category(edition, CategoryCode.START_UP_CHALLENGE, phase, Duration.ofDays(7), settings);
    }

    private static String jury(String username) {
        return ISSUER.token(username, "ML", "jury");
    }

    private static List<String> fields(ServiceApi.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static void assertRejected(ServiceApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).contains(field);
    }

    private ServiceApi.Response score(Application application, String username, String sheet) {
        return api().put(API + "/applications/" + application.id() + "/reviews/mine", jury(username), sheet);
    }

    @Test
    void a_juror_reads_their_reviews_blind_with_the_criteria_and_nothing_of_the_other_jurors() {
        Category category = category(Phase.EVALUATION, CategorySettings.DEFAULT);
        List<String> jurors = fixtures.jurors(2);
        Application application = fixtures.application(category, "Irrigation");
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(1), ReviewStatus.SUBMITTED,
                Map.of("impact", new JuryReview.CriterionScore(9.5, "Secret comment of the other juror"),
                        "innovation", new JuryReview.CriterionScore(9, "n"), "team", new JuryReview.CriterionScore(9, "t")));

        ServiceApi.Response mine = api().get(API + "/reviews/mine", jury(jurors.get(0)));

        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().size()).isEqualTo(1);
        JsonNode review = mine.json().get(0);
        assertThat(review.get("round").asString()).isEqualTo("PRESELECTION");
        assertThat(review.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(review.get("criteria").size()).isEqualTo(3);
        assertThat(review.get("criteria").get(0).get("code").asString()).isEqualTo("impact");
        assertThat(review.get("criteria").get(0).get("weight").asInt()).isEqualTo(40);
        assertThat(review.get("criteria").get(0).get("label").get("en").asString()).isEqualTo("Impact");
        assertThat(review.get("scale").get("max").asInt()).isEqualTo(10);
        assertThat(review.get("scale").get("step").asDouble()).isEqualTo(0.5);
        assertThat(review.get("scores").size()).isZero();
        assertThat(review.get("total").isNull()).isTrue();
        assertThat(review.get("scoringOpen").asBoolean()).isTrue();
        assertThat(review.get("scoringEndsAt").asString()).isNotBlank();
        JsonNode shown = review.get("application");
        assertThat(shown.get("id").asString()).isEqualTo(application.id());
        assertThat(shown.get("title").asString()).isEqualTo("Irrigation");
        assertThat(shown.get("blind").asBoolean()).isTrue();
        assertThat(shown.get("applicantName").isNull()).isTrue();
        assertThat(shown.get("organizationName").isNull()).isTrue();
        assertThat(shown.get("country").isNull()).isTrue();
        assertThat(mine.body()).doesNotContain("Aminata").doesNotContain("Société").doesNotContain("Awa")
                .doesNotContain("Secret comment").doesNotContain(TestIssuer.subjectOf(jurors.get(1)))
                .doesNotContain(application.applicantId());
    }

    @Test
    void without_blind_review_a_juror_sees_who_applies() {
        Category category = category(Phase.EVALUATION, new CategorySettings(3, false, false, true, 2));
        List<String> jurors = fixtures.jurors(1);
        Application application = fixtures.application(category, "Solaire");
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());

        JsonNode shown = api().get(API + "/reviews/mine", jury(jurors.get(0))).json().get(0).get("application");

        assertThat(shown.get("blind").asBoolean()).isFalse();
        assertThat(shown.get("applicantName").asString()).isEqualTo("Aminata Solaire");
        assertThat(shown.get("organizationName").asString()).isEqualTo("Société Solaire");
        assertThat(shown.get("country").asString()).isEqualTo("BF");
    }

    @Test
    void a_juror_scores_every_criterion_with_a_comment_and_may_change_it_while_the_phase_lasts() {
        Category category = category(Phase.EVALUATION, CategorySettings.DEFAULT);
        List<String> jurors = fixtures.jurors(1);
        Application application = fixtures.application(category, "Santé");
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());

        ServiceApi.Response submitted = score(application, jurors.get(0), SHEET);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("total").asDouble()).isEqualTo(7.3);
        assertThat(submitted.json().get("scores").get("impact").get("score").asDouble()).isEqualTo(7.5);
        assertThat(submitted.json().get("scores").get("team").get("comment").asString()).isEqualTo("Équipe à renforcer");
        String auditPath = API + "/audit?subjectId=" + application.id();
        JsonNode first = api().get(auditPath + "&action=SCORE_SUBMITTED", organizer).json().get("content").get(0);
        assertThat(first.get("details").get("total").asString()).isEqualTo("7.3");
        assertThat(first.get("actorId").asString()).isEqualTo(TestIssuer.subjectOf(jurors.get(0)));

        ServiceApi.Response changed = score(application, jurors.get(0), SHEET.replace("\"score\": 6", "\"score\": 10"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("total").asDouble()).isEqualTo(8.3);
        JsonNode change = api().get(auditPath + "&action=SCORE_CHANGED", organizer).json().get("content").get(0);
        assertThat(change.get("details").get("totalBefore").asString()).isEqualTo("7.3");
        assertThat(change.get("details").get("totalAfter").asString()).isEqualTo("8.3");
        assertThat(change.get("details").get("changedCriteria").asString()).isEqualTo("team");
        assertThat(api().get(API + "/reviews/mine?status=SUBMITTED&categoryId=" + category.id(), jury(jurors.get(0)))
                .json().size()).isEqualTo(1);
        assertThat(api().get(API + "/reviews/mine?status=ASSIGNED", jury(jurors.get(0))).json().size()).isZero();
        List<PublishedEvents.Event> events = juryEvents.await(ReviewSubmitted.TYPE.type(), application.id(), p -> true, 2);
        assertThat(events).hasSize(2).allSatisfy(event -> {
            assertThat(event.payload().get("jurorId").asString()).isEqualTo(TestIssuer.subjectOf(jurors.get(0)));
            assertThat(event.payload().toString()).doesNotContain("7.5").doesNotContain("comment");
        });
    }

    @Test
    void a_bad_score_sheet_is_refused_naming_the_criterion() {
        Category category = category(Phase.EVALUATION, CategorySettings.DEFAULT);
        List<String> jurors = fixtures.jurors(1);
        Application application = fixtures.application(category, "Tri");
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        String juror = jurors.get(0);

        assertRejected(score(application, juror, """
                {"scores": {"impact": {"score": 7.5, "comment": "a"}, "innovation": {"score": 8, "comment": "b"}}}
                """), "scores.team");
        assertRejected(score(application, juror, SHEET.replace("\"team\"", "\"teem\"")), "scores.teem");
        assertRejected(score(application, juror, SHEET.replace("\"score\": 7.5", "\"score\": 10.5")), "scores.impact.score");
        assertRejected(score(application, juror, SHEET.replace("\"score\": 7.5", "\"score\": 7.25")), "scores.impact.score");
        assertRejected(score(application, juror, SHEET.replace("\"score\": 7.5", "\"score\": \"high\"")), "scores.impact.score");
        assertRejected(score(application, juror, SHEET.replace("\"score\": 7.5, ", "")), "scores.impact.score");
        assertRejected(score(application, juror, SHEET.replace("Fort impact rural", " ")), "scores.impact.comment");
        assertRejected(score(application, juror, SHEET.replace("Fort impact rural", "x".repeat(2001))), "scores.impact.comment");
        assertRejected(score(application, juror, "{}"), "scores");
        assertRejected(score(application, juror, "{\"scores\": {}}"), "scores");
        assertRejected(score(application, juror, "not json"), "body");
        assertThat(mongo.findById(JuryReview.idOf(Round.PRESELECTION, application.id(), TestIssuer.subjectOf(juror)),
                JuryReview.class).status()).isEqualTo(ReviewStatus.ASSIGNED);
    }

    @Test
    void every_wrong_criterion_of_a_sheet_is_named_in_one_answer() {
        Category category = category(Phase.EVALUATION, CategorySettings.DEFAULT);
        List<String> jurors = fixtures.jurors(1);
        Application application = fixtures.application(category, "Tri");
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());

        // as the issue saw it: "11", "7,3" (read as 7.3) and an empty score, only the first was named
        ServiceApi.Response refused = score(application, jurors.get(0), """
                {"scores": {"impact": {"score": 11, "comment": "Fort impact rural"},
                            "innovation": {"score": 7.3, "comment": "Approche originale"},
                            "team": {"score": null, "comment": ""}}}
                """);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("scores.impact.score", "scores.innovation.score", "scores.team.score",
                "scores.team.comment");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void scores_are_refused_outside_the_phase_that_scores_the_round() {
        List<String> jurors = fixtures.jurors(1);
        Category over = category(Phase.PRESELECTION, CategorySettings.DEFAULT);
        Application late = fixtures.application(over, "Tard");
        fixtures.review(over, Round.PRESELECTION, late, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());

        ServiceApi.Response refused = api().put(API + "/applications/" + late.id() + "/reviews/mine", jury(jurors.get(0)), SHEET,
                "Accept-Language", "en");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("\"Evaluation\"").contains("\"Preselection\"")
                .doesNotContain("EVALUATION", "PRESELECTION");
        assertThat(api().get(API + "/reviews/mine", jury(jurors.get(0))).json().get(0).get("scoringOpen").asBoolean()).isFalse();

        Category incubation = category(Phase.INCUBATION, CategorySettings.DEFAULT);
        Application finalist = fixtures.application(incubation, "Finale");
        fixtures.review(incubation, Round.FINAL, finalist, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        ServiceApi.Response early = api().put(API + "/applications/" + finalist.id() + "/reviews/mine", jury(jurors.get(0)), SHEET,
                "Accept-Language", "en");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("\"Final\"").doesNotContain("FINAL");
    }

    @Test
    void a_juror_finds_nothing_of_applications_they_do_not_review() {
        Category category = category(Phase.EVALUATION, new CategorySettings(3, true, true, true, 2));
        List<String> jurors = fixtures.jurors(2);
        Application theirs = fixtures.application(category, "Autre");
        Application conflicted = fixtures.application(category, "Conflit");
        fixtures.review(category, Round.PRESELECTION, theirs, jurors.get(1), ReviewStatus.SUBMITTED, JuryFixtures.scores(6, 6, 6));
        fixtures.review(category, Round.PRESELECTION, conflicted, jurors.get(0), ReviewStatus.CONFLICTED, Map.of());
        String me = jury(jurors.get(0));

        for (String id : List.of(theirs.id(), conflicted.id(), "no-such-application")) {
            ServiceApi.Response scored = api().put(API + "/applications/" + id + "/reviews/mine", me, SHEET);
            assertThat(scored.status()).as(id).isEqualTo(404);
            assertThat(scored.body()).doesNotContain("6.0").doesNotContain(TestIssuer.subjectOf(jurors.get(1)));
            assertThat(api().get(API + "/applications/" + id + "/reviews", me).status()).as(id).isEqualTo(404);
            assertThat(api().postJson(API + "/applications/" + id + "/conflict", me, "{\"reason\": \"x\"}").status())
                    .as(id).isEqualTo(404);
        }
        assertThat(api().get(API + "/reviews/mine", me).json().size()).isZero();
        assertThat(api().get(API + "/applications/no-such-application/reviews", organizer).status()).isEqualTo(404);
    }

    @Test
    void other_jurors_scores_are_shown_anonymised_only_after_ones_own_and_only_where_the_category_reveals_them() {
        Category hidden = category(Phase.EVALUATION, CategorySettings.DEFAULT);
        Category revealed = category(Phase.EVALUATION, new CategorySettings(3, true, true, true, 2));
        List<String> jurors = fixtures.jurors(3);
        Application closed = fixtures.application(hidden, "Fermé");
        Application open = fixtures.application(revealed, "Ouvert");
        fixtures.review(hidden, Round.PRESELECTION, closed, jurors.get(0), ReviewStatus.SUBMITTED, JuryFixtures.scores(5, 5, 5));
        fixtures.review(hidden, Round.PRESELECTION, closed, jurors.get(1), ReviewStatus.SUBMITTED, JuryFixtures.scores(9, 9, 9));
        fixtures.review(revealed, Round.PRESELECTION, open, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(revealed, Round.PRESELECTION, open, jurors.get(1), ReviewStatus.SUBMITTED, JuryFixtures.scores(9, 9, 9));
        fixtures.review(revealed, Round.PRESELECTION, open, jurors.get(2), ReviewStatus.ASSIGNED, Map.of());
        String me = jury(jurors.get(0));

        ServiceApi.Response never = api().get(API + "/applications/" + closed.id() + "/reviews", me);
        assertThat(never.status()).isEqualTo(403);
        assertThat(never.body()).doesNotContain("9.0");
        ServiceApi.Response notYet = api().get(API + "/applications/" + open.id() + "/reviews", me);
        assertThat(notYet.status()).isEqualTo(403);
        assertThat(notYet.body()).doesNotContain("9.0");

        assertThat(api().put(API + "/applications/" + open.id() + "/reviews/mine", me, SHEET).status()).isEqualTo(200);
        ServiceApi.Response shown = api().get(API + "/applications/" + open.id() + "/reviews", me);

        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode lines = shown.json().get("reviews");
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).get("mine").asBoolean()).isTrue();
        assertThat(lines.get(0).get("total").asDouble()).isEqualTo(7.3);
        assertThat(lines.get(1).get("mine").asBoolean()).isFalse();
        assertThat(lines.get(1).get("juror").asString()).isEqualTo("Juror 1");
        assertThat(lines.get(1).get("total").asDouble()).isEqualTo(9.0);
        assertThat(lines.get(1).has("jurorId")).isFalse();
        assertThat(lines.get(1).has("username")).isFalse();
        assertThat(lines.get(1).has("submittedAt")).isFalse();
        assertThat(shown.body()).doesNotContain(TestIssuer.subjectOf(jurors.get(1))).doesNotContain(jurors.get(1))
                .doesNotContain(TestIssuer.subjectOf(jurors.get(2)));

        JsonNode all = api().get(API + "/applications/" + open.id() + "/reviews", organizer).json().get("reviews");
        assertThat(all.size()).isEqualTo(3);
        List<String> usernames = new ArrayList<>();
        all.forEach(line -> usernames.add(line.get("username").asString()));
        assertThat(usernames).containsExactlyInAnyOrderElementsOf(jurors);
    }

    @Test
    void once_a_juror_has_seen_the_other_jurors_scores_their_own_can_no_longer_change() {
        Category revealed = category(Phase.EVALUATION, new CategorySettings(3, true, true, true, 2));
        List<String> jurors = fixtures.jurors(2);
        Application application = fixtures.application(revealed, "Regard");
        fixtures.review(revealed, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        JuryReview other = fixtures.review(revealed, Round.PRESELECTION, application, jurors.get(1), ReviewStatus.ASSIGNED, Map.of());
        String me = jury(jurors.get(0));
        String reviews = API + "/applications/" + application.id() + "/reviews";
        assertThat(score(application, jurors.get(0), SHEET).status()).isEqualTo(200);

        // nobody else has scored yet: nothing is revealed, so nothing is locked
        assertThat(api().get(reviews, me).json().get("reviews").size()).isEqualTo(1);
        assertThat(score(application, jurors.get(0), SHEET.replace("\"score\": 6", "\"score\": 7")).status()).isEqualTo(200);

        mongo.updateFirst(query(where("id").is(other.id())), new Update().set("status", ReviewStatus.SUBMITTED)
                .set("scores", JuryFixtures.scores(2, 2, 2)).set("submittedAt", Instant.now()), JuryReview.class);
        assertThat(api().get(reviews, me).json().get("reviews").size()).isEqualTo(2);

        ServiceApi.Response changed = api().put(API + "/applications/" + application.id() + "/reviews/mine", me,
                SHEET.replace("\"score\": 6", "\"score\": 1"), "Accept-Language", "en");

        assertThat(changed.status()).as(changed.body()).isEqualTo(409);
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(changed.json().get("detail").asString()).contains("other jurors");
        JuryReview mine = mongo.findById(JuryReview.idOf(Round.PRESELECTION, application.id(), TestIssuer.subjectOf(jurors.get(0))),
                JuryReview.class);
        assertThat(mine.scores().get("team").score()).isEqualTo(7.0);
        assertThat(api().put(API + "/applications/" + application.id() + "/reviews/mine", me, SHEET).json().get("detail")
                .asString()).contains("jurés");
    }

    @Test
    void juror_numbers_follow_each_applications_order_of_submission_so_they_do_not_follow_a_juror_across_applications() {
        Category revealed = category(Phase.EVALUATION, new CategorySettings(3, true, true, true, 2));
        List<String> jurors = fixtures.jurors(3);
        Application first = fixtures.application(revealed, "Premier");
        Application second = fixtures.application(revealed, "Second");
        Instant earlier = Instant.now().minus(Duration.ofHours(2));
        Instant later = Instant.now().minus(Duration.ofHours(1));
        for (Application application : List.of(first, second)) {
            fixtures.review(revealed, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.SUBMITTED, JuryFixtures.scores(5, 5, 5));
            boolean firstApplication = application == first;
            submittedAt(fixtures.review(revealed, Round.PRESELECTION, application, jurors.get(1), ReviewStatus.SUBMITTED,
                    JuryFixtures.scores(2, 2, 2)), firstApplication ? earlier : later);
            submittedAt(fixtures.review(revealed, Round.PRESELECTION, application, jurors.get(2), ReviewStatus.SUBMITTED,
                    JuryFixtures.scores(8, 8, 8)), firstApplication ? later : earlier);
        }
        String me = jury(jurors.get(0));

        JsonNode onFirst = api().get(API + "/applications/" + first.id() + "/reviews", me).json().get("reviews");
        JsonNode onSecond = api().get(API + "/applications/" + second.id() + "/reviews", me).json().get("reviews");

        assertThat(onFirst.get(1).get("juror").asString()).isEqualTo("Juror 1");
        assertThat(onFirst.get(1).get("total").asDouble()).isEqualTo(2.0);
        assertThat(onFirst.get(2).get("juror").asString()).isEqualTo("Juror 2");
        assertThat(onFirst.get(2).get("total").asDouble()).isEqualTo(8.0);
        assertThat(onSecond.get(1).get("juror").asString()).isEqualTo("Juror 1");
        assertThat(onSecond.get(1).get("total").asDouble()).isEqualTo(8.0);
        assertThat(onSecond.get(2).get("juror").asString()).isEqualTo("Juror 2");
        assertThat(onSecond.get(2).get("total").asDouble()).isEqualTo(2.0);
    }

    private void submittedAt(JuryReview review, Instant at) {
        mongo.updateFirst(query(where("id").is(review.id())), new Update().set("submittedAt", at), JuryReview.class);
    }

    @Test
    void a_withdrawn_application_leaves_its_jurors_lists_and_can_no_longer_be_scored_or_discussed() {
        Category category = category(Phase.EVALUATION, new CategorySettings(3, true, true, true, 2));
        List<String> jurors = fixtures.jurors(2);
        Application kept = fixtures.application(category, "Maintenue");
        Application withdrawn = fixtures.application(category, "Retirée");
        fixtures.review(category, Round.PRESELECTION, kept, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        fixtures.review(category, Round.PRESELECTION, withdrawn, jurors.get(0), ReviewStatus.SUBMITTED, JuryFixtures.scores(5, 5, 5));
        fixtures.review(category, Round.PRESELECTION, withdrawn, jurors.get(1), ReviewStatus.SUBMITTED, JuryFixtures.scores(9, 9, 9));
        mongo.updateFirst(query(where("id").is(withdrawn.id())), new Update().set("status", ApplicationStatus.WITHDRAWN)
                .set("withdrawnAt", Instant.now()).unset("claimKey"), Application.class);
        String me = jury(jurors.get(0));

        JsonNode mine = api().get(API + "/reviews/mine", me).json();

        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("application").get("id").asString()).isEqualTo(kept.id());
        String path = API + "/applications/" + withdrawn.id();
        assertThat(api().put(path + "/reviews/mine", me, SHEET).status()).isEqualTo(404);
        ServiceApi.Response others = api().get(path + "/reviews", me);
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body()).doesNotContain("9.0");
        assertThat(api().postJson(path + "/conflict", me, "{\"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(api().get(path + "/reviews", organizer).status()).isEqualTo(200);
    }

    @Test
    void final_scores_cannot_change_once_the_editions_results_are_published() {
        Category category = category(Phase.FINAL, CategorySettings.DEFAULT);
        List<String> jurors = fixtures.jurors(1);
        Application finalist = fixtures.application(category, "Finaliste");
        fixtures.preselect(finalist);
        fixtures.review(category, Round.FINAL, finalist, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        assertThat(score(finalist, jurors.get(0), SHEET).status()).isEqualTo(200);
        mongo.insert(new PublishedResults(category.editionId(), -1, 2026, false, List.of(), null, "organizer", "Organisateur",
                Instant.now(), List.of(), null));

        ServiceApi.Response late = api().put(API + "/applications/" + finalist.id() + "/reviews/mine", jury(jurors.get(0)),
                SHEET.replace("\"score\": 6", "\"score\": 10"), "Accept-Language", "en");

        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("published");
        JuryReview review = mongo.findById(JuryReview.idOf(Round.FINAL, finalist.id(), TestIssuer.subjectOf(jurors.get(0))),
                JuryReview.class);
        assertThat(review.scores().get("team").score()).isEqualTo(6.0);
    }

    @Test
    void only_jurors_use_the_jury_endpoints_and_their_filters_are_checked() {
        Category category = category(Phase.EVALUATION, CategorySettings.DEFAULT);
        List<String> jurors = fixtures.jurors(1);
        Application application = fixtures.application(category, "Accès");
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        for (String role : List.of("participant", "coach", "coordinator")) {
            String token = ISSUER.token(jurors.get(0), "ML", role);
            assertThat(api().get(API + "/reviews/mine", token).status()).as(role).isEqualTo(403);
            assertThat(api().put(API + "/applications/" + application.id() + "/reviews/mine", token, SHEET).status())
                    .as(role).isEqualTo(403);
            assertThat(api().postJson(API + "/applications/" + application.id() + "/conflict", token, "{\"reason\": \"x\"}")
                    .status()).as(role).isEqualTo(403);
            assertThat(api().get(API + "/applications/" + application.id() + "/reviews", token).status()).as(role).isEqualTo(403);
        }
        assertThat(api().get(API + "/reviews/mine", organizer).status()).isEqualTo(403);
        assertThat(api().get(API + "/reviews/mine", null).status()).isEqualTo(401);
        String me = jury(jurors.get(0));
        assertRejected(api().get(API + "/reviews/mine?status=REMOVED", me), "status");
        assertRejected(api().get(API + "/reviews/mine?status=LOST", me), "status");
        assertRejected(api().get(API + "/reviews/mine?round=SEMI", me), "round");
        assertRejected(api().get(API + "/reviews/mine?categoryId=" + "x".repeat(65), me), "categoryId");
        assertThat(api().get(API + "/reviews/mine?round=FINAL", me).json().size()).isZero();
    }
}
