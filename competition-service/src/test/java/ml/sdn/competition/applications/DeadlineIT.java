package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.DeadlineExtended;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Phase gates on the applicant's actions, and the organizers' deadline extensions that lift them. */
class DeadlineIT extends ApplicationsITBase {

    private static PublishedEvents categoryEvents;

    private final String organizer = ISSUER.token("organizer-deadlines", "ML", "organizer");

    @AfterAll
    static void closeEvents() {
        if (categoryEvents != null) {
            categoryEvents.close();
            categoryEvents = null;
        }
    }

    private static String bamako(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), Timeline.BAMAKO).toString();
    }

    private static String extensionJson(String applicantId, Instant until, String reason) {
        return """
                {"applicantId": %s, "until": "%s", "reason": "%s"}
                """.formatted(applicantId == null ? "null" : "\"" + applicantId + "\"", bamako(until), reason);
    }

    private static String extensions(Category category) {
        return "/api/competitions/categories/" + category.id() + "/extensions";
    }

    @Test
    void after_the_deadline_submission_is_refused_naming_the_phase_unless_the_applicant_holds_an_extension() {
        Person awa = person("ML");
        Person moussa = person("ML");
        Category late = category(CategoryCode.PROJECT_CONTEST, Phase.EVALUATION);
        Application draft = storedDraft(awa, late, null);
        String submit = APPLICATIONS + "/" + draft.id() + "/submit";

        ServiceApi.Response refused = api().post(submit, awa.token(), "Accept-Language", "en");
        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asString()).contains("the \"Applications open\" phase")
                .contains("now in the \"Evaluation\" phase").doesNotContain("SUBMISSION", "EVALUATION").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertProblem(api().postJson(APPLICATIONS, awa.token(), draftJson(late, null, "Trop tard")), 409);

        // someone else's extension does not help
        ServiceApi.Response forMoussa = api().postJson(extensions(late), organizer,
                extensionJson(moussa.id(), Instant.now().plus(Duration.ofDays(1)), "Coupure d'électricité à Kayes"));
        assertThat(forMoussa.status()).as(forMoussa.body()).isEqualTo(201);
        assertProblem(api().post(submit, awa.token()), 409);

        ServiceApi.Response forAwa = api().postJson(extensions(late), organizer,
                extensionJson(awa.id(), Instant.now().plus(Duration.ofDays(2)), "Réseau coupé le dernier jour"));
        assertThat(forAwa.status()).as(forAwa.body()).isEqualTo(201);
        assertThat(forAwa.header("Location")).isEqualTo(extensions(late) + "/" + forAwa.json().get("id").asString());

        ServiceApi.Response submitted = api().post(submit, awa.token());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("phase").asString()).isEqualTo("EVALUATION");
        assertThat(submitted.json().get("deadlineLocal").asString()).startsWith(bamako(Instant.now().plus(Duration.ofDays(2))).substring(0, 10));
        assertThat(submitted.json().get("canWithdraw").asBoolean()).isTrue();
        // Moussa may start a draft with his own extension
        assertThat(api().postJson(APPLICATIONS, moussa.token(), draftJson(late, null, "Rattrapage")).status()).isEqualTo(201);
    }

    @Test
    void a_category_extension_reopens_the_call_for_everyone_and_is_published_and_audited() {
        Category late = category(CategoryCode.PROJECT_CONTEST, Phase.EVALUATION);
        Person anyone = person("NE");
        assertProblem(api().postJson(APPLICATIONS, anyone.token(), draftJson(late, null, "Avant")), 409);

        ServiceApi.Response extended = api().postJson(extensions(late), organizer,
                extensionJson(null, Instant.now().plus(Duration.ofDays(3)), "Grève des télécoms"));

        assertThat(extended.status()).as(extended.body()).isEqualTo(201);
        assertThat(extended.json().get("applicantId").isNull()).isTrue();
        assertThat(api().postJson(APPLICATIONS, anyone.token(), draftJson(late, null, "Après")).status()).isEqualTo(201);

        if (categoryEvents == null) {
            categoryEvents = new PublishedEvents(broker.getBrokersAsString(), Topics.COMPETITION_CATEGORIES);
        }
        ConsumerRecord<String, String> record = categoryEvents.awaitRecord(late.id(), DeadlineExtended.TYPE.type());
        assertThat(PublishedEvents.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(record.value()).contains("Grève des télécoms").contains("\"categoryCode\":\"PROJECT_CONTEST\"");

        JsonNode audit = api().get("/api/competitions/audit?categoryId=" + late.id() + "&action=DEADLINE_EXTENDED", organizer).json();
        assertThat(audit.get("content").get(0).get("reason").asString()).isEqualTo("Grève des télécoms");
        assertThat(audit.get("content").get(0).get("details").get("scope").asString()).isEqualTo("category");

        JsonNode listed = api().get(extensions(late), organizer).json();
        assertThat(listed.findValuesAsString("reason")).containsExactly("Grève des télécoms");
    }

    @Test
    void withdrawal_closes_with_the_deadline_too() {
        Person awa = person("BF");
        Category late = category(CategoryCode.PROJECT_CONTEST, Phase.EVALUATION);
        Application application = fixtures().submittedApplication(late, awa.id(), null, "BF", "Retrait tardif");

        ServiceApi.Response refused = api().post(APPLICATIONS + "/" + application.id() + "/withdraw", awa.token());

        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asString()).contains("« Dépôt des candidatures »").doesNotContain("SUBMISSION");
        assertProblem(api().put(APPLICATIONS + "/" + application.id(), awa.token(), completeJson(late, null, "Corrigé")), 409);
    }

    @Test
    void a_category_extension_leaves_applications_submitted_on_time_as_they_were_at_the_deadline() {
        Person onTime = person("ML");
        Person late = person("BF");
        Category category = category(CategoryCode.PROJECT_CONTEST, Phase.EVALUATION);
        Application submitted = fixtures().submittedApplication(category, onTime.id(), null, "ML", "À l'heure");
        mongo.updateFirst(query(where("id").is(submitted.id())), new Update().set("submittedAt",
                category.timeline().start(Phase.EVALUATION).minus(Duration.ofHours(3))), Application.class);
        Application draft = storedDraft(late, category, null);
        assertThat(api().postJson(extensions(category), organizer,
                extensionJson(null, Instant.now().plus(Duration.ofDays(2)), "Coupure du réseau")).status()).isEqualTo(201);

        assertProblem(api().put(APPLICATIONS + "/" + submitted.id(), onTime.token(), completeJson(category, null, "Retouché")), 409);
        assertProblem(api().post(APPLICATIONS + "/" + submitted.id() + "/withdraw", onTime.token()), 409);
        JsonNode view = api().get(APPLICATIONS + "/" + submitted.id(), onTime.token()).json();
        assertThat(view.get("canEdit").asBoolean()).isFalse();
        assertThat(view.get("canWithdraw").asBoolean()).isFalse();
        assertThat(Instant.parse(view.get("deadline").asString())).isEqualTo(category.timeline().start(Phase.EVALUATION));

        ServiceApi.Response caughtUp = api().post(APPLICATIONS + "/" + draft.id() + "/submit", late.token());
        assertThat(caughtUp.status()).as(caughtUp.body()).isEqualTo(200);
        assertThat(caughtUp.json().get("canEdit").asBoolean()).isTrue();
        assertThat(api().put(APPLICATIONS + "/" + draft.id(), late.token(), completeJson(category, null, "Corrigé")).status())
                .isEqualTo(200);
    }

    @Test
    void before_the_call_opens_nothing_can_be_drafted() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            starts.put(phase, start.plus(Duration.ofDays(phase.ordinal())));
        }
        Category future = fixtures().category(fixtures().edition(), CategoryCode.PROJECT_CONTEST, starts, CategorySettings.DEFAULT);

        ServiceApi.Response refused = api().postJson(APPLICATIONS, person("ML").token(), draftJson(future, null, "Trop tôt"),
                "Accept-Language", "en");

        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asString()).contains("open with the \"Applications open\" phase")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void extensions_are_checked_and_for_organizers_only() {
        Person awa = person("ML");
        Category late = category(CategoryCode.START_UP_CHALLENGE, Phase.EVALUATION);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

        assertRejected(api().postJson(extensions(late), organizer,
                extensionJson(null, late.timeline().start(Phase.EVALUATION).minus(Duration.ofHours(2)), "Avant la clôture")), "until");
        assertRejected(api().postJson(extensions(late), organizer,
                extensionJson(null, late.timeline().start(Phase.PRESELECTION).plus(Duration.ofHours(1)), "Trop loin")), "until");
        assertRejected(api().postJson(extensions(late), organizer, extensionJson(null, tomorrow, " ")), "reason");
        assertRejected(api().postJson(extensions(late), organizer, extensionJson(null, tomorrow, "r".repeat(501))), "reason");
        assertRejected(api().postJson(extensions(late), organizer, "{\"reason\": \"Sans date\"}"), "until");
        assertRejected(api().postJson(extensions(late), organizer, "{\"until\": \"demain\", \"reason\": \"Date illisible\"}"), "until");
        assertRejected(api().postJson(extensions(late), organizer,
                extensionJson("0b1f3c5e-0000-4000-8000-000000000000", tomorrow, "Inconnu")), "applicantId");
        // the rules and the fields' own checks in one answer, the date in words
        ServiceApi.Response everything = api().postJson(extensions(late), organizer, extensionJson(
                "0b1f3c5e-0000-4000-8000-000000000000", late.timeline().start(Phase.EVALUATION).minus(Duration.ofHours(2)), " "));
        assertRejected(everything, "until", "reason", "applicantId");
        assertThat(everything.body()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertProblem(api().postJson("/api/competitions/categories/6b0b0371896fa35d8103b999/extensions", organizer,
                extensionJson(null, tomorrow, "Catégorie inconnue")), 404);
        assertProblem(api().postJson(extensions(late), awa.token(), extensionJson(awa.id(), tomorrow, "Pour moi")), 403);
        assertProblem(api().get(extensions(late), awa.token()), 403);
        assertProblem(api().get(extensions(late), null), 401);
    }
}
