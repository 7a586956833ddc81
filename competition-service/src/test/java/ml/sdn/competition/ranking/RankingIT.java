package ml.sdn.competition.ranking;

import ml.sdn.competition.jury.Review;
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
import ml.sdn.testing.XlsxRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A category ranked through the API against a hand-computed expectation, and its CSV export. */
class RankingIT extends ServiceIT {

    private static final String CATEGORIES = "/api/competitions/categories/";
    private static final CategorySettings RAW = new CategorySettings(3, true, false, false, 2);

    @Autowired
    MongoTemplate mongo;

    private CompetitionFixtures fixtures;
    private SelectionData data;
    private final String organizer = ISSUER.token("organizer-ranking", "ML", "organizer");

    @BeforeEach
    void setUp() {
        fixtures = new CompetitionFixtures(mongo);
        data = new SelectionData(mongo);
    }

    /** The three jurors of one scenario: ids sort h < l < m, so they read as Juror 1, 2, 3. */
    private record Jury(String harsh, String lenient, String middle) {
        static Jury fresh() {
            String suffix = UUID.randomUUID().toString();
            return new Jury("h-" + suffix, "l-" + suffix, "m-" + suffix);
        }
    }

    private record Scenario(Category category, Application a, Application b, Application c, Application d, Jury jury) {
    }

    /*
     * Review totals (every criterion scored alike, except H on A: 6, 4, 4.8 → 0.40×6 + 0.35×4 + 0.25×4.8 = 5):
     *   H (harsh):   A 5, C 3   → mean 4, spread 1
     *   L (lenient): B 9, C 7   → mean 8, spread 1
     *   M:           A 7, B 5   → mean 6, spread 1
     *   D: no review (an assigned, unsubmitted one does not count) → not ranked.
     * All six totals: μ = 36/6 = 6, σ = √(22/6) = √(11/3) ≈ 1.914854.
     * Raw means: A (5+7)/2 = 6, B (9+5)/2 = 7, C (3+7)/2 = 5 → raw order B, A, C.
     * Normalised: every z is ±1, so each total is 6 ± σ: A (+1, +1) → 6 + σ = 7.914854,
     *   B (L +1, M −1) → 6, C (−1, −1) → 6 − σ = 4.085146 → normalised order A, B, C.
     */
    private Scenario scenario(CategorySettings settings, Phase openNow) {
        Edition edition = fixtures.edition();
        Category category = fixtures.category(edition, CategoryCode.START_UP_CHALLENGE, openNow, Duration.ofDays(7), settings);
        Application a = fixtures.submittedApplication(category, "ranking-a-" + UUID.randomUUID(), null, "ML", "Énergie solaire à Ségou");
        Application b = fixtures.submittedApplication(category, "ranking-b-" + UUID.randomUUID(), null, "BF", "=HYPERLINK(\"http://evil\";\"x\")");
        Application c = fixtures.submittedApplication(category, "ranking-c-" + UUID.randomUUID(), null, "NE", "+223 Agri; \"Sahel\"");
        Application d = fixtures.submittedApplication(category, "ranking-d-" + UUID.randomUUID(), null, "ML", "@Eau potable");
        Jury jury = Jury.fresh();
        data.review(category, Round.PRESELECTION, a, jury.harsh(), 6, 4, 4.8);
        data.review(category, Round.PRESELECTION, c, jury.harsh(), 3);
        data.review(category, Round.PRESELECTION, b, jury.lenient(), 9);
        data.review(category, Round.PRESELECTION, c, jury.lenient(), 7);
        data.review(category, Round.PRESELECTION, a, jury.middle(), 7);
        data.review(category, Round.PRESELECTION, b, jury.middle(), 5);
        data.pending(category, Round.PRESELECTION, d, jury.middle());
        return new Scenario(category, a, b, c, d, jury);
    }

    private static final double SIGMA = Math.sqrt(11.0 / 3.0);

    private JsonNode ranking(Category category) {
        ServiceApi.Response response = api().get(CATEGORIES + category.id() + "/ranking", organizer);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> order(JsonNode ranking) {
        List<String> ids = new ArrayList<>();
        ranking.get("lines").forEach(line -> ids.add(line.get("applicationId").asString()));
        return ids;
    }

    @Test
    void harsh_juror_does_not_decide_the_ranking_when_normalisation_is_on() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.EVALUATION);

        JsonNode ranking = ranking(s.category());

