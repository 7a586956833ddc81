package ml.sdn.incubation.progress;

import ml.sdn.incubation.IncubationFixtures;
import ml.sdn.incubation.ServiceIT;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.XlsxRows;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A cohort's progress file: each incubatee with their latest indicators, the totals, for organizers only. */
class CohortProgressExportIT extends ServiceIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void an_organizer_downloads_each_incubatees_progress_and_latest_indicators_and_the_cohorts_totals_in_words() {
        String participantName = "participant-" + UUID.randomUUID();
        String participant = ISSUER.token(participantName, "NE", "participant");
        IncubationFixtures fixtures = new IncubationFixtures(mongo);
        Cohort cohort = fixtures.cohort(95);
        Incubatee reporting = fixtures.incubatee(cohort, TestIssuer.subjectOf(participantName), "coach-1", "NE");
        fixtures.incubatee(cohort, "participant-" + UUID.randomUUID(), null, "BF");
        YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Africa/Bamako")));
        String path = "/api/incubation/incubatees/" + reporting.id() + "/kpis";
        assertThat(api().postJson(path, participant, """
                {"month": "%s", "jobsCreated": 1, "customers": 4, "revenueBand": "NONE", "fundingRaisedXof": 0}"""
                .formatted(month.minusMonths(1))).status()).isEqualTo(201);
        assertThat(api().postJson(path, participant, """
                {"month": "%s", "jobsCreated": 3, "customers": 12, "revenueBand": "1M_10M_XOF", "fundingRaisedXof": 2500000}"""
                .formatted(month)).status()).isEqualTo(201);

        ServiceApi.Response csv = api().get("/api/incubation/cohorts/" + cohort.id() + "/progress.csv",
                ISSUER.token("organizer-ml", "ML", "organizer"));

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("avancement-incubation");
        assertThat(csv.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = Arrays.asList(csv.body().substring(1).split("\r\n"));
        // the fixture's edition is not known here: the cohort alone names the file
        assertThat(lines.get(0)).startsWith("Cohorte de test — avancement de l’incubation — fichier établi le ");
        assertThat(lines.get(1)).startsWith("Projet;Organisation;Pays;Catégorie;Portée par une femme;Statut;Coach;Jalons validés;")
                .endsWith(";Derniers indicateurs;Emplois créés;Clients;Chiffre d’affaires;Fonds levés (FCFA)");
        assertThat(lines.subList(2, 4))
                .anySatisfy(row -> assertThat(row).startsWith("Irrigation solaire;Sahel Agri Lab;Niger;Start-up Challenge;oui;En incubation;"
                        + "Coach coach-1;").endsWith(";non;" + frenchMonth(month) + ";3;12;1 à 10 millions FCFA;2500000"))
                .anySatisfy(row -> assertThat(row).startsWith("Irrigation solaire;Sahel Agri Lab;Burkina Faso;").endsWith(";;;;;"));
        assertThat(lines.subList(4, lines.size())).containsExactly("", "Incubés;2", "Avancement moyen (%);0,0", "À risque;0",
                "Emplois créés (total);3", "Clients (total);12", "Fonds levés (FCFA, total);2500000");

        // the same rows as XLSX, figures as numbers (the average progress with its one decimal)
        ServiceApi.Response xlsx = api().get("/api/incubation/cohorts/" + cohort.id() + "/progress.xlsx",
                ISSUER.token("organizer-ml", "ML", "organizer"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains("avancement-incubation").contains(".xlsx");
        List<List<Object>> rows = XlsxRows.read(xlsx.bytes());
        assertThat(rows).hasSize(lines.size());
        // its own time of making: the two files may straddle a minute (CI on daee2a1: 21:53 and 21:54)
        assertThat(rows.get(0)).singleElement().asString()
                .startsWith("Cohorte de test — avancement de l’incubation — fichier établi le ");
        assertThat(rows.subList(2, 4)).anySatisfy(row -> assertThat(row.subList(row.size() - 5, row.size()))
                .containsExactly(frenchMonth(month), new BigDecimal("3"), new BigDecimal("12"), "1 à 10 millions FCFA",
                        new BigDecimal("2500000")));
        assertThat(rows.get(6)).containsExactly("Avancement moyen (%)", BigDecimal.ZERO);
        assertThat(XlsxRows.format(xlsx.bytes(), 6, 1)).isEqualTo("0.0");
        assertThat(rows.get(10)).containsExactly("Fonds levés (FCFA, total)", new BigDecimal("2500000"));

        for (String file : List.of("/progress.csv", "/progress.xlsx")) {
            assertThat(api().get("/api/incubation/cohorts/" + cohort.id() + file, participant).status()).isEqualTo(403);
            assertThat(api().get("/api/incubation/cohorts/" + cohort.id() + file,
                    ISSUER.token("coach-1", "ML", "coach")).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/incubation/cohorts/" + cohort.id() + "/progress.csv", participant).status()).isEqualTo(403);
        assertThat(api().get("/api/incubation/cohorts/" + cohort.id() + "/progress.csv",
                ISSUER.token("coordinator-bf", "BF", "coordinator")).status()).isEqualTo(403);
        assertThat(api().get("/api/incubation/cohorts/no-such-cohort/progress.csv",
                ISSUER.token("organizer-ml", "ML", "organizer")).status()).isEqualTo(404);
    }

    private static String frenchMonth(YearMonth month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH).format(month);
    }
}
