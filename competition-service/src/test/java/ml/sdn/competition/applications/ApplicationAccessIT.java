package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.jury.JuryReview;
import ml.sdn.competition.jury.ReviewStatus;
import ml.sdn.competition.jury.Round;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Who reads what, tried from the attacker's side. */
class ApplicationAccessIT extends ApplicationsITBase {

    private final String organizer = ISSUER.token("organizer-access", "ML", "organizer");

    private String juror(String jurorUsername, Application application, ReviewStatus status) {
        String jurorId = TestIssuer.subjectOf(jurorUsername);
        mongo.insert(new JuryReview(JuryReview.idOf(Round.PRESELECTION, application.id(), jurorId), application.editionId(),
                application.categoryId(), application.id(), jurorId, Round.PRESELECTION, status, Map.of(), false, "organizer",
                Instant.now(), null, null, null, null, null, List.of(), null));
        return ISSUER.token(jurorUsername, "NE", "jury");
    }

    private static String coordinator(String country) {
        return ISSUER.tokenWithDelegation("coordinator-" + country + "-" + UUID.randomUUID(), country, country, "coordinator");
    }

    @Test
    void another_participant_finds_nothing_whatever_they_try() {
        Person awa = person("ML");
        Person intruder = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = submitted(awa, contest, null);
        String path = APPLICATIONS + "/" + id;

        assertProblem(api().get(path, intruder.token()), 404);
        assertProblem(api().put(path, intruder.token(), completeJson(contest, null, "Volé")), 404);
        assertProblem(api().post(path + "/submit", intruder.token()), 404);
        assertProblem(api().post(path + "/withdraw", intruder.token()), 404);
        assertProblem(api().delete(path, intruder.token()), 404);
        assertProblem(api().get(path + "/attachment", intruder.token()), 404);
        assertProblem(api().delete(path + "/attachment", intruder.token()), 404);
        assertThat(api().get(APPLICATIONS + "/mine", intruder.token()).json().isEmpty()).isTrue();
        // the same answer as for an id that does not exist
        ServiceApi.Response unknown = api().get(APPLICATIONS + "/6b0b0371896fa35d8103b999", intruder.token(), "Accept-Language", "en");
        ServiceApi.Response someoneElses = api().get(path, intruder.token(), "Accept-Language", "en");
        assertThat(someoneElses.json().get("detail").asString())
                .isEqualTo(unknown.json().get("detail").asString().replace("6b0b0371896fa35d8103b999", id));
        assertThat(api().get(path, awa.token()).json().get("title").isNull()).isFalse();
    }

