package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.events.competition.JurorAssigned;
import ml.sdn.events.competition.JurorUnassigned;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.XlsxRows;
import ml.sdn.testing.TestIssuer;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Organizers name a category's jury and assign it, automatically and by hand. */
class AssignmentsIT extends JuryIT {

    @Autowired
    ReviewDirectory directory;

    private final String organizer = ISSUER.token("organizer-jury", "ML", "organizer");

    private Category category(Phase phase) {
        Edition edition = fixtures.competition().edition();
        return fixtures.competition().category(edition, CategoryCode.START_UP_CHALLENGE, phase);
    }

    private ServiceApi.Response setJury(Category category, List<String> usernames) {
        String body = usernames.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(", ", "{\"usernames\": [", "]}"));
        return api().put(API + "/categories/" + category.id() + "/jurors", organizer, body);
    }

    private ServiceApi.Response run(Category category, String query) {
        return api().post(API + "/categories/" + category.id() + "/assignments" + query, organizer);
    }

    private List<JuryReview> activeReviews(Category category) {
        return mongo.find(query(where("categoryId").is(category.id()).and("status").in(ReviewStatus.ASSIGNED, ReviewStatus.SUBMITTED)),
                JuryReview.class);
    }

    private static List<String> fields(ServiceApi.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static void assertRejected(ServiceApi.Response response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(fields);
    }

    private JsonNode audit(Category category, String action) {
        ServiceApi.Response response = api().get(API + "/audit?categoryId=" + category.id() + "&action=" + action, organizer);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("content");
    }

    @Test
    void the_jurys_progress_downloads_as_a_spreadsheet_file_naming_the_edition_for_organizers_only() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(2);
        assertThat(setJury(category, jurors).status()).isEqualTo(200);

        ServiceApi.Response csv = api().get(API + "/categories/" + category.id() + "/jurors.csv", organizer);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("avancement-jury-start_up_challenge-edition-");
        assertThat(csv.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = List.of(csv.body().substring(1).split("\r\n"));
        assertThat(lines.get(0)).startsWith("Édition ").contains(" — avancement du jury — fichier établi le ");
        assertThat(lines.subList(2, lines.size())).containsExactly("Juré 1;" + jurors.get(0) + ";oui;0;0;0;",
                "Juré 2;" + jurors.get(1) + ";oui;0;0;0;");
        assertThat(api().get(API + "/categories/" + category.id() + "/jurors.csv",
                ISSUER.token("coordinator-bf", "BF", "coordinator")).status()).isEqualTo(403);
        assertThat(api().get(API + "/categories/no-such-category/jurors.csv", organizer).status()).isEqualTo(404);

        ServiceApi.Response xlsx = api().get(API + "/categories/" + category.id() + "/jurors.xlsx", organizer);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("avancement-jury-start_up_challenge-edition-").contains(".xlsx");
        List<List<Object>> rows = XlsxRows.read(xlsx.bytes());
        assertThat((String) rows.get(0).get(0)).startsWith("Édition ").contains(" — avancement du jury — fichier établi le ");
        assertThat(rows.get(2)).containsExactly("Juré 1", jurors.get(0), "oui", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(api().get(API + "/categories/" + category.id() + "/jurors.xlsx",
                ISSUER.token("coordinator-bf", "BF", "coordinator")).status()).isEqualTo(403);
    }

    @Test
    void every_categorys_jury_progress_of_an_edition_downloads_as_one_file_csv_or_xlsx_for_organizers_only() {
        Edition edition = fixtures.competition().edition();
        Category startUps = fixtures.competition().category(edition, CategoryCode.START_UP_CHALLENGE, Phase.EVALUATION);
        Category projects = fixtures.competition().category(edition, CategoryCode.PROJECT_CONTEST, Phase.EVALUATION);
        Category elsewhere = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(3);
        assertThat(setJury(startUps, jurors.subList(0, 2)).status()).isEqualTo(200);
        assertThat(setJury(projects, jurors.subList(1, 2)).status()).isEqualTo(200);
        assertThat(setJury(elsewhere, jurors.subList(2, 3)).status()).isEqualTo(200);

        ServiceApi.Response csv = api().get(API + "/editions/" + edition.id() + "/jurors.csv", organizer);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment")
                .contains("avancement-jury-edition-" + edition.number() + ".csv");
        List<String> lines = List.of(csv.body().substring(1).split("\r\n"));
        assertThat(lines.get(0)).startsWith("Édition " + edition.number() + " (" + edition.year()
                + ") — avancement du jury de toutes les catégories — fichier établi le ");
        assertThat(lines.get(1)).isEqualTo("Catégorie;Juré·e;Identifiant;Disponible;Évaluations attribuées;Notées;Restantes;Avancement (%)");
        // the categories in the order of their codes; the juror of two categories has a line in each; another edition's jury is not there
        assertThat(lines.subList(2, lines.size())).containsExactly(
                "Catégorie de test;Juré 1;" + jurors.get(0) + ";oui;0;0;0;",
                "Catégorie de test;Juré 2;" + jurors.get(1) + ";oui;0;0;0;",
                "Catégorie de test;Juré 2;" + jurors.get(1) + ";oui;0;0;0;");

        ServiceApi.Response xlsx = api().get(API + "/editions/" + edition.id() + "/jurors.xlsx", organizer, "Accept-Language", "en");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains("jury-progress-edition-" + edition.number() + ".xlsx");
        List<List<Object>> rows = XlsxRows.read(xlsx.bytes());
        assertThat(rows).hasSize(5);
        assertThat((String) rows.get(0).get(0)).startsWith("Edition " + edition.number() + " (" + edition.year()
                + ") — jury progress of every category — file made on ");
        assertThat(rows.get(1)).containsExactly("Category", "Juror", "Username", "Available", "Reviews given", "Scored",
                "Remaining", "Done (%)");
        assertThat(rows.get(2)).containsExactly("Test category", "Juré 1", jurors.get(0), "yes", BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);

        // the attacker's side: no one but organizers; an unknown edition is a 404
        for (String token : List.of(ISSUER.tokenWithDelegation("coordinator-bf", "BF", "BF", "coordinator"),
                ISSUER.token(jurors.get(0), "ML", "jury"), ISSUER.token("participant-ml", "ML", "participant"),
                ISSUER.token("coach-ml", "ML", "coach"))) {
            for (String file : List.of("/jurors.csv", "/jurors.xlsx")) {
                ServiceApi.Response refused = api().get(API + "/editions/" + edition.id() + file, token);
                assertThat(refused.status()).as(file).isEqualTo(403);
                assertThat(refused.body()).doesNotContain(jurors.get(0));
            }
        }
        assertThat(api().get(API + "/editions/" + edition.id() + "/jurors.csv", null).status()).isEqualTo(401);
        assertThat(api().get(API + "/editions/no-such-edition/jurors.xlsx", organizer).status()).isEqualTo(404);
        assertThat(api().get(API + "/editions/" + edition.id() + "/jurors.pdf", organizer).status()).isEqualTo(404);
    }

    @Test
    void organizer_names_the_jury_by_username_and_reads_it_with_names_and_organisation_counts() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(3);
        fixtures.competition().organization("Cabinet", "SME", "ML", false, "someone-else", TestIssuer.subjectOf(jurors.get(0)));

        ServiceApi.Response set = setJury(category, List.of(jurors.get(2), jurors.get(0).toUpperCase(), jurors.get(1)));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode read = api().get(API + "/categories/" + category.id() + "/jurors", organizer).json();
        assertThat(read.get("jurors").size()).isEqualTo(3);
        JsonNode first = read.get("jurors").get(0);
        assertThat(first.get("username").asString()).isEqualTo(jurors.get(0));
        assertThat(first.get("id").asString()).isEqualTo(TestIssuer.subjectOf(jurors.get(0)));
        assertThat(first.get("displayName").asString()).isEqualTo("Juré 1");
        assertThat(first.get("organisationCount").asInt()).isEqualTo(1);
        assertThat(read.get("jurors").get(1).get("organisationCount").asInt()).isZero();

        setJury(category, List.of(jurors.get(0), jurors.get(1)));
        JsonNode changes = audit(category, "JURY_CHANGED");
        assertThat(changes.get(0).get("details").get("removed").asString()).isEqualTo(jurors.get(2));
        assertThat(changes.get(0).get("details").get("added").asString()).isEmpty();
        assertThat(changes.get(1).get("details").get("added").asString()).isEqualTo(String.join(",", jurors));
    }

    /**
     * The attacker's side: participant-ml applies in a category and gets (or asks an organizer to get) themself,
     * a teammate or someone of their organisation onto its jury. Every one is refused at once, named with the reason.
     */
    @Test
    void an_applicant_a_member_of_an_applying_organisation_or_an_applicant_colleague_is_refused_onto_the_jury() {
        Category category = category(Phase.EVALUATION);
        String applicant = "participant-ml-" + JuryFixtures.unique("x");
        fixtures.person(applicant, "Awa Diarra");
        List<String> others = fixtures.jurors(4);
        String teammate = others.get(0);
        String colleague = others.get(1);
        // participant-ml applies alone; the teammate is in the start-up that applies too; the colleague shares
        // another organisation (a cooperative) with participant-ml
        fixtures.competition().submittedApplication(category, TestIssuer.subjectOf(applicant), null, "ML", "Seule");
        fixtures.applicationOf(category, "Start-up", java.util.UUID.randomUUID().toString(), TestIssuer.subjectOf(teammate));
        fixtures.competition().organization("Coopérative", "PROJECT_TEAM", "ML", false, TestIssuer.subjectOf(applicant),
                TestIssuer.subjectOf(colleague));

        ServiceApi.Response refused = api().put(API + "/categories/" + category.id() + "/jurors", organizer,
                "{\"usernames\": [\"" + others.get(2) + "\", \"" + applicant + "\", \"" + teammate + "\", \"" + colleague
                        + "\", \"nobody-" + applicant + "\"]}", "Accept-Language", "en");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("usernames[1]", "usernames[2]", "usernames[3]", "usernames[4]");
        java.util.Map<String, String> messages = new java.util.HashMap<>();
        refused.json().get("errors").forEach(error -> messages.put(error.get("field").asString(), error.get("message").asString()));
        assertThat(messages.get("usernames[1]")).isEqualTo(applicant + " cannot sit on this category's jury: this person applies in it.");
        assertThat(messages.get("usernames[2]")).contains(teammate, "member of an organisation that applies");
        assertThat(messages.get("usernames[3]")).contains(colleague, "same organisation as an applicant");
        assertThat(messages.get("usernames[4]")).contains("sign in");
        assertThat(api().get(API + "/categories/" + category.id() + "/jurors", organizer).json().get("jurors").size())
                .as("nothing changed").isZero();

        // in another category the same people may judge; a withdrawn application no longer bars anyone
        assertThat(setJury(category(Phase.EVALUATION), List.of(applicant, teammate, colleague)).status()).isEqualTo(200);
        mongo.updateMulti(query(where("categoryId").is(category.id())),
                new org.springframework.data.mongodb.core.query.Update().set("status", "WITHDRAWN"), Application.class);
        assertThat(setJury(category, List.of(applicant, teammate)).status()).isEqualTo(200);
    }

    @Test
    void a_juror_without_a_profile_is_named_by_position_and_told_to_sign_in_first() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(1);

        ServiceApi.Response unknown = api().put(API + "/categories/" + category.id() + "/jurors", organizer,
                "{\"usernames\": [\"" + jurors.get(0) + "\", \"nobody-" + jurors.get(0) + "\"]}", "Accept-Language", "en");
        assertRejected(unknown, "usernames[1]");
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("sign in").contains("profile");

        assertRejected(setJury(category, List.of(jurors.get(0), jurors.get(0))), "usernames[1]");
        assertRejected(setJury(category, List.of()), "usernames");
        assertRejected(setJury(category, List.of(" ")), "usernames[0]");
        assertRejected(api().put(API + "/categories/" + category.id() + "/jurors", organizer, "{}"), "usernames");
        assertRejected(api().put(API + "/categories/" + category.id() + "/jurors", organizer, "{\"usernames\": \"x\"}"), "usernames");
        assertThat(api().get(API + "/categories/" + category.id() + "/jurors", organizer).json().get("jurors").size()).isZero();
        assertThat(setJury(category(Phase.EVALUATION), List.of("x")).status()).isEqualTo(400);
        assertThat(api().put(API + "/categories/no-such-category/jurors", organizer,
                "{\"usernames\": [\"" + jurors.get(0) + "\"]}").status()).isEqualTo(404);
    }

    @Test
    void every_application_gets_k_jurors_with_loads_within_one_and_never_a_juror_of_its_own_organisation() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(5);
        String insider = TestIssuer.subjectOf(jurors.get(0));
        // the jury is named first: once the insider's organisation applies, the roster would refuse them
        assertThat(setJury(category, jurors).status()).isEqualTo(200);
        Application own = fixtures.applicationOf(category, "Insider", java.util.UUID.randomUUID().toString(), insider);
        List<Application> applications = new ArrayList<>(List.of(own));
        IntStream.range(0, 6).forEach(i -> applications.add(fixtures.application(category, "Projet " + i)));

        ServiceApi.Response run = run(category, "");

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode plan = run.json();
        assertThat(plan.get("round").asString()).isEqualTo("PRESELECTION");
        assertThat(plan.get("jurorsPerApplication").asInt()).isEqualTo(3);
        assertThat(plan.get("added").asInt()).isEqualTo(21);
        assertThat(plan.get("spread").asInt()).isLessThanOrEqualTo(1);
        assertThat(plan.get("balanced").asBoolean()).isTrue();
        assertThat(plan.get("complete").asBoolean()).isTrue();
        List<Integer> loads = new ArrayList<>();
        plan.get("loads").forEach(load -> loads.add(load.get("load").asInt()));
        assertThat(loads).hasSize(5).containsOnly(4, 5);
        assertThat(run.body()).doesNotContain("Aminata").doesNotContain("Société");

        List<JuryReview> reviews = activeReviews(category);
        Map<String, Set<String>> jurorsByApplication = new HashMap<>();
        reviews.forEach(r -> jurorsByApplication.computeIfAbsent(r.applicationId(), id -> new HashSet<>()).add(r.jurorId()));
        assertThat(jurorsByApplication).hasSize(7).allSatisfy((application, on) -> assertThat(on).hasSize(3));
        assertThat(jurorsByApplication.get(own.id())).doesNotContain(insider);
        Map<String, Long> perJuror = reviews.stream().collect(Collectors.groupingBy(JuryReview::jurorId, Collectors.counting()));
        assertThat(perJuror.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - perJuror.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(1);
        assertThat(reviews).allSatisfy(r -> {
            assertThat(r.id()).isEqualTo(JuryReview.idOf(Round.PRESELECTION, r.applicationId(), r.jurorId()));
            assertThat(r.status()).isEqualTo(ReviewStatus.ASSIGNED);
            assertThat(r.manual()).isFalse();
        });

        String applicationId = applications.get(1).id();
        List<PublishedEvents.Event> assigned = juryEvents.await(JurorAssigned.TYPE.type(), applicationId, p -> true, 3);
        assertThat(assigned).hasSize(3).allSatisfy(event -> {
            assertThat(event.payload().get("round").asString()).isEqualTo("PRESELECTION");
            assertThat(event.payload().get("categoryId").asString()).isEqualTo(category.id());
            assertThat(event.payload().get("manual").asBoolean()).isFalse();
        });
        JsonNode audited = audit(category, "ASSIGNMENTS_RUN").get(0);
        assertThat(audited.get("details").get("added").asString()).isEqualTo("21");
        assertThat(audited.get("actorId").asString()).isEqualTo(TestIssuer.subjectOf("organizer-jury"));
    }

    @Test
    void running_again_keeps_every_review_and_only_gives_jurors_to_a_late_application() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(4);
        IntStream.range(0, 4).forEach(i -> fixtures.application(category, "Projet " + i));
        setJury(category, jurors);
        assertThat(run(category, "").json().get("added").asInt()).isEqualTo(12);
        Set<String> before = activeReviews(category).stream().map(JuryReview::id).collect(Collectors.toSet());

        Application late = fixtures.application(category, "Retardataire");
        JsonNode again = run(category, "?round=PRESELECTION").json();

        assertThat(again.get("kept").asInt()).isEqualTo(12);
        assertThat(again.get("added").asInt()).isEqualTo(3);
        assertThat(again.get("spread").asInt()).isLessThanOrEqualTo(1);
        Set<String> after = activeReviews(category).stream().map(JuryReview::id).collect(Collectors.toSet());
        assertThat(after).containsAll(before).hasSize(15);
        assertThat(after.stream().filter(id -> id.contains(late.id()))).hasSize(3);
        assertThat(run(category, "").json().get("added").asInt()).isZero();
    }

    @Test
    void two_runs_at_once_never_give_an_application_more_than_k_jurors() throws Exception {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(6);
        IntStream.range(0, 10).forEach(i -> fixtures.application(category, "Projet " + i));
        setJury(category, jurors);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<ServiceApi.Response>> clicks = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> run(category, ""), pool)).toList();
            List<ServiceApi.Response> responses = new ArrayList<>();
            for (CompletableFuture<ServiceApi.Response> click : clicks) {
                responses.add(click.get());
            }
            assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(200));
            assertThat(responses.stream().mapToInt(response -> response.json().get("added").asInt()).sum()).isEqualTo(30);
        } finally {
            pool.shutdown();
        }
        Map<String, Long> perApplication = activeReviews(category).stream()
                .collect(Collectors.groupingBy(JuryReview::applicationId, Collectors.counting()));
        assertThat(perApplication).hasSize(10).allSatisfy((application, count) -> assertThat(count).isEqualTo(3L));
    }

    /**
     * Another instance is changing the category (it holds the category's lock in the store): a run here is
     * answered at once with 409 and Retry-After, not after its thread waited, and writes nothing; sent again once
     * the other change is done, it assigns.
     */
    @Test
    void a_run_while_another_instance_holds_the_category_is_refused_at_once_and_can_be_sent_again() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(3);
        fixtures.application(category, "Projet occupé");
        setJury(category, jurors);
        LockProvider otherInstance = new MongoLockProvider(mongo.getDb());
        SimpleLock held = otherInstance.lock(new LockConfiguration(Instant.now(), CategoryLocks.lockName(category.id()),
                Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();

        ServiceApi.Response refused;
        try {
            refused = run(category, "");
        } finally {
            held.unlock();
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.json().get("detail").asString()).contains("réessayez dans un instant");
        assertThat(activeReviews(category)).isEmpty();
        ServiceApi.Response again = run(category, "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("added").asInt()).isEqualTo(3);
    }

    @Test
    void too_small_a_jury_leaves_shortfalls_reported_with_their_reason() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(2);
        Application application = fixtures.application(category, "Seul");
        setJury(category, jurors);

        JsonNode plan = run(category, "").json();

        assertThat(plan.get("complete").asBoolean()).isFalse();
        JsonNode shortfall = plan.get("shortfalls").get(0);
        assertThat(shortfall.get("applicationId").asString()).isEqualTo(application.id());
        assertThat(shortfall.get("reference").asString()).isEqualTo(application.reference());
        assertThat(shortfall.get("required").asInt()).isEqualTo(3);
        assertThat(shortfall.get("assigned").asInt()).isEqualTo(2);
        assertThat(shortfall.get("missing").asInt()).isEqualTo(1);
        assertThat(shortfall.get("reason").asString()).isEqualTo("ROSTER_TOO_SMALL");
    }

    @Test
    void assignment_waits_for_its_phase_and_needs_a_jury() {
        List<String> jurors = fixtures.jurors(3);
        Category submission = category(Phase.SUBMISSION);
        setJury(submission, jurors);
        ServiceApi.Response early = run(submission, "?round=PRESELECTION");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(api().post(API + "/categories/" + submission.id() + "/assignments?round=PRESELECTION", organizer,
                "Accept-Language", "en").json().get("detail").asString()).contains("\"Evaluation\"").contains("\"Applications open\"").doesNotContain("EVALUATION", "SUBMISSION");
        assertThat(run(submission, "").status()).isEqualTo(409);

        Category preselection = category(Phase.PRESELECTION);
        setJury(preselection, jurors);
        assertThat(run(preselection, "").status()).isEqualTo(409);

        Category evaluation = category(Phase.EVALUATION);
        assertThat(run(evaluation, "").status()).as("no jury yet").isEqualTo(409);
        setJury(evaluation, jurors);
        assertThat(run(evaluation, "?round=FINAL").status()).isEqualTo(409);
        assertRejected(run(evaluation, "?round=SEMI_FINAL"), "round");
        assertThat(run(evaluation, "").status()).isEqualTo(200);
        assertThat(api().post(API + "/categories/no-such-category/assignments", organizer).status()).isEqualTo(404);
    }

    @Test
    void the_final_round_gives_jurors_to_finalists_only() {
        Edition edition = fixtures.competition().edition();
        Category category = fixtures.competition().category(edition, CategoryCode.PROJECT_CONTEST, Phase.INCUBATION,
                Duration.ofDays(3), new CategorySettings(2, true, false, true, 2));
        List<String> jurors = fixtures.jurors(3);
        Application first = fixtures.application(category, "Finaliste 1");
        Application second = fixtures.application(category, "Finaliste 2");
        fixtures.application(category, "Non retenu");
        fixtures.preselect(first);
        fixtures.preselect(second);
        setJury(category, jurors);

        JsonNode plan = run(category, "").json();

        assertThat(plan.get("round").asString()).isEqualTo("FINAL");
        assertThat(plan.get("applications").asInt()).isEqualTo(2);
        assertThat(plan.get("added").asInt()).isEqualTo(4);
        assertThat(activeReviews(category)).allSatisfy(review -> {
            assertThat(review.round()).isEqualTo(Round.FINAL);
            assertThat(review.applicationId()).isIn(first.id(), second.id());
        });
        assertThat(run(category, "?round=PRESELECTION").status()).isEqualTo(409);
    }

    @Test
    void organizer_adds_a_juror_by_hand_with_a_reason_but_never_one_in_conflict() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(2);
        Application application = fixtures.application(category, "Manuel");
        assertThat(setJury(category, jurors).status()).isEqualTo(200); // before the insiders apply
        Application insiders = fixtures.applicationOf(category, "Maison", java.util.UUID.randomUUID().toString(),
                TestIssuer.subjectOf(jurors.get(1)));
        String path = API + "/categories/" + category.id() + "/assignments/manual";

        ServiceApi.Response added = api().postJson(path, organizer, """
                {"applicationId": "%s", "username": "%s", "reason": "Expertise en agriculture"}
                """.formatted(application.id(), jurors.get(0)));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(added.json().get("manual").asBoolean()).isTrue();
        assertThat(added.json().get("round").asString()).isEqualTo("PRESELECTION");
        assertThat(added.json().get("username").asString()).isEqualTo(jurors.get(0));
        JsonNode audited = audit(category, "JUROR_ASSIGNED").get(0);
        assertThat(audited.get("reason").asString()).isEqualTo("Expertise en agriculture");
        assertThat(audited.get("subjectId").asString()).isEqualTo(application.id());
        juryEvents.await(JurorAssigned.TYPE.type(), application.id(), p -> p.get("manual").asBoolean(), 1);

        assertThat(api().postJson(path, organizer, """
                {"applicationId": "%s", "username": "%s", "round": "PRESELECTION", "reason": "Encore"}
                """.formatted(application.id(), jurors.get(0))).status()).isEqualTo(409);
        ServiceApi.Response conflicted = api().postJson(path, organizer, """
                {"applicationId": "%s", "username": "%s", "reason": "Pourquoi pas"}
                """.formatted(insiders.id(), jurors.get(1)), "Accept-Language", "en");
        assertThat(conflicted.status()).isEqualTo(409);
        assertThat(conflicted.json().get("detail").asString()).contains("organisation");
        assertRejected(api().postJson(path, organizer, """
                {"applicationId": "%s", "username": "someone-else", "reason": "x"}""".formatted(application.id())), "username");
        assertRejected(api().postJson(path, organizer, """
                {"applicationId": "no-such-application", "username": "%s", "reason": "x"}""".formatted(jurors.get(1))),
                "applicationId");
        assertRejected(api().postJson(path, organizer, """
                {"applicationId": "%s", "username": "%s"}""".formatted(application.id(), jurors.get(1))), "reason");
        assertRejected(api().postJson(path, organizer, """
                {"applicationId": "%s", "username": "%s", "round": "SEMI", "reason": "x"}""".formatted(application.id(),
                jurors.get(1))), "round");
        // every fault in one answer: a juror off the roster, an unknown application and no reason
        assertRejected(api().postJson(path, organizer, """
                {"applicationId": "no-such-application", "username": "someone-else"}"""), "username", "applicationId", "reason");
    }

    @Test
    void organizer_removes_a_review_with_a_reason_and_a_removed_scored_review_stops_counting() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(3);
        Application application = fixtures.application(category, "Retrait");
        setJury(category, jurors);
        JuryReview scored = fixtures.review(category, Round.PRESELECTION, application, jurors.get(0), ReviewStatus.SUBMITTED,
                JuryFixtures.scores(7, 7, 7));
        assertThat(directory.submitted(category.id(), Round.PRESELECTION)).hasSize(1);
        String path = API + "/categories/" + category.id() + "/assignments/" + scored.id();

        assertRejected(api().delete(path, organizer), "reason");
        assertRejected(api().delete(path + "?reason=%20%20", organizer), "reason");
        ServiceApi.Response removed = api().delete(path + "?reason=Juror%20unavailable", organizer);

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("status").asString()).isEqualTo("REMOVED");
        assertThat(removed.json().get("endReason").asString()).isEqualTo("Juror unavailable");
        assertThat(directory.submitted(category.id(), Round.PRESELECTION)).isEmpty();
        assertThat(directory.isActiveJuror(application.id(), scored.jurorId())).isFalse();
        JsonNode audited = audit(category, "JUROR_REMOVED").get(0);
        assertThat(audited.get("reason").asString()).isEqualTo("Juror unavailable");
        assertThat(audited.get("details").get("wasSubmitted").asString()).isEqualTo("true");
        juryEvents.await(JurorUnassigned.TYPE.type(), application.id(), p -> p.get("reason").asString().equals("REMOVED")
                && p.get("jurorId").asString().equals(scored.jurorId()), 1);
        assertThat(api().delete(path + "?reason=again", organizer).status()).isEqualTo(409);
        assertThat(api().delete(API + "/categories/" + category.id() + "/assignments/PRESELECTION:x:y?reason=x", organizer)
                .status()).isEqualTo(404);

        // the automatic run does not give it back to the juror an organizer took it from; a manual add does
        JsonNode plan = run(category, "").json();
        assertThat(activeReviews(category)).extracting(JuryReview::jurorId).doesNotContain(scored.jurorId());
        assertThat(plan.get("shortfalls").get(0).get("excludedJurors").get("REMOVED").asInt()).isEqualTo(1);
        ServiceApi.Response back = api().postJson(API + "/categories/" + category.id() + "/assignments/manual", organizer, """
                {"applicationId": "%s", "username": "%s", "reason": "Disponible à nouveau"}
                """.formatted(application.id(), jurors.get(0)));
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        JuryReview again = mongo.findById(scored.id(), JuryReview.class);
        assertThat(again.status()).isEqualTo(ReviewStatus.ASSIGNED);
        assertThat(again.scores()).isEmpty();
        assertThat(again.manual()).isTrue();

        JsonNode page = api().get(API + "/categories/" + category.id() + "/assignments?username=" + jurors.get(0), organizer).json();
        assertThat(page.get("totalElements").asInt()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("reference").asString()).isEqualTo(application.reference());
        assertRejected(api().get(API + "/categories/" + category.id() + "/assignments?size=0", organizer), "size");
        assertRejected(api().get(API + "/categories/" + category.id() + "/assignments?status=LOST", organizer), "status");
    }

    @Test
    void taking_a_juror_off_the_jury_withdraws_their_pending_reviews_but_keeps_their_scores() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(3);
        Application first = fixtures.application(category, "Un");
        Application second = fixtures.application(category, "Deux");
        setJury(category, jurors);
        fixtures.review(category, Round.PRESELECTION, first, jurors.get(2), ReviewStatus.SUBMITTED, JuryFixtures.scores(5, 5, 5));
        JuryReview pending = fixtures.review(category, Round.PRESELECTION, second, jurors.get(2), ReviewStatus.ASSIGNED, Map.of());

        JsonNode roster = setJury(category, jurors.subList(0, 2)).json();

        assertThat(roster.get("withdrawnReviews").asInt()).isEqualTo(1);
        assertThat(mongo.findById(pending.id(), JuryReview.class).status()).isEqualTo(ReviewStatus.REMOVED);
        assertThat(directory.submitted(category.id(), Round.PRESELECTION)).hasSize(1);
    }

    @Test
    void a_scored_review_whose_juror_joined_the_applicants_organisation_is_ended_audited_and_stops_counting() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(4);
        Application application = fixtures.application(category, "Adhésion");
        setJury(category, jurors);
        assertThat(run(category, "").json().get("added").asInt()).isEqualTo(3);
        JuryReview scored = activeReviews(category).stream().min(java.util.Comparator.comparing(JuryReview::id)).orElseThrow();
        mongo.updateFirst(query(where("id").is(scored.id())), new Update().set("status", ReviewStatus.SUBMITTED)
                .set("scores", JuryFixtures.scores(9, 9, 9)).set("submittedAt", java.time.Instant.now()), JuryReview.class);
        assertThat(directory.submitted(category.id(), Round.PRESELECTION)).hasSize(1);
        // after scoring, the juror joins the organisation that applies
        mongo.updateFirst(query(where("id").is(application.organizationId())),
                new Update().push("participantIds", scored.jurorId()), RegisteredOrganization.class);

        JsonNode plan = run(category, "").json();

        assertThat(plan.get("withdrawn").size()).isEqualTo(1);
        assertThat(plan.get("withdrawn").get(0).get("reviewId").asString()).isEqualTo(scored.id());
        assertThat(plan.get("withdrawn").get(0).get("reason").asString()).isEqualTo("OWN_ORGANISATION");
        assertThat(plan.get("notKept").size()).isZero();
        JuryReview ended = mongo.findById(scored.id(), JuryReview.class);
        assertThat(ended.status()).isEqualTo(ReviewStatus.REMOVED);
        assertThat(ended.endReason()).contains("OWN_ORGANISATION");
        assertThat(directory.submitted(category.id(), Round.PRESELECTION)).isEmpty();
        assertThat(activeReviews(category)).hasSize(3).extracting(JuryReview::jurorId).doesNotContain(scored.jurorId());
        JsonNode audited = audit(category, "JUROR_REMOVED").get(0);
        assertThat(audited.get("subjectId").asString()).isEqualTo(application.id());
        assertThat(audited.get("reason").asString()).contains("OWN_ORGANISATION");
        assertThat(audited.get("details").get("wasSubmitted").asString()).isEqualTo("true");
        assertThat(audited.get("details").get("reviewId").asString()).isEqualTo(scored.id());
    }

    @Test
    void a_juror_back_on_the_jury_gets_reviews_again_but_a_pair_an_organizer_removed_stays_excluded() {
        Category category = category(Phase.EVALUATION);
        List<String> jurors = fixtures.jurors(3);
        Application application = fixtures.application(category, "Retour");
        setJury(category, jurors);
        assertThat(run(category, "").json().get("added").asInt()).isEqualTo(3);
        assertThat(setJury(category, jurors.subList(0, 2)).json().get("withdrawnReviews").asInt()).isEqualTo(1);
        setJury(category, jurors);

        JsonNode again = run(category, "").json();

        assertThat(again.get("added").asInt()).isEqualTo(1);
        assertThat(again.get("complete").asBoolean()).isTrue();
        String returning = TestIssuer.subjectOf(jurors.get(2));
        JuryReview back = mongo.findById(JuryReview.idOf(Round.PRESELECTION, application.id(), returning), JuryReview.class);
        assertThat(back.status()).isEqualTo(ReviewStatus.ASSIGNED);
        assertThat(back.manual()).isFalse();
        juryEvents.await(JurorAssigned.TYPE.type(), application.id(), p -> p.get("jurorId").asString().equals(returning), 2);

        String removedId = JuryReview.idOf(Round.PRESELECTION, application.id(), TestIssuer.subjectOf(jurors.get(1)));
        assertThat(api().delete(API + "/categories/" + category.id() + "/assignments/" + removedId + "?reason=Indisponible",
                organizer).status()).isEqualTo(200);
        JsonNode afterRemoval = run(category, "").json();
        assertThat(afterRemoval.get("added").asInt()).isZero();
        assertThat(afterRemoval.get("shortfalls").get(0).get("excludedJurors").get("REMOVED").asInt()).isEqualTo(1);
        assertThat(mongo.findById(removedId, JuryReview.class).status()).isEqualTo(ReviewStatus.REMOVED);
    }

    @Test
    void a_page_beyond_100000_is_refused_naming_page() {
        Category category = category(Phase.EVALUATION);
        String path = API + "/categories/" + category.id() + "/assignments?page=";

        assertRejected(api().get(path + "2147483647", organizer), "page");
        assertRejected(api().get(path + "100001", organizer), "page");
        assertRejected(api().get(path + "-1", organizer), "page");
        assertThat(api().get(path + "100000", organizer).status()).isEqualTo(200);
    }

    @Test
    void only_organizers_run_the_jury() {
        Category category = category(Phase.EVALUATION);
        String base = API + "/categories/" + category.id();
        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            String token = ISSUER.token(role + "-jury-access", "ML", role);
            assertThat(api().get(base + "/jurors", token).status()).as(role).isEqualTo(403);
            assertThat(api().put(base + "/jurors", token, "{\"usernames\": [\"x\"]}").status()).as(role).isEqualTo(403);
            assertThat(api().post(base + "/assignments", token).status()).as(role).isEqualTo(403);
            assertThat(api().get(base + "/assignments", token).status()).as(role).isEqualTo(403);
            assertThat(api().postJson(base + "/assignments/manual", token,
                    "{\"applicationId\": \"a\", \"username\": \"b\", \"reason\": \"c\"}").status()).as(role).isEqualTo(403);
            assertThat(api().delete(base + "/assignments/x?reason=x", token).status()).as(role).isEqualTo(403);
        }
        assertThat(api().get(base + "/jurors", null).status()).isEqualTo(401);
        assertThat(api().get(API + "/categories/no-such-category/jurors", organizer).status()).isEqualTo(404);
        assertThat(api().get(API + "/categories/no-such-category/assignments", organizer).status()).isEqualTo(404);
    }
}
