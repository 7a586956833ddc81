package ml.sdn.competition.awards;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.ServiceIT;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditEntry;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.jury.Round;
import ml.sdn.competition.selection.CompetitionEvents;
import ml.sdn.competition.selection.SelectionData;
import ml.sdn.events.competition.AwardGranted;
import ml.sdn.events.competition.FinalistRanked;
import ml.sdn.events.competition.ResultsPublished;
import ml.sdn.testing.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The final, the awards and the women-led Special Prize through the publish endpoint, and the public page. */
class ResultsIT extends ServiceIT {

    private static final String EDITIONS = "/api/competitions/editions/";
    /** Raw totals (no normalisation) so that each final score below is the plain mean of its two reviews. */
    private static final CategorySettings RAW = new CategorySettings(3, true, false, false, 2);

    @Autowired
    MongoTemplate mongo;

    private CompetitionFixtures fixtures;
    private SelectionData data;
    private final String organizer = ISSUER.token("organizer-results", "ML", "organizer");

    @BeforeEach
    void setUp() {
        fixtures = new CompetitionFixtures(mongo);
        data = new SelectionData(mongo);
    }

    /** The finalists of an edition by a short name, and the two final jurors. */
    private final class Final {
        final Edition edition;
        final Map<String, Application> finalists = new LinkedHashMap<>();
        final String j1 = "j1-" + UUID.randomUUID();
        final String j2 = "j2-" + UUID.randomUUID();

        Final(boolean overlap) {
            edition = fixtures.edition(overlap);
        }

        Category category(CategoryCode code, Phase phase) {
            return fixtures.category(edition, code, phase, Duration.ofDays(7), RAW);
        }

        /** An organisation's finalist scored {@code score} by both final jurors. */
        Application organisation(Category category, String key, String title, String organisation, String country,
                                 boolean womenLed, double score) {
            String owner = key + "-" + UUID.randomUUID();
            fixtures.participant(owner, country, "Owner " + key, "MALE");
            var org = fixtures.organization(organisation, "START_UP", country, womenLed, owner);
            return scored(category, key, fixtures.submittedApplication(category, owner, org.id(), country, title), score, score);
        }

        /** A project holder alone; women-led when she is a woman. */
        Application holder(Category category, String key, String title, String name, String gender, String country,
                           double score) {
            String person = key + "-" + UUID.randomUUID();
            fixtures.participant(person, country, name, gender);
            return scored(category, key, fixtures.submittedApplication(category, person, null, country, title), score, score);
        }

        Application scored(Category category, String key, Application application, double first, double second) {
            data.review(category, Round.FINAL, application, j1, first);
            data.review(category, Round.FINAL, application, j2, second);
            finalists.put(key, application);
            return application;
        }

        Application get(String key) {
            return finalists.get(key);
        }

        String path() {
            return EDITIONS + edition.id() + "/results";
        }
    }

    /*
     * Start-up challenge (FINAL phase), final scores = mean of two raw totals:
     *   S1 9 (women-led), S2 8, S3 (7.25 + 7)/2 = 7.125, S4 6 (women-led), S5 5,
     *   S6 9.5 (women-led) but dropped from the incubation: not a finalist.
     * Project contest (CLOSED phase): P1 8.5 (a man alone), P2 6.5 (a woman alone: women-led).
     * Category prizes: S1, S2, S3; P1, P2, third place not awarded.
     * Women-led finalists: S1 (1st), P2 (2nd), S4 → the Special Prize goes to S4 (6) unless overlap is
     * allowed, in which case to S1 (9, best-ranked women-led finalist across categories).
     */
    private Final edition(boolean overlap) {
        Final f = new Final(overlap);
        Category startUps = f.category(CategoryCode.START_UP_CHALLENGE, Phase.FINAL);
        Category projects = f.category(CategoryCode.PROJECT_CONTEST, Phase.CLOSED);
        Application s1 = f.organisation(startUps, "S1", "Solaire pour tous", "Sahel Solar SARL", "BF", true, 9);
        Application s2 = f.organisation(startUps, "S2", "Données de Bamako", "Bamako Data", "ML", false, 8);
        Application s3 = f.scored(startUps, "S3", fixtures.submittedApplication(startUps, "s3-" + UUID.randomUUID(),
                fixtures.organization("Niamey Agri", "SME", "NE", false).id(), "NE", "Agri Niger"), 7.25, 7);
        Application s4 = f.organisation(startUps, "S4", "Couture digitale", "Tissage & Code", "ML", true, 6);
        Application s5 = f.organisation(startUps, "S5", "Transport partagé", "Roule Faso", "BF", false, 5);
        Application s6 = f.organisation(startUps, "S6", "Projet abandonné", "Partie Tôt", "NE", true, 9.5);
        Application p1 = f.holder(projects, "P1", "École numérique", "Moussa Diarra", "MALE", "ML", 8.5);
        Application p2 = f.holder(projects, "P2", "Santé mobile", "Aïssata Maïga", "FEMALE", "NE", 6.5);
        data.preselect(startUps, s1, s2, s3, s4, s5, s6);
        data.preselect(projects, p1, p2);
        mongo.updateFirst(query(where("id").is(s6.id())), new Update().set("incubation",
                new Application.IncubationOutcome(Application.IncubationStatus.DROPPED, "Abandon", Instant.now())), Application.class);
        f.finalists.remove("S6");
        return f;
    }

