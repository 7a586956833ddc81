package ml.sdn.competition.selection;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.ServiceIT;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditEntry;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.jury.Round;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.events.competition.ApplicationNotPreselected;
import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A category's preselection, confirmed once by an organizer, with its outcomes, events and audit. */
class PreselectionIT extends ServiceIT {

    private static final String CATEGORIES = "/api/competitions/categories/";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Preselections preselections;

    private CompetitionFixtures fixtures;
    private SelectionData data;
    private final String organizerName = "organizer-preselection";
    private final String organizer = ISSUER.token(organizerName, "ML", "organizer");

    @BeforeEach
    void setUp() {
        fixtures = new CompetitionFixtures(mongo);
        data = new SelectionData(mongo);
    }

    /**
     * Three submitted applications ranked A, B, C by two jurors (A 8/7, B 6/6, C 4/5), preselectCount 2.
     * A is a women-led start-up from BF; B a start-up from ML; C a holder applying alone (a woman, NE).
     */
    private record Scenario(Category category, Application a, Application b, Application c, RegisteredOrganization orgA) {
        String path() {
            return CATEGORIES + category.id() + "/preselection";
        }
    }

    private Scenario scenario(Phase openNow) {
        Edition edition = fixtures.edition();
        Category category = fixtures.category(edition, CategoryCode.START_UP_CHALLENGE, openNow);
        String suffix = UUID.randomUUID().toString();
        fixtures.participant("awa-" + suffix, "BF", "Awa Ouédraogo", "FEMALE");
        fixtures.participant("issa-" + suffix, "ML", "Issa Keïta", "MALE");
        fixtures.participant("mariam-" + suffix, "NE", "Mariam Issoufou", "FEMALE");
        RegisteredOrganization orgA = fixtures.organization("Faso Agritech", "START_UP", "BF", true, "awa-" + suffix);
        RegisteredOrganization orgB = fixtures.organization("Bamako Data", "START_UP", "ML", false, "issa-" + suffix);
        Application a = fixtures.submittedApplication(category, "awa-" + suffix, orgA.id(), "BF", "Irrigation connectée");
        Application b = fixtures.submittedApplication(category, "issa-" + suffix, orgB.id(), "ML", "Cartes de santé");
        Application c = fixtures.submittedApplication(category, "mariam-" + suffix, null, "NE", "Tontine mobile");
        data.review(category, Round.PRESELECTION, a, "j1-" + suffix, 8);
        data.review(category, Round.PRESELECTION, b, "j1-" + suffix, 6);
        data.review(category, Round.PRESELECTION, c, "j1-" + suffix, 4);
        data.review(category, Round.PRESELECTION, a, "j2-" + suffix, 7);
        data.review(category, Round.PRESELECTION, b, "j2-" + suffix, 6);
        data.review(category, Round.PRESELECTION, c, "j2-" + suffix, 5);
        return new Scenario(category, a, b, c, orgA);
    }

    private static List<String> ids(JsonNode lines) {
        List<String> ids = new ArrayList<>();
        lines.forEach(line -> ids.add(line.get("applicationId").asString()));
        return ids;
    }