        assertThat(order(ranking)).containsExactly(s.a().id(), s.b().id(), s.c().id(), s.d().id());
        JsonNode a = ranking.get("lines").get(0);
        assertThat(a.get("rank").asInt()).isEqualTo(1);
        assertThat(a.get("reference").asString()).isEqualTo(s.a().reference());
        assertThat(a.get("title").asString()).isEqualTo("Énergie solaire à Ségou");
        assertThat(a.get("finalScore").asDouble()).isCloseTo(6 + SIGMA, within(1e-4));
        assertThat(a.get("rawMean").asDouble()).isCloseTo(6.0, within(1e-9));
        assertThat(a.get("normalisedMean").asDouble()).isCloseTo(6 + SIGMA, within(1e-4));
        assertThat(a.get("completedReviews").asInt()).isEqualTo(2);
        // per criterion: impact (6+7)/2, innovation (4+7)/2, team (4.8+7)/2
        assertThat(a.get("criterionAverages").get("impact").asDouble()).isCloseTo(6.5, within(1e-9));
        assertThat(a.get("criterionAverages").get("innovation").asDouble()).isCloseTo(5.5, within(1e-9));
        assertThat(a.get("criterionAverages").get("team").asDouble()).isCloseTo(5.9, within(1e-9));
        // each review explained: the harsh juror's 5 is worth 6 + σ once normalised
        assertThat(a.get("reviews").get(0).get("juror").asString()).isEqualTo("Juré 1");
        assertThat(a.get("reviews").get(0).get("rawTotal").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(a.get("reviews").get(0).get("normalisedTotal").asDouble()).isCloseTo(6 + SIGMA, within(1e-4));
        assertThat(a.get("reviews").get(1).get("juror").asString()).isEqualTo("Juré 3");

        JsonNode b = ranking.get("lines").get(1);
        assertThat(b.get("rank").asInt()).isEqualTo(2);
        assertThat(b.get("finalScore").asDouble()).isCloseTo(6.0, within(1e-4));
        assertThat(b.get("rawMean").asDouble()).isCloseTo(7.0, within(1e-9));
        JsonNode c = ranking.get("lines").get(2);
        assertThat(c.get("finalScore").asDouble()).isCloseTo(6 - SIGMA, within(1e-4));

        JsonNode d = ranking.get("lines").get(3);
        assertThat(d.get("rank").isNull()).isTrue();
        assertThat(d.get("notRankedReason").asString()).isEqualTo("TOO_FEW_COMPLETED_REVIEWS");
        assertThat(d.get("notRankedText").asString()).contains("0 évaluation", "au moins 2");
        assertThat(d.get("completedReviews").asInt()).isZero();

        // the normalisation's inputs: μ, σ and each juror's mean and spread
        assertThat(ranking.get("category").get("meanRawTotal").asDouble()).isCloseTo(6.0, within(1e-9));
        assertThat(ranking.get("category").get("spreadRawTotal").asDouble()).isCloseTo(SIGMA, within(1e-4));
        JsonNode harsh = ranking.get("jurors").get(0);
        assertThat(harsh.get("juror").asString()).isEqualTo("Juré 1");
        assertThat(harsh.get("completedReviews").asInt()).isEqualTo(2);
        assertThat(harsh.get("meanRawTotal").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(harsh.get("spreadRawTotal").asDouble()).isCloseTo(1.0, within(1e-9));

        assertThat(ranking.get("round").asString()).isEqualTo("PRESELECTION");
        assertThat(ranking.get("provisional").asBoolean()).isTrue();
        assertThat(ranking.get("normalisePerJuror").asBoolean()).isTrue();
        assertThat(ranking.get("tieBreaks").size()).isEqualTo(6);
        assertThat(ranking.get("tieBreaks").get(1).asString()).contains("moyenne brute");
        // an ordered list: the page numbers it, the words carry no number of their own (never « 1. 1. Note finale »)
        for (var rule : ranking.get("tieBreaks")) {
            assertThat(rule.asString()).doesNotMatch("\\d.*");
        }
        // jurors are pseudonyms: their ids appear nowhere
        String body = ranking.toString();
        assertThat(body).doesNotContain(s.jury().harsh(), s.jury().lenient(), s.jury().middle());
    }

    @Test
    void without_normalisation_the_lenient_jurors_favourite_comes_first() {
        Scenario s = scenario(RAW, Phase.EVALUATION);

        JsonNode ranking = ranking(s.category());

        assertThat(order(ranking)).containsExactly(s.b().id(), s.a().id(), s.c().id(), s.d().id());
        assertThat(ranking.get("lines").get(0).get("finalScore").asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(ranking.get("lines").get(0).get("normalisedMean").isNull()).isTrue();
        assertThat(ranking.get("lines").get(1).get("finalScore").asDouble()).isCloseTo(6.0, within(1e-9));
        assertThat(ranking.get("lines").get(2).get("finalScore").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(ranking.get("normalisePerJuror").asBoolean()).isFalse();
    }

    @Test
    void the_ranking_is_final_once_the_rounds_scoring_phase_is_over_and_english_on_request() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.PRESELECTION);

        ServiceApi.Response response = api().get(CATEGORIES + s.category().id() + "/ranking?round=PRESELECTION", organizer,
                "Accept-Language", "en");

        assertThat(response.status()).isEqualTo(200);
        JsonNode ranking = response.json();
        assertThat(ranking.get("provisional").asBoolean()).isFalse();
        assertThat(ranking.get("currentPhase").asString()).isEqualTo("PRESELECTION");
        assertThat(ranking.get("lines").get(0).get("reviews").get(0).get("juror").asString()).isEqualTo("Juror 1");
        assertThat(ranking.get("lines").get(3).get("notRankedText").asString()).contains("at least 2");
    }

    @Test
    void the_final_round_ranks_only_finalists_from_final_reviews() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.FINAL);
        data.preselect(s.category(), s.a(), s.c());
        data.review(s.category(), Round.FINAL, s.c(), s.jury().harsh(), 9);
        data.review(s.category(), Round.FINAL, s.c(), s.jury().lenient(), 8);