    private JsonNode publish(Final f) {
        ServiceApi.Response response = api().post(f.path() + "/publish", organizer);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static List<String> titles(JsonNode laureates) {
        List<String> titles = new ArrayList<>();
        laureates.forEach(l -> titles.add(l.get("place").asString() + " " + l.get("title").asString()));
        return titles;
    }

    @Test
    void the_special_prize_skips_a_women_led_finalist_who_already_won_and_the_page_is_public() {
        Final f = edition(false);
        String drop = f.get("S5").id();
        data.pending(mongo.findById(f.get("S5").categoryId(), Category.class), Round.FINAL, f.get("S5"), "j3-" + UUID.randomUUID());

        ServiceApi.Response before = api().get(f.path(), null);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.body()).doesNotContain("Solaire", "Couture");

        JsonNode preview = api().get(f.path() + "/preview", organizer).json();
        assertThat(preview.get("publishable").asBoolean()).isTrue();
        assertThat(preview.get("blockers")).isEmpty();
        JsonNode startUps = preview.get("categories").get(0);
        assertThat(startUps.get("code").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(startUps.get("finalists").asInt()).isEqualTo(5);
        assertThat(startUps.get("pendingFinalReviews").asInt()).isEqualTo(1);
        assertThat(startUps.get("ranking").get(0).get("womenLed").asBoolean()).isTrue();
        assertThat(startUps.toString()).doesNotContain("Projet abandonné");
        assertThat(preview.get("womenLedPrize").get("laureate").get("title").asString()).isEqualTo("Couture digitale");

        JsonNode published = publish(f);

        JsonNode page = api().get(f.path(), null).json();
        assertThat(page).isEqualTo(published);
        assertThat(page.get("editionId").asString()).isEqualTo(f.edition.id());
        assertThat(page.get("publishedAt").isNull()).isFalse();
        JsonNode s = page.get("categories").get(0);
        assertThat(s.get("code").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(titles(s.get("laureates"))).containsExactly("FIRST Solaire pour tous", "SECOND Données de Bamako",
                "THIRD Agri Niger");
        assertThat(s.get("laureates").get(0).get("name").asString()).isEqualTo("Sahel Solar SARL");
        assertThat(s.get("laureates").get(0).get("country").asString()).isEqualTo("BF");
        assertThat(s.get("laureates").get(0).get("finalScore").asDouble()).isEqualTo(9.0);
        assertThat(s.get("laureates").get(2).get("finalScore").asDouble()).isEqualTo(7.13); // 7.125, 2 decimals
        assertThat(s.get("notAwarded")).isEmpty();
        JsonNode p = page.get("categories").get(1);
        assertThat(titles(p.get("laureates"))).containsExactly("FIRST École numérique", "SECOND Santé mobile");
        assertThat(p.get("laureates").get(0).get("name").asString()).isEqualTo("Moussa Diarra");
        assertThat(p.get("notAwarded").get(0).asString()).isEqualTo("THIRD");
        JsonNode prize = page.get("womenLedPrize");
        assertThat(prize.get("awarded").asBoolean()).isTrue();
        assertThat(prize.get("title").asString()).isEqualTo("Couture digitale");
        assertThat(prize.get("name").asString()).isEqualTo("Tissage & Code");
        assertThat(prize.get("categoryCode").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(prize.get("finalScore").asDouble()).isEqualTo(6.0);
        // nothing but the laureates: no other finalist, no juror, no contact, no internal id
        assertThat(page.toString()).doesNotContain("Transport partagé", "Projet abandonné", f.j1, "@example.org",
                "applicationId", drop, "rawMean", "reviews");

        // readable with any token as well
        assertThat(api().get(f.path(), ISSUER.token("participant-results", "NE", "participant")).status()).isEqualTo(200);
    }

    @Test
    void publication_announces_every_rank_and_prize_on_the_broker_and_in_the_audit_trail_once() {
        Final f = edition(false);

        publish(f);

        String brokers = broker.getBrokersAsString();
        for (Application finalist : f.finalists.values()) {
            JsonNode ranked = CompetitionEvents.one(brokers, finalist.id(), FinalistRanked.TYPE.type());
            assertThat(ranked.get("editionId").asString()).isEqualTo(f.edition.id());
        }
        assertThat(CompetitionEvents.one(brokers, f.get("S3").id(), FinalistRanked.TYPE.type()).get("rank").asInt()).isEqualTo(3);
        assertThat(CompetitionEvents.one(brokers, f.get("S3").id(), FinalistRanked.TYPE.type()).get("finalScore").asDouble())
                .isEqualTo(7.125);
        List<ConsumerRecord<String, String>> awards = CompetitionEvents.await(brokers, f.edition.id(), AwardGranted.TYPE.type(), 6);
        assertThat(awards).hasSize(6);
        Map<String, String> prizes = new LinkedHashMap<>();
        awards.forEach(record -> {
            JsonNode award = CompetitionEvents.json(record);
            prizes.put(award.get("prize").asString() + " " + award.get("categoryCode").asString(), award.get("title").asString());
        });
        assertThat(prizes).containsExactly(
                Map.entry("FIRST START_UP_CHALLENGE", "Solaire pour tous"),
                Map.entry("SECOND START_UP_CHALLENGE", "Données de Bamako"),
                Map.entry("THIRD START_UP_CHALLENGE", "Agri Niger"),
                Map.entry("FIRST PROJECT_CONTEST", "École numérique"),
                Map.entry("SECOND PROJECT_CONTEST", "Santé mobile"),
                Map.entry("WOMEN_LED_SPECIAL_PRIZE START_UP_CHALLENGE", "Couture digitale"));
        JsonNode results = CompetitionEvents.one(brokers, f.edition.id(), ResultsPublished.TYPE.type());
        assertThat(results.get("number").asInt()).isEqualTo(f.edition.number());

        ServiceApi.Response again = api().post(f.path() + "/publish", organizer);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("déjà été publiés");

        List<AuditEntry> audit = mongo.find(query(where("editionId").is(f.edition.id())), AuditEntry.class);
        assertThat(audit).filteredOn(e -> e.action() == AuditAction.FINAL_RANKED).hasSize(2);
        assertThat(audit).filteredOn(e -> e.action() == AuditAction.AWARD_GRANTED).hasSize(6)
                .anySatisfy(e -> assertThat(e.details()).containsEntry("prize", "WOMEN_LED_SPECIAL_PRIZE"));
        assertThat(audit).filteredOn(e -> e.action() == AuditAction.RESULTS_PUBLISHED).singleElement()
                .satisfies(e -> assertThat(e.actorId()).isNotNull());
        assertThat(CompetitionEvents.seen(brokers, f.edition.id(), ResultsPublished.TYPE.type())).hasSize(1);
    }

    @Test
    void when_overlap_is_allowed_the_special_prize_goes_to_the_best_women_led_finalist_even_with_a_first_prize() {
        Final f = edition(true);

        JsonNode prize = publish(f).get("womenLedPrize");

        assertThat(prize.get("awarded").asBoolean()).isTrue();
        assertThat(prize.get("title").asString()).isEqualTo("Solaire pour tous");
        assertThat(prize.get("finalScore").asDouble()).isEqualTo(9.0);
    }

    @Test
    void without_a_women_led_finalist_the_special_prize_is_not_awarded_and_says_why_in_french_and_english() {
        Final f = new Final(false);
        Category projects = f.category(CategoryCode.PROJECT_CONTEST, Phase.FINAL);
        Application only = f.holder(projects, "P1", "Seul finaliste", "Oumar Sy", "MALE", "ML", 7);
        data.preselect(projects, only);

        JsonNode prize = publish(f).get("womenLedPrize");

        assertThat(prize.get("awarded").asBoolean()).isFalse();
        assertThat(prize.get("reason").asString()).isEqualTo("NO_WOMEN_LED_FINALIST");
        assertThat(prize.get("reasonText").asString()).isEqualTo(
                "Non attribué : aucun finaliste n'est une initiative portée par des femmes.");
        assertThat(prize.get("title").isNull()).isTrue();
        assertThat(api().get(f.path(), null, "Accept-Language", "en").json().get("womenLedPrize").get("reasonText").asString())
                .isEqualTo("Not awarded: no finalist is a women-led initiative.");
        JsonNode category = api().get(f.path(), null).json().get("categories").get(0);
        assertThat(category.get("notAwarded").toString()).isEqualTo("[\"SECOND\",\"THIRD\"]");
    }

    @Test
    void the_public_edition_says_whether_its_results_are_published() {
        Final f = edition(false);
        String edition = EDITIONS + f.edition.id();
        assertThat(api().get(edition, null).json().get("resultsPublished").asBoolean()).isFalse();

        publish(f);

        assertThat(api().get(edition, null).json().get("resultsPublished").asBoolean()).isTrue();
    }

    @Test
    void results_are_frozen_at_publication() {
        Final f = edition(false);
        JsonNode published = publish(f);
        Category startUps = mongo.findById(f.get("S5").categoryId(), Category.class);

        // a late review that would turn the start-up ranking upside down
        String late = "j3-" + UUID.randomUUID();
        data.review(startUps, Round.FINAL, f.get("S5"), late, 10);
        data.review(startUps, Round.FINAL, f.get("S1"), late, 0);

        assertThat(api().get(f.path(), null).json()).isEqualTo(published);
        JsonNode preview = api().get(f.path() + "/preview", organizer).json();
        assertThat(preview.get("publishedAt").isNull()).isFalse();
        assertThat(preview.get("publishable").asBoolean()).isFalse();
    }

    @Test
    void publication_waits_until_every_category_is_in_its_final_or_closed_phase() {
        Final f = new Final(false);
        Category startUps = f.category(CategoryCode.START_UP_CHALLENGE, Phase.FINAL);
        data.preselect(startUps, f.organisation(startUps, "S1", "Prête", "Prêts SA", "ML", false, 7));
        f.category(CategoryCode.PROJECT_CONTEST, Phase.INCUBATION);

        ServiceApi.Response refused = api().post(f.path() + "/publish", organizer);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("« Incubation »", "« Finale » ou « Clôture »")
                .doesNotContain("PROJECT_CONTEST", "INCUBATION", "CLOSED");
        JsonNode preview = api().get(f.path() + "/preview", organizer).json();
        assertThat(preview.get("publishable").asBoolean()).isFalse();
        assertThat(preview.get("blockers")).singleElement().satisfies(b -> {
            assertThat(b.get("reason").asString()).isEqualTo("PHASE");
            assertThat(b.get("categoryCode").asString()).isEqualTo("PROJECT_CONTEST");
            assertThat(b.get("message").asString()).doesNotContain("PROJECT_CONTEST", "INCUBATION", "FINAL", "CLOSED");
        });
        assertThat(api().get(f.path(), null).status()).isEqualTo(404);
    }

    @Test
    void publication_needs_a_preselection_and_a_ranked_finalist_in_every_category_and_a_category_at_all() {
        Final noPreselection = new Final(false);
        noPreselection.category(CategoryCode.PROJECT_CONTEST, Phase.FINAL);
        ServiceApi.Response refused = api().post(noPreselection.path() + "/publish", organizer, "Accept-Language", "en");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("has no confirmed preselection").doesNotContain("PROJECT_CONTEST");

        Final unscored = new Final(false);
        Category projects = unscored.category(CategoryCode.PROJECT_CONTEST, Phase.FINAL);
        Application waiting = fixtures.submittedApplication(projects, "w-" + UUID.randomUUID(), null, "BF", "En attente");
        data.preselect(projects, waiting);
        data.review(projects, Round.FINAL, waiting, unscored.j1, 8); // one review, two needed
        ServiceApi.Response notRanked = api().post(unscored.path() + "/publish", organizer);
        assertThat(notRanked.status()).isEqualTo(409);
        assertThat(notRanked.json().get("detail").asString()).contains("aucun n'est classé");

        Final empty = new Final(false);
        assertThat(api().post(empty.path() + "/publish", organizer).status()).isEqualTo(409);
        assertThat(api().get(empty.path() + "/preview", organizer).json().get("blockers").get(0).get("reason").asString())
                .isEqualTo("NO_CATEGORY");
    }

    @Test
    void only_organizers_preview_and_publish_and_unknown_editions_are_404s() {
        Final f = edition(false);
        for (String token : List.of(ISSUER.token("juror-results", "ML", "jury"),
                ISSUER.tokenWithDelegation("coordinator-results", "NE", "NE", "coordinator"),
                ISSUER.token("participant-results", "BF", "participant"),
                ISSUER.token("coach-results", "ML", "coach"))) {
            ServiceApi.Response preview = api().get(f.path() + "/preview", token);
            assertThat(preview.status()).isEqualTo(403);
            assertThat(preview.body()).doesNotContain("Solaire");
            assertThat(api().post(f.path() + "/publish", token).status()).isEqualTo(403);
        }
        assertThat(api().get(f.path() + "/preview", null).status()).isEqualTo(401);
        assertThat(api().post(f.path() + "/publish", null).status()).isEqualTo(401);
        assertThat(api().get(f.path(), null).status()).isEqualTo(404);

        assertThat(api().get(EDITIONS + "no-such-edition/results", null).status()).isEqualTo(404);
        assertThat(api().get(EDITIONS + "no-such-edition/results/preview", organizer).status()).isEqualTo(404);
        assertThat(api().post(EDITIONS + "no-such-edition/results/publish", organizer).status()).isEqualTo(404);
    }
}