    private static List<String> fields(ServiceApi.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    /** The selection's audit lines of the category (not the phase announcements the background job may add at any time). */
    private List<AuditEntry> audit(Category category) {
        return mongo.find(query(where("categoryId").is(category.id()).and("action").ne(AuditAction.PHASE_CHANGED)),
                AuditEntry.class);
    }

    @Test
    void by_default_the_rankings_top_n_is_preselected_and_everyone_hears_the_outcome() {
        Scenario s = scenario(Phase.PRESELECTION);

        ServiceApi.Response response = api().post(s.path(), organizer);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith(s.path());
        JsonNode decision = response.json();
        assertThat(ids(decision.get("preselected"))).containsExactly(s.a().id(), s.b().id());
        assertThat(ids(decision.get("notPreselected"))).containsExactly(s.c().id());
        assertThat(decision.get("override").asBoolean()).isFalse();
        assertThat(decision.get("complete").asBoolean()).isTrue();
        assertThat(decision.get("decidedBy").get("id").asString()).isEqualTo(TestIssuer.subjectOf(organizerName));
        assertThat(decision.get("preselected").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(decision.get("preselected").get(0).get("title").asString()).isEqualTo("Irrigation connectée");

        Application a = data.application(s.a().id());
        assertThat(a.selection().status()).isEqualTo(Application.SelectionStatus.PRESELECTED);
        assertThat(a.selection().rank()).isEqualTo(1);
        assertThat(a.selection().overrideReason()).isNull();
        assertThat(data.application(s.b().id()).selection().rank()).isEqualTo(2);
        Application c = data.application(s.c().id());
        assertThat(c.selection().status()).isEqualTo(Application.SelectionStatus.NOT_PRESELECTED);
        assertThat(c.selection().rank()).isEqualTo(3);
        // the applicant's part is untouched
        assertThat(a.content()).isEqualTo(s.a().content());
        assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);

        // incubation enrols from this event alone
        JsonNode preselected = CompetitionEvents.one(broker.getBrokersAsString(), s.a().id(), ApplicationPreselected.TYPE.type());
        assertThat(preselected.get("organizationName").asString()).isEqualTo("Faso Agritech");
        assertThat(preselected.get("womenLed").asBoolean()).isTrue();
        assertThat(preselected.get("country").asString()).isEqualTo("BF");
        assertThat(preselected.get("title").asString()).isEqualTo("Irrigation connectée");
        assertThat(preselected.get("categoryCode").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(preselected.get("reference").asString()).isEqualTo(s.a().reference());
        assertThat(preselected.get("rank").asInt()).isEqualTo(1);
        assertThat(preselected.get("overrideReason").isNull()).isTrue();
        JsonNode notPreselected = CompetitionEvents.one(broker.getBrokersAsString(), s.c().id(),
                ApplicationNotPreselected.TYPE.type());
        assertThat(notPreselected.get("applicantId").asString()).isEqualTo(s.c().applicantId());
        assertThat(notPreselected.get("categoryId").asString()).isEqualTo(s.category().id());

        List<AuditEntry> audit = audit(s.category());
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.PRESELECTION_CONFIRMED);
            assertThat(entry.actorId()).isEqualTo(TestIssuer.subjectOf(organizerName));
            assertThat(entry.details()).containsEntry("preselected", s.a().reference() + ", " + s.b().reference());
        });

        ServiceApi.Response read = api().get(s.path(), organizer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(ids(read.json().get("preselected"))).containsExactly(s.a().id(), s.b().id());
    }