        JsonNode ranking = api().get(CATEGORIES + s.category().id() + "/ranking?round=FINAL", organizer).json();

        assertThat(order(ranking)).containsExactly(s.c().id(), s.a().id());
        assertThat(ranking.get("lines").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get("lines").get(1).get("rank").isNull()).isTrue();
        assertThat(ranking.get("lines").get(0).get("selection").asString()).isEqualTo("PRESELECTED");
        assertThat(ranking.get("provisional").asBoolean()).isTrue();
    }

    @Test
    void the_csv_opens_in_a_french_spreadsheet_with_accents_and_neutralised_formulas() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.EVALUATION);

        ServiceApi.Response response = api().get(CATEGORIES + s.category().id() + "/ranking.csv", organizer);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualToIgnoringWhitespace("text/csv;charset=UTF-8");
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment;").contains("filename=\"classement-start_up_challenge-preselection.csv\"");
        byte[] bytes = response.bytes();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().skip(1).toList();
        assertThat(lines.get(0)).isEqualTo("Rang;Candidature;Titre;Statut;Note finale;Moyenne brute;Moyenne normalisée;"
                + "Évaluations terminées;Impact (moyenne);Innovation (moyenne);Équipe (moyenne)");
        // 6 + σ = 7.914854 → 7,91; raw 6; impact 6.5, innovation 5.5, team 5.9
        assertThat(lines.get(1)).isEqualTo("1;" + s.a().reference() + ";Énergie solaire à Ségou;classée;7,91;6,00;7,91;2;6,50;5,50;5,90");
        assertThat(lines.get(2)).startsWith("2;" + s.b().reference() + ";\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";classée;6,00;7,00;");
        assertThat(lines.get(3)).startsWith("3;" + s.c().reference() + ";\"'+223 Agri; \"\"Sahel\"\"\";classée;4,09;5,00;");
        assertThat(lines.get(4)).startsWith(";" + s.d().reference() + ";'@Eau potable;non classée");
        assertThat(text).doesNotContain(s.jury().harsh());
    }

    @Test
    void the_csv_has_english_headers_on_request() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.EVALUATION);

        ServiceApi.Response response = api().get(CATEGORIES + s.category().id() + "/ranking.csv?round=PRESELECTION",
                organizer, "Accept-Language", "en-GB,en;q=0.9");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).contains("ranking-start_up_challenge-preselection.csv");
        assertThat(response.body().lines().skip(1).findFirst().orElseThrow()).startsWith("Rank;Application;Title;Status;Final score;")
                .endsWith(";Team (average)");
    }

    @Test
    void the_first_line_names_the_edition_the_category_the_round_and_when_the_file_was_made() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.EVALUATION);
        Edition edition = mongo.findById(s.category().editionId(), Edition.class);

        String french = api().get(CATEGORIES + s.category().id() + "/ranking.csv", organizer).body();
        String english = api().get(CATEGORIES + s.category().id() + "/ranking.csv?round=FINAL", organizer,
                "Accept-Language", "en").body();

        // when: a date and a time in words, e.g. "7 décembre 2026, 10:20"
        assertThat(french.lines().findFirst().orElseThrow()).startsWith("\uFEFFÉdition " + edition.number() + " (" + edition.year()
                + ") — " + s.category().nameIn(Locale.FRENCH) + " — classement de la présélection — fichier établi le ")
                .matches(".* le \\d{1,2} \\p{L}+ \\d{4}, \\d{2}:\\d{2}");
        assertThat(english.lines().findFirst().orElseThrow()).startsWith("\uFEFFEdition " + edition.number() + " (" + edition.year()
                + ") — " + s.category().nameIn(Locale.ENGLISH) + " — final ranking — file made on ")
                .matches(".* on \\d{1,2} \\p{L}+ \\d{4}, \\d{2}:\\d{2}");
    }

    @Test
    void the_xlsx_file_holds_the_csv_files_lines_with_scores_as_numbers() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.EVALUATION);

        ServiceApi.Response csv = api().get(CATEGORIES + s.category().id() + "/ranking.csv", organizer);
        ServiceApi.Response response = api().get(CATEGORIES + s.category().id() + "/ranking.xlsx", organizer);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment;").contains("filename=\"classement-start_up_challenge-preselection.xlsx\"");
        List<List<Object>> rows = XlsxRows.read(response.bytes());
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(rows).hasSize(lines.size());
        // up to the time each names: the two files may straddle a minute (as CohortProgressExportIT did in CI on daee2a1)
        String title = lines.get(0);
        assertThat(rows.get(0)).singleElement().asString()
                .startsWith(title.substring(0, title.indexOf(" — fichier établi le ") + " — fichier établi le ".length()));
        assertThat(String.join(";", rows.get(1).stream().map(Object::toString).toList())).isEqualTo(lines.get(1));
        // 6 + σ = 7.914854 → 7.91 as a number; raw 6; impact 6.5, innovation 5.5, team 5.9
        assertThat(rows.get(2)).containsExactly(new BigDecimal("1"), s.a().reference(), "Énergie solaire à Ségou", "classée",
                new BigDecimal("7.91"), new BigDecimal("6"), new BigDecimal("7.91"), new BigDecimal("2"),
                new BigDecimal("6.5"), new BigDecimal("5.5"), new BigDecimal("5.9"));
        assertThat(rows.get(3).get(2)).isEqualTo("'=HYPERLINK(\"http://evil\";\"x\")");
        assertThat(rows.get(5).get(0)).isEqualTo("");
        assertThat(rows.get(5).get(3)).isEqualTo("non classée (évaluations terminées insuffisantes)");
    }

    @Test
    void scores_are_for_organizers_only() {
        Scenario s = scenario(CategorySettings.DEFAULT, Phase.EVALUATION);
        for (String path : List.of("/ranking", "/ranking.csv", "/ranking.xlsx", "/ranking?round=FINAL")) {
            for (String token : List.of(ISSUER.token("juror-ranking", "ML", "jury"),
                    ISSUER.tokenWithDelegation("coordinator-ranking", "ML", "ML", "coordinator"),
                    ISSUER.token("participant-ranking", "ML", "participant"),
                    ISSUER.token("coach-ranking", "BF", "coach"))) {
                ServiceApi.Response response = api().get(CATEGORIES + s.category().id() + path, token);
                assertThat(response.status()).as(path).isEqualTo(403);
                assertThat(response.body()).doesNotContain(s.a().id(), "finalScore");
            }
            assertThat(api().get(CATEGORIES + s.category().id() + path, null).status()).isEqualTo(401);
        }
    }

    @Test
    void an_unknown_category_is_a_404_and_an_unknown_round_a_400_naming_it() {
        ServiceApi.Response unknown = api().get(CATEGORIES + "no-such-category/ranking", organizer);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api().get(CATEGORIES + "no-such-category/ranking.csv", organizer).status()).isEqualTo(404);
        assertThat(api().get(CATEGORIES + "no-such-category/ranking.xlsx", organizer).status()).isEqualTo(404);

        Scenario s = scenario(CategorySettings.DEFAULT, Phase.EVALUATION);
        ServiceApi.Response badRound = api().get(CATEGORIES + s.category().id() + "/ranking?round=SEMIFINAL", organizer);
        assertThat(badRound.status()).isEqualTo(400);
        assertThat(badRound.json().get("errors").get(0).get("field").asString()).isEqualTo("round");
    }
}
