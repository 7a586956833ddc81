package ml.sdn.incubation.milestones;

import ml.sdn.events.Topics;
import ml.sdn.events.incubation.MilestoneSentBack;
import ml.sdn.events.incubation.MilestoneSubmitted;
import ml.sdn.events.incubation.MilestoneValidated;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.sessions.CoachingIT;
import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Milestones: the incubatee starts and submits, the coach validates or sends back; every step in the history. */
class MilestonesIT extends CoachingIT {

    private static final String EVIDENCE = """
            {"evidenceUrl": "https://drive.example.org/business-model.pdf", "comment": "Validé avec 3 clients"}
            """;

    private static String milestone(Incubation incubation, String code) {
        return API + "/milestones/" + incubation.id() + ":" + code;
    }

    private static JsonNode ok(ServiceApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_incubatee_and_their_coach_read_the_milestones_earliest_due_first_each_with_what_they_may_do() {
        Incubation incubation = incubationWithMilestones(40);
        String list = API + "/incubatees/" + incubation.id() + "/milestones";

        JsonNode own = ok(api().get(list, incubation.participant().token()));
        JsonNode coached = ok(api().get(list, incubation.coach().token()));

        assertThat(own.findValuesAsString("code")).containsExactly("business-model", "mvp", "pitch-deck");
        JsonNode first = own.get(0);
        assertThat(first.get("id").asString()).isEqualTo(incubation.id() + ":business-model");
        assertThat(first.get("title").asString()).isEqualTo("Modèle économique validé");
        assertThat(first.get("dueDate").asString())
                .isEqualTo(LocalDate.parse(incubation.cohort().startDate()).plusDays(30).toString());
        assertThat(first.get("status").asString()).isEqualTo("TODO");
        assertThat(first.get("overdue").asBoolean()).as("due 10 days ago").isTrue();
        assertThat(own.get(1).get("overdue").asBoolean()).isFalse();
        assertThat(first.get("custom").asBoolean()).isFalse();
        assertThat(first.get("history").isEmpty()).isTrue();
        assertThat(first.get("allowedActions").toString()).isEqualTo("[\"START\",\"SUBMIT\"]");
        assertThat(coached.get(0).get("allowedActions").isEmpty()).isTrue();
        assertThat(ok(api().get(list, organizer().token())).size()).isEqualTo(3);
        assertThat(ok(api().get(milestone(incubation, "mvp"), incubation.participant().token())).get("code").asString())
                .isEqualTo("mvp");
    }

    @Test
    void a_milestone_is_started_submitted_and_validated_with_each_step_in_its_history_and_events_published() {
        Incubation incubation = incubationWithMilestones(40);
        String path = milestone(incubation, "business-model");
        String milestoneId = incubation.id() + ":business-model";

        JsonNode started = ok(api().post(path + "/start", incubation.participant().token()));
        assertThat(started.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("allowedActions").toString()).isEqualTo("[\"SUBMIT\"]");

        JsonNode submitted = ok(api().postJson(path + "/submit", incubation.participant().token(), EVIDENCE));
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("evidenceUrl").asString()).isEqualTo("https://drive.example.org/business-model.pdf");
        assertThat(submitted.get("comment").asString()).isEqualTo("Validé avec 3 clients");
        assertThat(submitted.get("allowedActions").isEmpty()).isTrue();

        JsonNode validated = ok(api().postJson(path + "/validate", incubation.coach().token(), """
                {"comment": "Bravo, solide"}
                """));
        assertThat(validated.get("status").asString()).isEqualTo("VALIDATED");
        assertThat(validated.get("overdue").asBoolean()).isFalse();
        JsonNode history = validated.get("history");
        assertThat(history.findValuesAsString("status")).containsExactly("IN_PROGRESS", "SUBMITTED", "VALIDATED");
        assertThat(history.get(0).get("byId").asString()).isEqualTo(incubation.participant().id());
        assertThat(history.get(1).get("note").asString()).isEqualTo("Validé avec 3 clients");
        assertThat(history.get(2).get("byId").asString()).isEqualTo(incubation.coach().id());
        assertThat(history.get(2).get("byName").asString()).isEqualTo(incubation.coach().username());
        assertThat(history.get(2).get("note").asString()).isEqualTo("Bravo, solide");
        assertThat(history.get(2).get("at").isNull()).isFalse();

        JsonNode submittedEvent = events(Topics.INCUBATION_MILESTONES).await(incubation.id(), MilestoneSubmitted.TYPE.type(),
                event -> milestoneId.equals(event.get("milestoneId").asString()));
        assertThat(submittedEvent.get("participantId").asString()).isEqualTo(incubation.participant().id());
        assertThat(submittedEvent.get("coachId").asString()).isEqualTo(incubation.coach().id());
        assertThat(submittedEvent.get("title").asString()).isEqualTo("Modèle économique validé");
        JsonNode validatedEvent = events(Topics.INCUBATION_MILESTONES).await(incubation.id(), MilestoneValidated.TYPE.type(),
                event -> milestoneId.equals(event.get("milestoneId").asString()));
        assertThat(validatedEvent.get("validatedAt").isNull()).isFalse();
        JsonNode list = ok(api().get(API + "/incubatees/" + incubation.id() + "/milestones", organizer().token()));
        assertThat(list.get(0).get("status").asString()).isEqualTo("VALIDATED");
    }

