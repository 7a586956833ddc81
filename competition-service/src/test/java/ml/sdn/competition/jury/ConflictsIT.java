package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.events.competition.JurorAssigned;
import ml.sdn.events.competition.JurorUnassigned;
import ml.sdn.platform.security.Caller;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A juror declares a conflict of interest: the application goes to another juror, for good. */
class ConflictsIT extends JuryIT {

    private final String organizer = ISSUER.token("organizer-conflicts", "ML", "organizer");

    private Category category(Phase phase) {
        Edition edition = fixtures.competition().edition();
        return fixtures.competition().category(edition, CategoryCode.PROJECT_CONTEST, phase);
    }

    private List<JuryReview> active(Category category) {
        return mongo.find(query(where("categoryId").is(category.id()).and("status").in(ReviewStatus.ASSIGNED, ReviewStatus.SUBMITTED)),
                JuryReview.class);
    }

    private void nameJury(Category category, List<String> usernames) {
        String body = usernames.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(", ", "{\"usernames\": [", "]}"));
        assertThat(api().put(API + "/categories/" + category.id() + "/jurors", organizer, body).status()).isEqualTo(200);
    }

    @Test
    void a_declared_conflict_hands_the_application_to_another_juror_keeps_loads_balanced_and_is_never_undone() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(4);
        List<Application> applications = IntStream.range(0, 4).mapToObj(i -> fixtures.application(category, "Projet " + i)).toList();
        nameJury(category, jurors);
        assertThat(api().post(API + "/categories/" + category.id() + "/assignments", organizer).json().get("added").asInt())
                .isEqualTo(12);
        Application questioned = applications.get(0);
        String declarer = active(category).stream().filter(r -> r.applicationId().equals(questioned.id()))
                .map(JuryReview::jurorId).sorted().findFirst().orElseThrow();
        String username = jurors.stream().filter(u -> TestIssuer.subjectOf(u).equals(declarer)).findFirst().orElseThrow();
        String token = ISSUER.token(username, "ML", "jury");

        ServiceApi.Response declared = api().postJson(API + "/applications/" + questioned.id() + "/conflict", token,
                "{\"reason\": \"J'ai conseillé cette équipe l'an dernier\"}");

        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(declared.json().get("status").asString()).isEqualTo("CONFLICTED");
        assertThat(declared.json().get("round").asString()).isEqualTo("PRESELECTION");
        List<JuryReview> after = active(category);
        List<String> onQuestioned = after.stream().filter(r -> r.applicationId().equals(questioned.id())).map(JuryReview::jurorId).toList();
        assertThat(onQuestioned).hasSize(3).doesNotContain(declarer);
        Map<String, Long> loads = after.stream().collect(Collectors.groupingBy(JuryReview::jurorId, Collectors.counting()));
        assertThat(loads).hasSize(4);
        assertThat(loads.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - loads.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(1);
        JuryReview conflicted = mongo.findById(JuryReview.idOf(Round.PRESELECTION, questioned.id(), declarer), JuryReview.class);
        assertThat(conflicted.status()).isEqualTo(ReviewStatus.CONFLICTED);
        assertThat(conflicted.endReason()).isEqualTo("J'ai conseillé cette équipe l'an dernier");

        // the juror no longer sees it, and nothing brings them back to it
        ServiceApi.Response mine = api().get(API + "/reviews/mine", token);
        assertThat(mine.body()).doesNotContain(questioned.id()).doesNotContain("conseillé");
        assertThat(api().put(API + "/applications/" + questioned.id() + "/reviews/mine", token, """
                {"scores": {"impact": {"score": 5, "comment": "a"}, "innovation": {"score": 5, "comment": "b"},
                            "team": {"score": 5, "comment": "c"}}}""").status()).isEqualTo(404);
        assertThat(api().postJson(API + "/applications/" + questioned.id() + "/conflict", token, "{\"reason\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(api().post(API + "/categories/" + category.id() + "/assignments", organizer).json().get("added").asInt()).isZero();
        assertThat(api().postJson(API + "/categories/" + category.id() + "/assignments/manual", organizer, """
                {"applicationId": "%s", "username": "%s", "reason": "Retour"}""".formatted(questioned.id(), username))
                .status()).isEqualTo(409);

        juryEvents.await(JurorUnassigned.TYPE.type(), questioned.id(),
                p -> p.get("jurorId").asString().equals(declarer) && p.get("reason").asString().equals("CONFLICT"), 1);
        String replacement = onQuestioned.stream().filter(id -> !id.equals(declarer)).filter(id ->
                mongo.findById(JuryReview.idOf(Round.PRESELECTION, questioned.id(), id), JuryReview.class).assignedBy() == null)
                .findFirst().orElseThrow();
        juryEvents.await(JurorAssigned.TYPE.type(), questioned.id(), p -> p.get("jurorId").asString().equals(replacement), 1);

        JsonNode audited = api().get(API + "/audit?subjectId=" + questioned.id() + "&action=CONFLICT_DECLARED", organizer)
                .json().get("content").get(0);
        assertThat(audited.get("reason").asString()).isEqualTo("J'ai conseillé cette équipe l'an dernier");
        assertThat(audited.get("actorId").asString()).isEqualTo(declarer);
        assertThat(audited.get("details").get("replacedBy").asString()).isNotBlank();
        JsonNode organizerView = api().get(API + "/applications/" + questioned.id() + "/reviews", organizer).json().get("reviews");
        boolean reasonShown = false;
        for (JsonNode line : organizerView) {
            if ("CONFLICTED".equals(line.get("status").asString())) {
                reasonShown = line.get("endReason").asString().contains("conseillé");
            }
        }
        assertThat(reasonShown).isTrue();
    }

    @Test
    void a_conflict_needs_a_reason_an_assignment_and_the_rounds_phase() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(1);
        Application application = fixtures.application(category, "Raison");
        fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.ASSIGNED, Map.of());
        String token = ISSUER.token(jurors.get(0), "ML", "jury");
        String path = API + "/applications/" + application.id() + "/conflict";

        ServiceApi.Response noReason = api().postJson(path, token, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api().postJson(path, token, "{\"reason\": \"" + "x".repeat(1001) + "\"}").status()).isEqualTo(400);
        assertThat(api().postJson(path, ISSUER.token("other-" + jurors.get(0), "ML", "jury"), "{\"reason\": \"x\"}").status())
                .isEqualTo(404);

        Category over = category(Phase.PRESELECTION);
        Application late = fixtures.application(over, "Tard");
        fixtures.review(over, Round.PRESELECTION, late, jurors.get(0), ReviewStatus.SUBMITTED, JuryFixtures.scores(5, 5, 5));
        assertThat(api().postJson(API + "/applications/" + late.id() + "/conflict", token, "{\"reason\": \"x\"}").status())
                .isEqualTo(409);
    }

    @Autowired
    Reviews reviews;

    @Autowired
    JuryStates states;

    @Autowired
    CategoryLocks locks;

    @Autowired
    AuditTrail audit;

    @Autowired
    ObjectProvider<Clock> clock;

    /** The store as a juror leaves it who scores a review just as the service moves it to rebalance loads. */
    static final class ScoredJustBeforeTheMove extends ReviewWrites {

        private final MongoTemplate mongo;
        private final List<String> scored = new ArrayList<>();

        ScoredJustBeforeTheMove(MongoTemplate mongo) {
            super(mongo);
            this.mongo = mongo;
        }

        @Override
        JuryReview end(JuryReview review, ReviewStatus to, String endReason, EndKind kind, String unassignedReason,
                       Collection<ReviewStatus> from, boolean automaticOnly, Instant now) {
            if (to == ReviewStatus.REMOVED) {
                mongo.updateFirst(query(where("id").is(review.id())), new Update().set("status", ReviewStatus.SUBMITTED)
                        .set("scores", JuryFixtures.scores(6, 6, 6)).set("submittedAt", now), JuryReview.class);
                scored.add(review.applicationId());
            }
            return super.end(review, to, endReason, kind, unassignedReason, from, automaticOnly, now);
        }
    }

    @Test
    void a_review_scored_while_it_was_being_moved_stays_and_its_application_gets_no_extra_juror() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(4);
        IntStream.range(0, 4).forEach(i -> fixtures.application(category, "Course " + i));
        nameJury(category, jurors);
        assertThat(api().post(API + "/categories/" + category.id() + "/assignments", organizer).json().get("added").asInt())
                .isEqualTo(12);
        JuryReview questioned = active(category).stream().min(java.util.Comparator.comparing(JuryReview::id)).orElseThrow();
        String username = jurors.stream().filter(u -> TestIssuer.subjectOf(u).equals(questioned.jurorId())).findFirst().orElseThrow();
        ScoredJustBeforeTheMove racing = new ScoredJustBeforeTheMove(mongo);
        Conflicts conflicts = new Conflicts(reviews, states, racing, locks, audit, clock);

        conflicts.declare(new Caller(questioned.jurorId(), username, null, "Juré", Set.of("jury"), "ML"),
                questioned.applicationId(), "Ancien associé");

        assertThat(racing.scored).as("a review was moved to rebalance loads").isNotEmpty();
        Map<String, Long> jurorsPerApplication = active(category).stream()
                .collect(Collectors.groupingBy(JuryReview::applicationId, Collectors.counting()));
        assertThat(jurorsPerApplication).hasSize(4).allSatisfy((application, count) -> assertThat(count).as(application).isEqualTo(3));
        for (String application : racing.scored) {
            assertThat(active(category).stream().filter(r -> r.applicationId().equals(application))
                    .filter(r -> r.status() == ReviewStatus.SUBMITTED)).hasSize(1);
        }
    }
}
