package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.ApplicationWithdrawn;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Draft, edit, submit, withdraw, re-submit: the applicant's path and its rules, events included. */
class ApplicationLifecycleIT extends ApplicationsITBase {

    private static PublishedEvents events;

    @AfterAll
    static void closeEvents() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    private PublishedEvents events() {
        if (events == null) {
            events = new PublishedEvents(broker.getBrokersAsString(), Topics.COMPETITION_APPLICATIONS);
        }
        return events;
    }

    @Test
    void a_holder_alone_drafts_completes_submits_and_gets_a_receipt_and_an_event() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);

        ServiceApi.Response created = api().postJson(APPLICATIONS, awa.token(), draftJson(contest, null, "Pompes solaires"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode draft = created.json();
        String id = draft.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(APPLICATIONS + "/" + id);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("reference").isNull()).isTrue();
        assertThat(draft.get("phase").asString()).isEqualTo("SUBMISSION");
        assertThat(draft.get("canEdit").asBoolean()).isTrue();
        assertThat(draft.get("canSubmit").asBoolean()).isFalse();
        assertThat(draft.get("missingFields").toString())
                .isEqualTo("[\"summary\",\"problem\",\"solution\",\"targetUsers\",\"stage\",\"team\"]");

        ServiceApi.Response incomplete = api().post(APPLICATIONS + "/" + id + "/submit", awa.token());
        assertRejected(incomplete, "summary", "problem", "solution", "targetUsers", "stage", "team");

        ServiceApi.Response edited = api().put(APPLICATIONS + "/" + id, awa.token(), completeJson(contest, null, "Pompes solaires"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("challenge").asString()).isEqualTo("Agriculture");
        assertThat(edited.json().get("canSubmit").asBoolean()).isTrue();

        ServiceApi.Response submitted = api().post(APPLICATIONS + "/" + id + "/submit", awa.token());

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode view = submitted.json();
        assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.get("reference").asString()).matches("SDN-\\d+-PRC-0001");
        assertThat(view.get("canWithdraw").asBoolean()).isTrue();
        assertThat(view.get("submittedAt").isNull()).isFalse();

        ConsumerRecord<String, String> record = events().awaitRecord(id, ApplicationSubmitted.TYPE.type());
        assertThat(PublishedEvents.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/sdn/competition-service");
        assertThat(PublishedEvents.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        JsonNode event = JsonMapper.builder().build().readTree(record.value());
        assertThat(event.get("reference").asString()).isEqualTo(view.get("reference").asString());
        assertThat(event.get("applicantId").asString()).isEqualTo(awa.id());
        assertThat(event.get("country").asString()).isEqualTo("ML");
        assertThat(event.get("categoryCode").asString()).isEqualTo("PROJECT_CONTEST");
        assertThat(event.get("organizationId").isNull()).isTrue();
    }

    @Test
    void receipt_numbers_follow_each_other_per_edition_and_category() {
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person applicant = person("NE");
            String id = submitted(applicant, contest, null);
            references.add(api().get(APPLICATIONS + "/" + id, applicant.token()).json().get("reference").asString());
        }
        assertThat(references).extracting(reference -> reference.substring(reference.length() - 4))
                .containsExactly("0001", "0002", "0003");
    }

    @Test
    void a_member_of_a_start_up_applies_for_it_and_a_second_application_of_the_start_up_is_refused() {
        Person owner = person("BF");
        Person member = person("BF");
        RegisteredOrganization startUp = fixtures().organization("Faso Tech", "START_UP", "BF", false, owner.id(), member.id());
        Category challenge = category(CategoryCode.START_UP_CHALLENGE, Phase.SUBMISSION);

        String id = submitted(member, challenge, startUp.id());
        JsonNode view = api().get(APPLICATIONS + "/" + id, member.token()).json();
        assertThat(view.get("organizationName").asString()).isEqualTo("Faso Tech");
        assertThat(view.get("reference").asString()).contains("-SUC-");

        ServiceApi.Response second = api().postJson(APPLICATIONS, owner.token(), draftJson(challenge, startUp.id(), "Encore"),
                "Accept-Language", "en");
        assertProblem(second, 409);
        assertThat(second.json().get("detail").asString()).isEqualTo("Your organisation already has an application in this category.");
    }

    @Test
    void eligibility_is_read_from_the_registration_copies() {
        Person awa = person("ML");
        Person stranger = person("ML");
        Category challenge = category(CategoryCode.START_UP_CHALLENGE, Phase.SUBMISSION);
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        RegisteredOrganization team = organization(awa, "PROJECT_TEAM");
        RegisteredOrganization startUp = organization(awa, "START_UP");

        // alone, where only organisations are admitted
        assertRejected(api().postJson(APPLICATIONS, awa.token(), draftJson(challenge, null, "Seule")), "organizationId");
        // a project team in the start-up challenge, a start-up in the project contest
        assertRejected(api().postJson(APPLICATIONS, awa.token(), draftJson(challenge, team.id(), "Équipe")), "organizationId");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), draftJson(contest, startUp.id(), "Start-up")), "organizationId");
        // someone else's organisation
        assertRejected(api().postJson(APPLICATIONS, stranger.token(), draftJson(challenge, startUp.id(), "Pas à moi")),
                "organizationId");
        // an organisation whose registration has not arrived yet
        ServiceApi.Response pending = api().postJson(APPLICATIONS, awa.token(),
                draftJson(challenge, "0b1f3c5e-0000-4000-8000-000000000000", "Trop tôt"), "Accept-Language", "en");
        assertProblem(pending, 409);
        assertThat(pending.json().get("detail").asString())
                .isEqualTo("Your organisation's registration is still being processed; try again in a moment.");
    }

    @Test
    void an_applicant_whose_registration_has_not_arrived_may_draft_but_is_asked_to_retry_at_submission() {
        Person newcomer = newcomer("NE");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = drafted(newcomer, completeJson(contest, null, "Nouveau venu"));

        ServiceApi.Response submitted = api().post(APPLICATIONS + "/" + id + "/submit", newcomer.token(), "Accept-Language", "en");

        assertProblem(submitted, 409);
        assertThat(submitted.json().get("detail").asString())
                .isEqualTo("Your registration is still being processed; try again in a moment.");

        fixtures().participant(newcomer.id(), "NE", "Nouveau", "MALE");
        assertThat(api().post(APPLICATIONS + "/" + id + "/submit", newcomer.token()).status()).isEqualTo(200);
    }

    @Test
    void an_applicant_from_outside_the_aes_space_cannot_submit() {
        Person outsider = person("SN");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = drafted(outsider, completeJson(contest, null, "Hors AES"));

        ServiceApi.Response submitted = api().post(APPLICATIONS + "/" + id + "/submit", outsider.token(), "Accept-Language", "en");

        assertProblem(submitted, 409);
        assertThat(submitted.json().get("detail").asString()).contains("(SN)").contains("AES");
    }

    @Test
    void a_submitted_application_can_be_corrected_before_the_deadline_and_must_stay_complete() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = submitted(awa, contest, null);
        JsonNode before = api().get(APPLICATIONS + "/" + id, awa.token()).json();

        ServiceApi.Response corrected = api().put(APPLICATIONS + "/" + id, awa.token(),
                completeJson(contest, null, "Pompes solaires (corrigé)"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(corrected.json().get("title").asString()).isEqualTo("Pompes solaires (corrigé)");
        assertThat(corrected.json().get("reference").asString()).isEqualTo(before.get("reference").asString());
        assertThat(corrected.json().get("updatedAt").asString()).isNotEqualTo(before.get("updatedAt").asString());

        assertRejected(api().put(APPLICATIONS + "/" + id, awa.token(), draftJson(contest, null, "Vidé")),
                "summary", "problem", "solution", "targetUsers", "stage", "team");
        ServiceApi.Response again = api().post(APPLICATIONS + "/" + id + "/submit", awa.token());
        assertProblem(again, 409);
    }

    @Test
    void withdrawal_frees_the_place_publishes_an_event_and_the_application_can_come_back_with_its_reference() {
        Person awa = person("BF");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = submitted(awa, contest, null);
        String reference = api().get(APPLICATIONS + "/" + id, awa.token()).json().get("reference").asString();

        ServiceApi.Response withdrawn = api().post(APPLICATIONS + "/" + id + "/withdraw", awa.token());

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("canSubmit").asBoolean()).isTrue();
        assertThat(mongo.findById(id, Application.class).claimKey()).isNull();
        ConsumerRecord<String, String> record = events().awaitRecord(id, ApplicationWithdrawn.TYPE.type());
        assertThat(record.value()).contains(reference);
        assertProblem(api().post(APPLICATIONS + "/" + id + "/withdraw", awa.token()), 409);
        assertProblem(api().put(APPLICATIONS + "/" + id, awa.token(), completeJson(contest, null, "Non")), 409);

        ServiceApi.Response back = api().post(APPLICATIONS + "/" + id + "/submit", awa.token());
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("reference").asString()).isEqualTo(reference);
        assertThat(back.json().get("withdrawnAt").isNull()).isTrue();
    }

    @Test
    void a_withdrawn_application_cannot_come_back_once_another_took_its_place() {
        Person owner = person("ML");
        Person member = person("ML");
        RegisteredOrganization startUp = fixtures().organization("Bamako Data", "SME", "ML", false, owner.id(), member.id());
        Category challenge = category(CategoryCode.START_UP_CHALLENGE, Phase.SUBMISSION);
        String first = submitted(owner, challenge, startUp.id());
        assertThat(api().post(APPLICATIONS + "/" + first + "/withdraw", owner.token()).status()).isEqualTo(200);
        drafted(member, draftJson(challenge, startUp.id(), "À mon tour"));

        assertProblem(api().post(APPLICATIONS + "/" + first + "/submit", owner.token()), 409);
    }

    @Test
    void a_draft_can_be_deleted_and_its_place_taken_again_but_a_submission_cannot_be_deleted() {
        Person awa = person("NE");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String draft = drafted(awa, draftJson(contest, null, "Premier essai"));

        assertThat(api().delete(APPLICATIONS + "/" + draft, awa.token()).status()).isEqualTo(204);
        assertThat(api().get(APPLICATIONS + "/" + draft, awa.token()).status()).isEqualTo(404);

        String submitted = submitted(awa, contest, null);
        assertProblem(api().delete(APPLICATIONS + "/" + submitted, awa.token()), 409);
    }

    @Test
    void mine_lists_every_status_with_the_category_and_phase_and_no_score() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        Category challenge = category(CategoryCode.START_UP_CHALLENGE, Phase.SUBMISSION);
        String submittedId = submitted(awa, contest, null);
        String draftId = drafted(awa, draftJson(challenge, organization(awa, "START_UP").id(), "Brouillon"));
        mongo.updateFirst(query(where("id").is(submittedId)),
                new Update().set("selection",
                        new Application.Selection(Application.SelectionStatus.PRESELECTED, 1, 8.75, null, "organizer", Instant.now())),
                Application.class);

        ServiceApi.Response mine = api().get(APPLICATIONS + "/mine", awa.token());

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("id")).containsExactly(draftId, submittedId);
        JsonNode first = mine.json().get(0);
        assertThat(first.get("categoryCode").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(first.get("categoryName").get("fr").asString()).isEqualTo("Catégorie de test");
        assertThat(first.get("phase").asString()).isEqualTo("SUBMISSION");
        assertThat(first.get("status").asString()).isEqualTo("DRAFT");
        assertThat(mine.json().get(1).get("selectionStatus").asString()).isEqualTo("PRESELECTED");
        assertThat(mine.body()).doesNotContain("8.75").doesNotContain("\"rank\"").doesNotContain("\"score\"");

        JsonNode own = api().get(APPLICATIONS + "/" + submittedId, awa.token()).json();
        assertThat(own.get("selection").get("status").asString()).isEqualTo("PRESELECTED");
        assertThat(own.get("selection").has("rank")).isFalse();
        assertThat(own.get("selection").has("score")).isFalse();
        JsonNode organizers = api().get(APPLICATIONS + "/" + submittedId,
                ISSUER.token("organizer-applications", "ML", "organizer")).json();
        assertThat(organizers.get("selection").get("score").asDouble()).isEqualTo(8.75);
    }

    @Test
    void two_drafts_racing_for_the_same_place_and_two_submits_of_one_draft_each_have_one_winner() throws Exception {
        Person owner = person("ML");
        Person member = person("ML");
        RegisteredOrganization startUp = fixtures().organization("Course", "START_UP", "ML", false, owner.id(), member.id());
        Category challenge = category(CategoryCode.START_UP_CHALLENGE, Phase.SUBMISSION);

        List<Integer> drafts = race(
                () -> api().postJson(APPLICATIONS, owner.token(), completeJson(challenge, startUp.id(), "A")).status(),
                () -> api().postJson(APPLICATIONS, member.token(), completeJson(challenge, startUp.id(), "B")).status());
        assertThat(drafts).containsExactlyInAnyOrder(201, 409);

        Application draft = mongo.findOne(query(where("categoryId").is(challenge.id())), Application.class);
        Person winner = draft.applicantId().equals(owner.id()) ? owner : member;
        List<Integer> submits = race(
                () -> api().post(APPLICATIONS + "/" + draft.id() + "/submit", winner.token()).status(),
                () -> api().post(APPLICATIONS + "/" + draft.id() + "/submit", winner.token()).status());
        assertThat(submits).containsExactlyInAnyOrder(200, 409);
        assertThat(events().all(draft.id(), ApplicationSubmitted.TYPE.type()).size()).isLessThanOrEqualTo(1);
    }

    @SafeVarargs
    private static List<Integer> race(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