    @Test
    void a_submission_sent_back_carries_the_feedback_and_may_be_submitted_again() {
        Incubation incubation = incubationWithMilestones(40);
        String path = milestone(incubation, "mvp");
        String milestoneId = incubation.id() + ":mvp";
        ok(api().postJson(path + "/submit", incubation.participant().token(), EVIDENCE));

        JsonNode sentBack = ok(api().postJson(path + "/reject", organizer().token(), """
                {"feedback": "Il manque les retours des utilisateurs"}
                """));

        assertThat(sentBack.get("status").asString()).isEqualTo("SENT_BACK");
        assertThat(sentBack.get("feedback").asString()).isEqualTo("Il manque les retours des utilisateurs");
        JsonNode event = events(Topics.INCUBATION_MILESTONES).await(incubation.id(), MilestoneSentBack.TYPE.type(),
                sent -> milestoneId.equals(sent.get("milestoneId").asString()));
        assertThat(event.get("feedback").asString()).isEqualTo("Il manque les retours des utilisateurs");
        JsonNode own = ok(api().get(path, incubation.participant().token()));
        assertThat(own.get("allowedActions").toString()).isEqualTo("[\"SUBMIT\"]");

        JsonNode again = ok(api().postJson(path + "/submit", incubation.participant().token(), """
                {"evidenceUrl": "https://drive.example.org/mvp-v2.pdf"}
                """));
        assertThat(again.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(again.get("comment").isNull()).isTrue();
        assertThat(again.get("history").findValuesAsString("status")).containsExactly("SUBMITTED", "SENT_BACK", "SUBMITTED");
        assertThat(ok(api().post(path + "/validate", incubation.coach().token())).get("status").asString()).isEqualTo("VALIDATED");
    }

    @Test
    void a_step_from_the_wrong_state_is_refused_naming_the_state() {
        Incubation incubation = incubationWithMilestones(40);
        String path = milestone(incubation, "pitch-deck");

        ServiceApi.Response early = api().post(path + "/validate", incubation.coach().token(), "Accept-Language", "en");
        assertProblem(early, 409);
        assertThat(early.json().get("detail").asString()).contains("TODO").contains("VALIDATE").contains("SUBMITTED");

        ok(api().post(path + "/start", incubation.participant().token()));
        ServiceApi.Response twice = api().post(path + "/start", incubation.participant().token());
        assertProblem(twice, 409);
        assertThat(twice.json().get("detail").asString()).contains("IN_PROGRESS");

        ok(api().postJson(path + "/submit", incubation.participant().token(), EVIDENCE));
        ok(api().post(path + "/validate", incubation.coach().token()));
        for (ServiceApi.Response after : List.of(
                api().postJson(path + "/submit", incubation.participant().token(), EVIDENCE),
                api().postJson(path + "/reject", incubation.coach().token(), "{\"feedback\": \"trop tard\"}"),
                api().post(path + "/validate", incubation.coach().token()))) {
            assertProblem(after, 409);
            assertThat(after.json().get("detail").asString()).contains("VALIDATED");
        }
    }

    @Test
    void nobody_judges_their_own_work_and_strangers_find_nothing() {
        Incubation incubation = incubationWithMilestones(40);
        String path = milestone(incubation, "business-model");
        String list = API + "/incubatees/" + incubation.id() + "/milestones";
        ok(api().postJson(path + "/submit", incubation.participant().token(), EVIDENCE));
        String otherCoach = person("coach-other", "ML", "coach").token();
        String otherParticipant = person("participant-other", "NE", "participant").token();
        String coordinator = person("coordinator", "NE", "coordinator").token();
        String juror = person("juror", "NE", "jury").token();
        // an incubatee who also holds the coach role still does not judge their own work
        String selfCoach = ISSUER.token(incubation.participant().username(), "NE", "participant", "coach");

        assertProblem(api().post(path + "/validate", incubation.participant().token()), 403);
        assertProblem(api().postJson(path + "/reject", incubation.participant().token(), "{\"feedback\": \"non\"}"), 403);
        assertProblem(api().post(path + "/validate", selfCoach), 403);
        assertProblem(api().post(path + "/start", incubation.coach().token()), 403);
        assertProblem(api().postJson(path + "/submit", organizer().token(), EVIDENCE), 403);

        assertProblem(api().post(path + "/validate", otherCoach), 404);
        assertProblem(api().get(path, otherCoach), 404);
        assertProblem(api().get(list, otherCoach), 404);
        assertProblem(api().postJson(list, otherCoach, "{\"title\": \"x\", \"dueDate\": \"2099-01-01\"}"), 404);
        for (String stranger : List.of(otherParticipant, coordinator, juror)) {
            assertProblem(api().get(path, stranger), 404);
            assertProblem(api().get(list, stranger), 404);
            assertProblem(api().post(path + "/start", stranger), 404);
            assertProblem(api().postJson(path + "/submit", stranger, EVIDENCE), 404);
            assertProblem(api().post(path + "/validate", stranger), 403);
            assertProblem(api().postJson(list, stranger, "{\"title\": \"x\", \"dueDate\": \"2099-01-01\"}"), 403);
        }
        assertProblem(api().post(path + "/validate", null), 401);
        assertProblem(api().get(API + "/milestones/nope", organizer().token()), 404);
        assertThat(mongo.findById(incubation.id() + ":business-model", Milestone.class).status())
                .isEqualTo(Milestone.MilestoneStatus.SUBMITTED);
    }

    @Test
    void a_coach_adds_a_custom_milestone_that_the_incubatee_then_follows() {
        Incubation incubation = incubation(10);
        String list = API + "/incubatees/" + incubation.id() + "/milestones";
        String due = LocalDate.now(BAMAKO).plusDays(21).toString();

        ServiceApi.Response created = api().postJson(list, incubation.coach().token(), """
                {"title": "Premier contrat signé", "description": "Avec la coopérative de Niono", "dueDate": "%s"}
                """.formatted(due));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode custom = created.json();
        assertThat(custom.get("custom").asBoolean()).isTrue();
        assertThat(custom.get("status").asString()).isEqualTo("TODO");
        assertThat(custom.get("dueDate").asString()).isEqualTo(due);
        assertThat(custom.get("code").asString()).startsWith("custom-");
        assertThat(custom.get("id").asString()).startsWith(incubation.id() + ":custom-");
        assertThat(custom.get("history").get(0).get("byId").asString()).isEqualTo(incubation.coach().id());
        assertThat(created.header("Location")).isEqualTo(API + "/milestones/" + custom.get("id").asString());
        JsonNode own = ok(api().get(list, incubation.participant().token()));
        assertThat(own.findValuesAsString("title")).containsExactly("Premier contrat signé");
        assertThat(ok(api().post(API + "/milestones/" + custom.get("id").asString() + "/start", incubation.participant().token()))
                .get("status").asString()).isEqualTo("IN_PROGRESS");

        assertProblem(api().postJson(list, incubation.participant().token(), """
                {"title": "Auto-attribué", "dueDate": "%s"}
                """.formatted(due)), 403);
        assertRejected(api().postJson(list, incubation.coach().token(), """
                {"title": "En retard d'avance", "dueDate": "%s"}
                """.formatted(LocalDate.now(BAMAKO).minusDays(1))), "dueDate");
        assertRejected(api().postJson(list, incubation.coach().token(), """
                {"title": "Dans longtemps", "dueDate": "%s"}
                """.formatted(LocalDate.now(BAMAKO).plusYears(6))), "dueDate");
        assertRejected(api().postJson(list, incubation.coach().token(), """
                {"title": " ", "description": "%s", "dueDate": "%s"}
                """.formatted("d".repeat(2001), due)), "title", "description");
        assertRejected(api().postJson(list, incubation.coach().token(), """
                {"title": "%s", "dueDate": "01/02/2027"}
                """.formatted("t".repeat(151))), "dueDate");
        assertRejected(api().postJson(list, incubation.coach().token(), "{\"title\": \"%s\"}".formatted("t".repeat(151))),
                "title", "dueDate");
        // the date's rule and the title's length in one answer, not one after the other
        assertRejected(api().postJson(list, incubation.coach().token(), """
                {"title": "%s", "dueDate": "%s"}
                """.formatted("t".repeat(151), LocalDate.now(BAMAKO).minusDays(1))), "title", "dueDate");
    }

    @Test
    void the_incubatee_id_is_taken_as_stored_whatever_its_spelling_in_the_url() {
        Incubation incubation = incubationWithMilestones(40);
        String spelled = API + "/incubatees/" + incubation.id().toUpperCase(Locale.ROOT) + "/milestones";
        assertThat(spelled).isNotEqualTo(API + "/incubatees/" + incubation.id() + "/milestones");

        assertThat(ok(api().get(spelled, incubation.participant().token())).findValuesAsString("code"))
                .containsExactly("business-model", "mvp", "pitch-deck");
        ServiceApi.Response created = api().postJson(spelled, incubation.coach().token(), """
                {"title": "Premier contrat signé", "dueDate": "%s"}
                """.formatted(LocalDate.now(BAMAKO).plusDays(21)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("incubateeId").asString()).isEqualTo(incubation.id());
        assertThat(created.json().get("id").asString()).startsWith(incubation.id() + ":custom-");
        assertThat(ok(api().get(API + "/incubatees/" + incubation.id() + "/milestones", incubation.participant().token())))
                .hasSize(4);
    }

    @Test
    void the_same_custom_milestone_posted_again_is_refused_instead_of_doubled() {
        Incubation incubation = incubation(10);
        String list = API + "/incubatees/" + incubation.id() + "/milestones";
        String due = LocalDate.now(BAMAKO).plusDays(21).toString();
        ServiceApi.Response first = api().postJson(list, incubation.coach().token(), """
                {"title": "Premier contrat signé", "dueDate": "%s"}
                """.formatted(due));
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        // a retried request, and the same milestone typed again with other spacing and case
        ServiceApi.Response retried = api().postJson(list, incubation.coach().token(), """
                {"title": "Premier contrat signé", "dueDate": "%s"}
                """.formatted(due));
        ServiceApi.Response retyped = api().postJson(list, organizer().token(), """
                {"title": "  premier   CONTRAT signé ", "description": "autre", "dueDate": "%s"}
                """.formatted(due));
        // another milestone: another due date
        ServiceApi.Response later = api().postJson(list, incubation.coach().token(), """
                {"title": "Premier contrat signé", "dueDate": "%s"}
                """.formatted(LocalDate.now(BAMAKO).plusDays(42)));

        assertProblem(retried, 409);
        assertThat(retried.json().get("detail").asString()).contains(first.json().get("id").asString());
        assertProblem(retyped, 409);
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        assertThat(ok(api().get(list, incubation.participant().token()))).hasSize(2);
    }

    @Test
    void bad_submission_and_judgement_bodies_are_refused_naming_the_field() {
        Incubation incubation = incubationWithMilestones(40);
        String path = milestone(incubation, "mvp");
        String token = incubation.participant().token();

        assertRejected(api().postJson(path + "/submit", token, "{}"), "evidenceUrl");
        assertRejected(api().postJson(path + "/submit", token, "{\"evidenceUrl\": \"http://example.org/preuve\"}"), "evidenceUrl");
        assertRejected(api().postJson(path + "/submit", token, "{\"evidenceUrl\": \"javascript:alert(1)\"}"), "evidenceUrl");
        assertRejected(api().postJson(path + "/submit", token, """
                {"evidenceUrl": "https://example.org/%s", "comment": "%s"}
                """.formatted("a".repeat(500), "c".repeat(2001))), "evidenceUrl", "comment");
        assertRejected(api().post(path + "/submit", token), "body");
        ok(api().postJson(path + "/submit", token, EVIDENCE));
        String coach = incubation.coach().token();
        assertRejected(api().postJson(path + "/reject", coach, "{}"), "feedback");
        assertRejected(api().postJson(path + "/reject", coach, "{\"feedback\": \"   \"}"), "feedback");
        assertRejected(api().postJson(path + "/reject", coach, "{\"feedback\": \"%s\"}".formatted("f".repeat(2001))), "feedback");
        assertRejected(api().postJson(path + "/validate", coach, "{\"comment\": \"%s\"}".formatted("c".repeat(2001))), "comment");
        assertThat(ok(api().get(path, coach)).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void two_people_judging_the_same_submission_at_once_one_wins_and_the_other_gets_409() throws Exception {
        Incubation incubation = incubationWithMilestones(40);
        String organizer = organizer().token();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String code : List.of("business-model", "mvp", "pitch-deck")) {
                String path = milestone(incubation, code);
                ok(api().postJson(path + "/submit", incubation.participant().token(), EVIDENCE));
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<ServiceApi.Response> validate = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return api().post(path + "/validate", incubation.coach().token());
                }, pool);
                CompletableFuture<ServiceApi.Response> sendBack = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return api().postJson(path + "/reject", organizer, "{\"feedback\": \"À reprendre\"}");
                }, pool);
                go.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(validate.get(30, TimeUnit.SECONDS).status(),
                        sendBack.get(30, TimeUnit.SECONDS).status()));

                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                Milestone after = mongo.findById(incubation.id() + ":" + code, Milestone.class);
                assertThat(after.history()).hasSize(2);
                String milestoneId = after.id();
                String winner = after.status() == Milestone.MilestoneStatus.VALIDATED
                        ? MilestoneValidated.TYPE.type() : MilestoneSentBack.TYPE.type();
                String loser = after.status() == Milestone.MilestoneStatus.VALIDATED
                        ? MilestoneSentBack.TYPE.type() : MilestoneValidated.TYPE.type();
                events(Topics.INCUBATION_MILESTONES).await(incubation.id(), winner,
                        event -> milestoneId.equals(event.get("milestoneId").asString()));
                assertThat(events(Topics.INCUBATION_MILESTONES).payloads(incubation.id(), loser).stream()
                        .filter(event -> milestoneId.equals(event.get("milestoneId").asString()))).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nothing_moves_once_the_incubation_has_ended() {
        Incubation incubation = incubationWithMilestones(40);
        mongo.updateFirst(query(where("id").is(incubation.id())),
                new Update().set("status", Incubatee.IncubateeStatus.DROPPED), Incubatee.class);
        String path = milestone(incubation, "mvp");

        ServiceApi.Response submit = api().postJson(path + "/submit", incubation.participant().token(), EVIDENCE);

        assertProblem(submit, 409);
        assertThat(submit.json().get("detail").asString()).contains("DROPPED");
        assertThat(ok(api().get(path, incubation.participant().token())).get("allowedActions").isEmpty()).isTrue();
        assertProblem(api().postJson(API + "/incubatees/" + incubation.id() + "/milestones", incubation.coach().token(),
                "{\"title\": \"x\", \"dueDate\": \"%s\"}".formatted(LocalDate.now(BAMAKO).plusDays(3))), 409);
    }

    private static void await(CountDownLatch go) {
        try {
            if (!go.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