    @Test
    void without_a_token_everything_is_401_and_the_wrong_role_is_403() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);

        assertProblem(api().postJson(APPLICATIONS, null, draftJson(contest, null, "Anonyme")), 401);
        assertProblem(api().get(APPLICATIONS + "/mine", null), 401);
        assertProblem(api().get(APPLICATIONS, null), 401);
        assertProblem(api().get(APPLICATIONS, awa.token()), 403);
        assertProblem(api().get(APPLICATIONS, ISSUER.token("juror-list", "ML", "jury")), 403);
        assertProblem(api().postJson(APPLICATIONS, ISSUER.token("coach-draft", "ML", "coach"), draftJson(contest, null, "Coach")), 403);
        assertProblem(api().postJson(APPLICATIONS, ISSUER.expiredToken(awa.username(), "ML", "participant"),
                draftJson(contest, null, "Expiré")), 401);
    }

    @Test
    void an_assigned_juror_reads_a_blind_view_and_nothing_that_names_the_applicant() {
        Person awa = person("ML");
        RegisteredOrganization startUp = fixtures().organization("Sahel Solaire", "START_UP", "ML", true, awa.id());
        Category challenge = category(CategoryCode.START_UP_CHALLENGE, Phase.EVALUATION);
        Application application = fixtures().submittedApplication(challenge, awa.id(), startUp.id(), "ML", "Pompes");
        String assigned = juror("juror-blind-" + UUID.randomUUID(), application, ReviewStatus.ASSIGNED);

        ServiceApi.Response read = api().get(APPLICATIONS + "/" + application.id(), assigned);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.get("blind").asBoolean()).isTrue();
        assertThat(view.get("title").asString()).isEqualTo("Pompes");
        assertThat(view.get("teamRoles").toString()).isEqualTo("[\"lead\"]");
        assertThat(view.get("applicantName").isNull()).isTrue();
        assertThat(view.get("country").isNull()).isTrue();
        assertThat(read.body()).doesNotContain("Awa Traoré").doesNotContain("Sahel Solaire").doesNotContain(awa.id())
                .doesNotContain(startUp.id()).doesNotContain("reference");
    }

    @Test
    void without_blind_review_the_juror_sees_the_names_from_the_copies() {
        Person awa = person("BF");
        RegisteredOrganization startUp = fixtures().organization("Faso Agri", "SME", "BF", false, awa.id());
        Category open = fixtures().category(fixtures().edition(), CategoryCode.START_UP_CHALLENGE, Phase.EVALUATION,
                Duration.ofDays(7), new CategorySettings(3, false, false, true, 2));
        Application application = fixtures().submittedApplication(open, awa.id(), startUp.id(), "BF", "Séchoirs");
        String assigned = juror("juror-open-" + UUID.randomUUID(), application, ReviewStatus.SUBMITTED);

        JsonNode view = api().get(APPLICATIONS + "/" + application.id(), assigned).json();

        assertThat(view.get("blind").asBoolean()).isFalse();
        assertThat(view.get("applicantName").asString()).startsWith("Aïssata");
        assertThat(view.get("organizationName").asString()).isEqualTo("Faso Agri");
        assertThat(view.get("country").asString()).isEqualTo("BF");
    }

    @Test
    void a_juror_not_assigned_conflicted_or_removed_finds_nothing() {
        Person awa = person("NE");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.EVALUATION);
        Application application = fixtures().submittedApplication(contest, awa.id(), null, "NE", "Maraîchage");
        String path = APPLICATIONS + "/" + application.id();

        assertProblem(api().get(path, ISSUER.token("juror-stranger-" + UUID.randomUUID(), "NE", "jury")), 404);
        assertProblem(api().get(path, juror("juror-conflicted-" + UUID.randomUUID(), application, ReviewStatus.CONFLICTED)), 404);
        assertProblem(api().get(path, juror("juror-removed-" + UUID.randomUUID(), application, ReviewStatus.REMOVED)), 404);
        assertProblem(api().get(path + "/attachment", ISSUER.token("juror-stranger2-" + UUID.randomUUID(), "NE", "jury")), 404);
    }

    @Test
    void a_draft_takes_the_delegation_of_the_registration_never_the_countries_of_an_edited_token() {
        Person awa = person("ML");
        String editedToBurkina = ISSUER.token(awa.username(), "BF", "participant");
        Person newcomer = newcomer("BF");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);

        ServiceApi.Response draft = api().postJson(APPLICATIONS, editedToBurkina, draftJson(contest, null, "Délégation"));
        ServiceApi.Response early = api().postJson(APPLICATIONS, newcomer.token(), draftJson(contest, null, "Sans copie"));

        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        assertThat(draft.json().get("country").asString()).isEqualTo("ML");
        assertThat(early.status()).as(early.body()).isEqualTo(201);
        assertThat(early.json().path("country").isMissingNode() || early.json().get("country").isNull())
                .as("no registration copy yet: no delegation until submission, not the token's").isTrue();
    }

    @Test
    void a_coordinator_reads_the_status_of_their_countrys_applications_only() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = submitted(awa, contest, null);
        String path = APPLICATIONS + "/" + id;

        ServiceApi.Response own = api().get(path, coordinator("ML"));

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        JsonNode view = own.json();
        assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.get("reference").asString()).startsWith("SDN");
        assertThat(view.get("country").asString()).isEqualTo("ML");
        assertThat(view.has("summary")).isFalse();
        assertThat(view.has("team")).isFalse();
        assertThat(view.get("applicantId").isNull()).isTrue();
        assertProblem(api().get(path, coordinator("BF")), 404);
        assertProblem(api().get(path + "/attachment", coordinator("ML")), 404);
        // a coordinator without a delegation, or someone who merely lives in the country
        assertProblem(api().get(path, ISSUER.tokenWithDelegation("coordinator-nodelegation", "ML", null, "coordinator")), 404);
        assertProblem(api().get(path, person("ML").token()), 404);
    }

    @Test
    void organizers_list_everything_coordinators_their_country_and_nobody_sees_a_score() {
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        Person malian = person("ML");
        Person burkinabe = person("BF");
        String malianId = submitted(malian, contest, null);
        String burkinabeId = submitted(burkinabe, contest, null);
        mongo.updateFirst(query(where("id").is(malianId)), new Update().set("selection",
                new Application.Selection(Application.SelectionStatus.PRESELECTED, 1, 7.125, "reason", "organizer", Instant.now())),
                Application.class);
        String byCategory = APPLICATIONS + "?categoryId=" + contest.id();

        ServiceApi.Response all = api().get(byCategory, organizer);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("totalElements").asLong()).isEqualTo(2);
        assertThat(all.json().get("content").findValuesAsString("id")).containsExactly(burkinabeId, malianId);
        assertThat(all.json().get("content").get(1).get("applicantName").asString()).startsWith("Aïssata");
        assertThat(all.json().get("content").get(1).get("selectionStatus").asString()).isEqualTo("PRESELECTED");
        assertThat(all.body()).doesNotContain("7.125").doesNotContain("\"rank\"").doesNotContain("\"score\"");

        JsonNode burkinabeOnly = api().get(byCategory + "&country=BF&status=SUBMITTED", organizer).json();
        assertThat(burkinabeOnly.get("content").findValuesAsString("id")).containsExactly(burkinabeId);

        JsonNode coordinated = api().get(byCategory, coordinator("ML")).json();
        assertThat(coordinated.get("content").findValuesAsString("id")).containsExactly(malianId);
        assertThat(coordinated.get("content").get(0).get("applicantName").isNull()).isTrue();
        JsonNode elsewhere = api().get(byCategory + "&country=BF", coordinator("ML")).json();
        assertThat(elsewhere.get("totalElements").asLong()).isZero();
        assertThat(elsewhere.get("content").isEmpty()).isTrue();

        JsonNode paged = api().get(byCategory + "&page=1&size=1", organizer).json();
        assertThat(paged.get("content").findValuesAsString("id")).containsExactly(malianId);
        assertThat(paged.get("totalPages").asInt()).isEqualTo(2);
        assertThat(paged.get("page").asInt()).isEqualTo(1);
        assertThat(paged.get("size").asInt()).isEqualTo(1);
    }

    @Test
    void organizers_list_an_edition_by_women_led_and_export_it_in_words_and_no_one_else_may() {
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        Person awa = person("ML"); // alone, FEMALE in the copy: women-led
        Person moussa = person("NE");
        mongo.updateFirst(query(where("id").is(moussa.id())), new Update().set("gender", "MALE"),
                ml.sdn.competition.registrations.RegisteredParticipant.class);
        String awaId = submitted(awa, contest, null);
        String moussaId = submitted(moussa, contest, null);
        mongo.updateFirst(query(where("id").is(moussaId)), new Update().set("content.title", "=HYPERLINK(\"http://x\")"),
                Application.class);
        String byEdition = APPLICATIONS + "?editionId=" + contest.editionId();

        JsonNode all = api().get(byEdition, organizer).json();
        assertThat(all.get("content").findValuesAsString("id")).containsExactlyInAnyOrder(awaId, moussaId);
        JsonNode womenLed = api().get(byEdition + "&womenLed=true", organizer).json();
        assertThat(womenLed.get("content").findValuesAsString("id")).containsExactly(awaId);
        assertThat(womenLed.get("content").get(0).get("womenLed").asBoolean()).isTrue();
        assertThat(api().get(byEdition + "&womenLed=false", organizer).json().get("content").findValuesAsString("id"))
                .containsExactly(moussaId);
        assertThat(api().get(APPLICATIONS + "?editionId=no-such-edition", organizer).json().get("totalElements").asLong())
                .isZero();

        ServiceApi.Response csv = api().get(APPLICATIONS + ".csv?editionId=" + contest.editionId(), organizer);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("candidatures-edition-");
        assertThat(csv.body()).startsWith("\uFEFFÉdition ").contains("fichier établi le")
                .contains("Référence;Titre;Catégorie;Pays;Statut;Portée par une femme")
                .contains(";Concours de projets;Mali;Déposée;oui;", ";Concours de projets;Niger;Déposée;non;")
                .contains("'=HYPERLINK").doesNotContain(";ML;", "SUBMITTED", "PROJECT_CONTEST");
        assertThat(api().get(APPLICATIONS + ".csv?editionId=" + contest.editionId() + "&womenLed=true", organizer,
                "Accept-Language", "en").body()).contains("Project contest;Mali;Submitted;yes").doesNotContain("Niger");
        // the same rows as XLSX, the filters kept
        ServiceApi.Response xlsx = api().get(APPLICATIONS + ".xlsx?editionId=" + contest.editionId() + "&womenLed=false", organizer);
        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains("candidatures-edition-").contains(".xlsx");
        List<List<Object>> rows = ml.sdn.testing.XlsxRows.read(xlsx.bytes());
        assertThat((String) rows.get(0).get(0)).startsWith("Édition ").contains("fichier établi le");
        assertThat(rows.get(1)).startsWith("Référence", "Titre", "Catégorie", "Pays", "Statut", "Portée par une femme");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).contains("'=HYPERLINK(\"http://x\")", "Concours de projets", "Niger", "Déposée", "non");

        assertRejected(api().get(APPLICATIONS + ".csv", organizer), "editionId");
        assertRejected(api().get(APPLICATIONS + ".csv?editionId=no-such-edition", organizer), "editionId");
        assertRejected(api().get(APPLICATIONS + ".csv?editionId=" + contest.editionId() + "&womenLed=maybe", organizer), "womenLed");
        assertRejected(api().get(byEdition + "&womenLed=maybe", organizer), "womenLed");
        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            for (String file : List.of(".csv", ".xlsx")) {
                ServiceApi.Response refused = api().get(APPLICATIONS + file + "?editionId=" + contest.editionId(),
                        ISSUER.token(role + "-export", "ML", role));
                assertThat(refused.status()).as(role).isEqualTo(403);
                assertThat(refused.contentType()).as(role).startsWith("application/problem+json");
            }
        }
        assertThat(api().get(APPLICATIONS + ".csv?editionId=" + contest.editionId(), null).status()).isEqualTo(401);
    }

    @Test
    void one_persons_applications_for_their_page_in_the_directory_within_the_callers_scope() {
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        Person malian = person("ML");
        Person burkinabe = person("BF");
        String malianId = submitted(malian, contest, null);
        submitted(burkinabe, contest, null);

        JsonNode hers = api().get(APPLICATIONS + "?applicantId=" + malian.id(), organizer).json();
        assertThat(hers.get("content").findValuesAsString("id")).containsExactly(malianId);
        assertThat(api().get(APPLICATIONS + "?applicantId=" + malian.id(), coordinator("ML")).json()
                .get("content").findValuesAsString("id")).containsExactly(malianId);
        // a coordinator of another delegation naming her gets nothing
        JsonNode elsewhere = api().get(APPLICATIONS + "?applicantId=" + malian.id(), coordinator("BF")).json();
        assertThat(elsewhere.get("totalElements").asLong()).isZero();
        assertRejected(api().get(APPLICATIONS + "?applicantId=%7B%24ne%3A1%7D", organizer), "applicantId");
    }

    @Test
    void list_parameters_are_checked_and_named() {
        assertRejected(api().get(APPLICATIONS + "?page=-1", organizer), "page");
        assertRejected(api().get(APPLICATIONS + "?size=0", organizer), "size");
        assertRejected(api().get(APPLICATIONS + "?size=101", organizer), "size");
        assertRejected(api().get(APPLICATIONS + "?size=many", organizer), "size");
        assertRejected(api().get(APPLICATIONS + "?status=ACCEPTED", organizer), "status");
        assertRejected(api().get(APPLICATIONS + "?country=SN", organizer), "country");
        assertRejected(api().get(APPLICATIONS + "?categoryId=%7B%24ne%3A1%7D", organizer), "categoryId");
    }
}