    @Test
    void an_override_needs_a_written_reason_which_is_audited_with_what_it_replaced() {
        Scenario s = scenario(Phase.PRESELECTION);
        String choice = "{\"applicationIds\": [\"%s\", \"%s\"]}".formatted(s.a().id(), s.c().id());

        ServiceApi.Response withoutReason = api().postJson(s.path(), organizer, choice);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(fields(withoutReason)).containsExactly("overrideReason");
        assertThat(withoutReason.json().get("errors").get(0).get("message").asString()).contains("2 premières");
        ServiceApi.Response blankReason = api().postJson(s.path(), organizer,
                "{\"applicationIds\": [\"%s\", \"%s\"], \"overrideReason\": \"   \"}".formatted(s.a().id(), s.c().id()));
        assertThat(fields(blankReason)).containsExactly("overrideReason");
        assertThat(data.application(s.a().id()).selection()).isNull();

        String reason = "Projet porté par une femme du Niger, jugé prioritaire par le comité";
        ServiceApi.Response response = api().postJson(s.path(), organizer,
                "{\"applicationIds\": [\"%s\", \"%s\"], \"overrideReason\": \"%s\"}".formatted(s.c().id(), s.a().id(), reason));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode decision = response.json();
        assertThat(decision.get("override").asBoolean()).isTrue();
        assertThat(decision.get("overrideReason").asString()).isEqualTo(reason);
        assertThat(ids(decision.get("preselected"))).containsExactly(s.a().id(), s.c().id());
        assertThat(ids(decision.get("replaced"))).containsExactly(s.b().id());
        assertThat(ids(decision.get("added"))).containsExactly(s.c().id());

        assertThat(data.application(s.c().id()).selection().status()).isEqualTo(Application.SelectionStatus.PRESELECTED);
        assertThat(data.application(s.c().id()).selection().overrideReason()).isEqualTo(reason);
        assertThat(data.application(s.b().id()).selection().status()).isEqualTo(Application.SelectionStatus.NOT_PRESELECTED);
        assertThat(data.application(s.b().id()).selection().overrideReason()).isEqualTo(reason);
        assertThat(data.application(s.a().id()).selection().overrideReason()).isNull();

        // a holder alone: announced under her own name, women-led because she is a woman
        JsonNode c = CompetitionEvents.one(broker.getBrokersAsString(), s.c().id(), ApplicationPreselected.TYPE.type());
        assertThat(c.get("organizationId").isNull()).isTrue();
        assertThat(c.get("organizationName").asString()).isEqualTo("Mariam Issoufou");
        assertThat(c.get("womenLed").asBoolean()).isTrue();
        assertThat(c.get("rank").asInt()).isEqualTo(3);
        assertThat(c.get("overrideReason").asString()).isEqualTo(reason);
        CompetitionEvents.one(broker.getBrokersAsString(), s.b().id(), ApplicationNotPreselected.TYPE.type());

        assertThat(audit(s.category())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.PRESELECTION_OVERRIDDEN);
            assertThat(entry.reason()).isEqualTo(reason);
            assertThat(entry.details()).containsEntry("replaced", s.b().reference())
                    .containsEntry("added", s.c().reference())
                    .containsEntry("rankingTop", s.a().reference() + ", " + s.b().reference());
        });
    }

    @Test
    void another_number_than_the_categorys_count_is_an_override_too() {
        Scenario s = scenario(Phase.PRESELECTION);

        ServiceApi.Response response = api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\"]}".formatted(s.a().id()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("overrideReason");
        ServiceApi.Response all = api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \"%s\", \"%s\"]}"
                .formatted(s.a().id(), s.b().id(), s.c().id()));
        assertThat(fields(all)).containsExactly("overrideReason");
    }

    @Test
    void the_preselection_is_confirmed_once_even_when_two_organizers_click_together() {
        Scenario s = scenario(Phase.PRESELECTION);
        String other = ISSUER.token("organizer-preselection-2", "NE", "organizer");

        CompletableFuture<ServiceApi.Response> first = CompletableFuture.supplyAsync(() -> api().post(s.path(), organizer));
        CompletableFuture<ServiceApi.Response> second = CompletableFuture.supplyAsync(() -> api().post(s.path(), other));
        List<Integer> statuses = List.of(first.join().status(), second.join().status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        ServiceApi.Response again = api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \"%s\"], \"overrideReason\": \"x\"}"
                .formatted(s.a().id(), s.c().id()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("déjà été confirmée");
        assertThat(audit(s.category())).hasSize(1);
        assertThat(data.application(s.c().id()).selection().status()).isEqualTo(Application.SelectionStatus.NOT_PRESELECTED);
    }

    @Test
    void outside_the_preselection_phase_the_confirmation_is_refused_naming_the_phase() {
        Scenario evaluating = scenario(Phase.EVALUATION);
        ServiceApi.Response early = api().post(evaluating.path(), organizer);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.json().get("detail").asString()).contains("« Présélection »", "« Évaluation »").doesNotContain("PRESELECTION", "EVALUATION");

        Scenario incubating = scenario(Phase.INCUBATION);
        ServiceApi.Response late = api().post(incubating.path(), organizer, "Accept-Language", "en");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).isEqualTo(
                "The preselection is confirmed during the \"Preselection\" phase (current phase: \"Incubation\").");
        assertThat(data.application(incubating.a().id()).selection()).isNull();
    }

    @Test
    void chosen_ids_must_be_submitted_applications_of_the_category_named_by_position() {
        Scenario s = scenario(Phase.PRESELECTION);
        Scenario elsewhere = scenario(Phase.PRESELECTION);
        mongo.updateFirst(query(where("id").is(s.b().id())), new Update().set("status", ApplicationStatus.WITHDRAWN), Application.class);

        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \"no-such-id\"], \"overrideReason\": \"r\"}"
                .formatted(s.a().id())), "applicationIds[1]");
        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \"%s\"], \"overrideReason\": \"r\"}"
                .formatted(s.a().id(), elsewhere.a().id())), "applicationIds[1]");
        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \"%s\"], \"overrideReason\": \"r\"}"
                .formatted(s.b().id(), s.a().id())), "applicationIds[0]");
        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \"%s\"], \"overrideReason\": \"r\"}"
                .formatted(s.a().id(), s.a().id())), "applicationIds[1]");
        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": [], \"overrideReason\": \"r\"}"), "applicationIds");
        // every fault in one answer: each wrong id by its position, and the reason the choice then needs
        ServiceApi.Response everything = api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \"no-such-id\", \"%s\"]}"
                .formatted(s.a().id(), s.a().id()));
        assertThat(everything.status()).as(everything.body()).isEqualTo(400);
        assertThat(fields(everything)).containsExactlyInAnyOrder("applicationIds[1]", "applicationIds[2]", "overrideReason");
        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\", \" \"], \"overrideReason\": \"r\"}"
                .formatted(s.a().id())), "applicationIds[1]");
        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": [\"%s\"], \"overrideReason\": \"r\"}"
                .formatted("x".repeat(65))), "applicationIds[0]");
        assertRejected(api().postJson(s.path(), organizer, "{\"overrideReason\": \"%s\"}".formatted("r".repeat(2001))),
                "overrideReason");
        assertRejected(api().postJson(s.path(), organizer, "{\"applicationIds\": \"%s\"}".formatted(s.a().id())),
                "applicationIds");
        ServiceApi.Response malformed = api().postJson(s.path(), organizer, "{\"applicationIds\": [");
        assertThat(malformed.status()).isEqualTo(400);

        assertThat(data.application(s.a().id()).selection()).isNull();
        assertThat(audit(s.category())).isEmpty();
    }

    private static void assertRejected(ServiceApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    @Test
    void with_nothing_ranked_the_organizer_must_choose_and_explain() {
        Edition edition = fixtures.edition();
        Category category = fixtures.category(edition, CategoryCode.PROJECT_CONTEST, Phase.PRESELECTION);
        Application lone = fixtures.submittedApplication(category, "lone-" + UUID.randomUUID(), null, "ML", "Seul projet");
        String path = CATEGORIES + category.id() + "/preselection";

        ServiceApi.Response byDefault = api().post(path, organizer);
        assertThat(byDefault.status()).isEqualTo(409);
        assertThat(byDefault.json().get("detail").asString()).contains("applicationIds", "overrideReason");

        ServiceApi.Response withoutReason = api().postJson(path, organizer, "{\"applicationIds\": [\"%s\"]}".formatted(lone.id()));
        assertThat(fields(withoutReason)).containsExactly("overrideReason");
        assertThat(withoutReason.json().get("errors").get(0).get("message").asString()).contains("Seules 0");

        ServiceApi.Response chosen = api().postJson(path, organizer,
                "{\"applicationIds\": [\"%s\"], \"overrideReason\": \"Le jury n''a pas pu siéger\"}".formatted(lone.id()));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        assertThat(data.application(lone.id()).selection().rank()).isNull();
    }

    @Test
    void a_confirmation_cut_short_is_finished_by_the_next_attempt_without_a_second_outcome_or_event() {
        Scenario s = scenario(Phase.PRESELECTION);
        // the service stopped after recording the decision and A's outcome, before B's and C's
        PreselectionDecision decision = cutShort(s, Instant.now());

        ServiceApi.Response retry = api().post(s.path(), organizer);

        assertThat(retry.status()).isEqualTo(409);
        assertOutcomesAndOneEventEach(s);
        assertThat(mongo.findById(decision.id(), PreselectionDecision.class).completedAt()).isNotNull();
        assertThat(audit(s.category())).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo(AuditAction.PRESELECTION_CONFIRMED));
        assertThat(api().get(s.path(), organizer).json().get("complete").asBoolean()).isTrue();
    }

    @Test
    void a_confirmation_cut_short_is_finished_by_the_scheduled_completion_and_finishing_twice_changes_nothing() {
        Scenario s = scenario(Phase.PRESELECTION);
        // decided now, so the job that runs on its own (for decisions older than 2 minutes) leaves it to this test
        PreselectionDecision decision = cutShort(s, Instant.now());
        assertThat(api().get(s.path(), organizer).json().get("complete").asBoolean()).isFalse();

        assertThat(preselections.completeUnfinished(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        preselections.complete(mongo.findById(decision.id(), PreselectionDecision.class));

        assertOutcomesAndOneEventEach(s);
        assertThat(audit(s.category())).hasSize(1);
    }

    /** What a crash half-way leaves: the decision (default top 2) and A's outcome only. */
    private PreselectionDecision cutShort(Scenario s, Instant decidedAt) {
        String organizerId = TestIssuer.subjectOf(organizerName);
        PreselectionDecision decision = mongo.insert(new PreselectionDecision(s.category().id(), s.category().editionId(),
                s.category().code(), 2, List.of(s.a().id(), s.b().id()), List.of(s.a().id(), s.b().id()), false, null,
                List.of(new PreselectionDecision.Standing(s.a().id(), s.a().reference(), 1, 7.58),
                        new PreselectionDecision.Standing(s.b().id(), s.b().reference(), 2, 6.0),
                        new PreselectionDecision.Standing(s.c().id(), s.c().reference(), 3, 4.42)),
                organizerId, "Organizer", decidedAt, null));
        preselections.complete(new PreselectionDecision(decision.id(), decision.editionId(), decision.categoryCode(), 2,
                decision.chosen(), decision.rankingTop(), false, null, decision.standings().subList(0, 1), organizerId,
                "Organizer", decidedAt, null));
        mongo.updateFirst(query(where("id").is(decision.id())), new Update().unset("completedAt"), PreselectionDecision.class);
        assertThat(data.application(s.a().id()).selection()).isNotNull();
        assertThat(data.application(s.b().id()).selection()).isNull();
        return decision;
    }

    private void assertOutcomesAndOneEventEach(Scenario s) {
        assertThat(data.application(s.a().id()).selection().status()).isEqualTo(Application.SelectionStatus.PRESELECTED);
        assertThat(data.application(s.b().id()).selection().status()).isEqualTo(Application.SelectionStatus.PRESELECTED);
        assertThat(data.application(s.c().id()).selection().status()).isEqualTo(Application.SelectionStatus.NOT_PRESELECTED);
        // every pending event has reached the broker: what is there is all there will be
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(s.a(), s.b(), s.c()).stream()
                .allMatch(app -> data.application(app.id()).outbox().isEmpty()));
        String brokers = broker.getBrokersAsString();
        CompetitionEvents.await(brokers, s.b().id(), ApplicationPreselected.TYPE.type(), 1);
        CompetitionEvents.await(brokers, s.c().id(), ApplicationNotPreselected.TYPE.type(), 1);
        assertThat(CompetitionEvents.seen(brokers, s.a().id(), ApplicationPreselected.TYPE.type())).hasSize(1);
        assertThat(CompetitionEvents.seen(brokers, s.b().id(), ApplicationPreselected.TYPE.type())).hasSize(1);
        assertThat(CompetitionEvents.seen(brokers, s.c().id(), ApplicationNotPreselected.TYPE.type())).hasSize(1);
        assertThat(CompetitionEvents.seen(brokers, s.c().id(), ApplicationPreselected.TYPE.type())).isEmpty();
    }

    @Test
    void the_preselection_is_for_organizers_only_and_an_unknown_category_is_a_404() {
        Scenario s = scenario(Phase.PRESELECTION);
        for (String token : List.of(ISSUER.token("juror-preselection", "ML", "jury"),
                ISSUER.tokenWithDelegation("coordinator-preselection", "BF", "BF", "coordinator"),
                ISSUER.token("participant-preselection", "BF", "participant"))) {
            assertThat(api().post(s.path(), token).status()).isEqualTo(403);
            assertThat(api().get(s.path(), token).status()).isEqualTo(403);
        }
        assertThat(api().post(s.path(), null).status()).isEqualTo(401);
        assertThat(data.application(s.a().id()).selection()).isNull();

        assertThat(api().get(s.path(), organizer).status()).isEqualTo(404);
        assertThat(api().post(CATEGORIES + "no-such-category/preselection", organizer).status()).isEqualTo(404);
        assertThat(api().get(CATEGORIES + "no-such-category/preselection", organizer).status()).isEqualTo(404);
    }
}
