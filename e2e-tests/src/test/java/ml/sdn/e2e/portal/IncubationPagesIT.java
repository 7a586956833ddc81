package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * AGETIC's incubation run from the portal by organizer-ml on a 360 px phone without JavaScript: a new cohort and
 * its milestone template (every mistake said at once, next to its field, dates in words), the two preselected
 * start-ups enrolled in it, one given a coach and then another (each coach's load shown), then dropped with the
 * reason; the other graduated; the cohort's figures. What incubation-service holds afterwards is read back
 * through the API. A coach and a participant get the not-allowed page.
 */
@ExtendWith(RunningPlatform.class)
class IncubationPagesIT {

    private static final String INCUBATION = "/api/incubation";
    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final Platform platform;

    IncubationPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_opens_a_cohort_assigns_and_changes_a_coach_drops_one_incubatee_and_graduates_another() {
        JuryPagesSetUp setUp = new JuryPagesSetUp(platform);
        String organizer = setUp.organizer();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String dropped = "Sahel Compost " + suffix;
        String graduated = "Bamako Solaire " + suffix;
        // two start-ups of a new edition preselected before its cohort exists: creating the cohort enrols them
        String edition = setUp.edition();
        String category = setUp.category(edition, false);
        String droppedApplication = setUp.apply("participant-ne", "NE", category, dropped, "FEMALE");
        String graduatedApplication = setUp.apply("participant-ml", "ML", category, graduated, "MALE");
        setUp.openNow(edition, category, "PRESELECTION");
        Platform.Response preselected = platform.postJson(platform.gateway(JuryPagesSetUp.API + "/categories/" + category
                + "/preselection"), organizer, "{\"applicationIds\": [\"%s\", \"%s\"], \"overrideReason\": \"Test des pages de l'incubation\"}"
                .formatted(droppedApplication, graduatedApplication));
        assertThat(preselected.status()).as(preselected.body()).isBetween(200, 201);
        Map<String, String> coaches = onTheRoster(organizer, Map.of("coach-ml", "Coach Mali", "coach-ne", "Coach Niger"));
        String coachMl = coaches.get("coach-ml");
        String coachNe = coaches.get("coach-ne");
        LocalDate start = LocalDate.now(JuryPagesSetUp.BAMAKO);
        LocalDate end = start.plusMonths(6);
        String cohortName = "Cohorte " + suffix;

        String cohortPage;
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer"));
            browser.follow(By.id("incubation-link"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Incubation");

            // no name, no seat, a milestone after the end and one without a title: all said at once
            browser.choose("editionId", edition);
            typeDate(browser, "startDate", start);
            typeDate(browser, "endDate", end);
            browser.fill("capacity", "0");
            type(browser, "milestoneTitle-0", "Modèle économique validé");
            type(browser, "milestoneDays-0", "400");
            type(browser, "milestoneDays-1", "60");
            browser.submit(By.cssSelector("#new-cohort button[type=submit]"));
            assertThat(browser.find(By.id("name-error")).getText()).contains("nom de la cohorte");
            assertThat(browser.find(By.id("capacity-error")).getText()).contains("entre 1 et 1000");
            assertThat(browser.find(By.id("milestoneDays-0-error")).getText())
                    .contains(start.plusDays(400).format(IN_WORDS), end.format(IN_WORDS));
            assertThat(browser.find(By.id("milestoneTitle-1-error")).getText()).contains("titre du jalon");
            assertThat(browser.find(By.id("milestoneTitle-0")).getAttribute("value")).isEqualTo("Modèle économique validé");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("incubation-cohort-errors");

            browser.fill("name", cohortName).fill("capacity", "10");
            type(browser, "milestoneDays-0", "30");
            type(browser, "milestoneTitle-1", "Premier prototype (MVP)");
            browser.submit(By.cssSelector("#new-cohort button[type=submit]"));
            browser.waitForText("La cohorte est créée.");
            cohortPage = browser.currentUrl();
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(cohortName);
            assertThat(browser.pageText()).contains("du " + start.format(IN_WORDS) + " au " + end.format(IN_WORDS),
                    "Modèle économique validé", "à rendre le " + start.plusDays(30).format(IN_WORDS) + " (30 jours après le début)",
                    "Premier prototype (MVP)", "Les coachs et leur charge");

            // the preselection's events enrol the two start-ups (at once, or as they arrive)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.open(cohortPage);
                return browser.pageText().contains(dropped) && browser.pageText().contains(graduated);
            });
            assertThat(browser.find(By.id("summary")).getText()).contains("Incubés\n2", "En incubation\n2", "Niger\n1", "Mali\n1");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("incubation-cohort");

            // a coach, then another: each offered with their load
            browser.follow(By.linkText(dropped));
            assertThat(browser.find(By.id("coach")).getText()).isEqualTo("Pas encore de coach");
            browser.choose("coachId", coachMl).submit(By.cssSelector("#change-coach button[type=submit]"));
            browser.waitForText("Le coach est enregistré.");
            assertThat(browser.find(By.id("coach")).getText()).isEqualTo("Coach Mali");
            long load = load(organizer, coachMl);
            assertThat(optionText(browser, coachMl)).isEqualTo("Coach Mali — " + (load == 1 ? "1 incubé actif" : load + " incubés actifs"));
            browser.choose("coachId", coachNe).submit(By.cssSelector("#change-coach button[type=submit]"));
            browser.waitForText("Le coach est enregistré.");
            assertThat(browser.find(By.id("coach")).getText()).isEqualTo("Coach Niger");
            assertThat(browser.find(By.id("coach-history")).getText()).contains("Coach Mali, du ", "Coach Niger, depuis le ");
            browser.screenshot("incubation-incubatee-coach");

            // dropped: without a reason it is refused next to the field; with one, done
            browser.submit(By.cssSelector("#drop button[type=submit]"));
            assertThat(browser.find(By.id("reason-error")).getText()).contains("motif");
            browser.fill("reason", "L'équipe se sépare et arrête le projet.").submit(By.cssSelector("#drop button[type=submit]"));
            browser.waitForText("L'accompagnement a pris fin");
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("Sorti du programme");
            assertThat(browser.find(By.id("status-reason")).getText()).isEqualTo("L'équipe se sépare et arrête le projet.");
            assertThat(browser.findAll(By.cssSelector("#drop, #graduate, #change-coach"))).isEmpty();
            browser.screenshot("incubation-incubatee-dropped");

            browser.open(cohortPage);
            browser.follow(By.linkText(graduated));
            browser.submit(By.cssSelector("#graduate button[type=submit]"));
            browser.waitForText("L'incubé est diplômé.");
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("Diplômé");

            browser.open(cohortPage);
            assertThat(browser.find(By.id("summary")).getText()).contains("Diplômé\n1", "Sorti du programme\n1", "En incubation\n0");

            // the cohort's progress as a file, linked from its page, with the browser's session: one line per incubatee
            String csvAddress = browser.find(By.id("progress-csv")).getAttribute("href");
            assertThat(csvAddress).endsWith("/progress.csv");
            List<String> lines = Download.of(browser, csvAddress).csvLines("avancement-incubation");
            assertThat(lines.get(0)).startsWith("\uFEFFÉdition ").contains(cohortName + " — avancement de l’incubation — fichier établi le ");
            assertThat(lines.get(1)).startsWith("Projet;Organisation;Pays;Catégorie;Portée par une femme;Statut;Coach;");
            assertThat(lines).anySatisfy(row -> assertThat(row).startsWith(dropped + ";").contains(";Niger;", ";Sorti du programme;"))
                    .anySatisfy(row -> assertThat(row).startsWith(graduated + ";").contains(";Mali;", ";Diplômé;"))
                    .contains("Incubés;2", "À risque;0");
        }

        // what incubation-service holds
        JsonNode cohort = platform.get(platform.gateway(INCUBATION + "/cohorts?editionId=" + edition), organizer).json().get(0);
        assertThat(cohort.get("name").asString()).isEqualTo(cohortName);
        assertThat(cohort.get("startDate").asString()).isEqualTo(start.toString());
        assertThat(cohort.get("endDate").asString()).isEqualTo(end.toString());
        assertThat(cohort.get("capacity").asInt()).isEqualTo(10);
        JsonNode template = cohort.get("milestones");
        assertThat(template.size()).isEqualTo(2);
        assertThat(template.get(0).get("title").asString()).isEqualTo("Modèle économique validé");
        assertThat(template.get(0).get("code").asString()).isEqualTo("modele-economique-valide");
        assertThat(template.get(0).get("dueOffsetDays").asInt()).isEqualTo(30);
        assertThat(template.get(1).get("title").asString()).isEqualTo("Premier prototype (MVP)");
        assertThat(template.get(1).get("dueOffsetDays").asInt()).isEqualTo(60);
        Map<String, JsonNode> incubatees = new LinkedHashMap<>();
        platform.get(platform.gateway(INCUBATION + "/incubatees?cohortId=" + cohort.get("id").asString()), organizer).json()
                .get("content").forEach(record -> incubatees.put(record.get("applicationId").asString(), record));
        JsonNode droppedRecord = incubatees.get(droppedApplication);
        assertThat(droppedRecord.get("status").asString()).isEqualTo("DROPPED");
        assertThat(droppedRecord.get("statusReason").asString()).isEqualTo("L'équipe se sépare et arrête le projet.");
        assertThat(droppedRecord.get("coach").get("id").asString()).isEqualTo(coachNe);
        List<String> history = new ArrayList<>();
        droppedRecord.get("coachHistory").forEach(assignment -> history.add(assignment.get("coachId").asString()));
        assertThat(history).containsExactly(coachMl, coachNe);
        assertThat(incubatees.get(graduatedApplication).get("status").asString()).isEqualTo("GRADUATED");

        // from the other side: a coach and a participant do not get the organizers' incubation pages
        String droppedId = droppedRecord.get("id").asString();
        for (String user : new String[] {"coach-ml", "participant-ml"}) {
            try (Browser other = Browser.withoutJavaScript()) {
                other.signIn(platform.gateway(""), user, "demo");
                for (String page : new String[] {"/organizer/incubation", "/organizer/incubation/incubatees/" + droppedId}) {
                    other.open(platform.gateway(page)).waitForText("Un problème est survenu");
                    assertThat(other.pageText()).as(user + " " + page).contains("accès à cette page").doesNotContain(cohortName, dropped);
                }
            }
        }
    }

    /**
     * Puts these demo coaches on incubation-service's roster (username → name), keeping whoever is on it and the
     * names it has for them; returns username → Keycloak id.
     */
    private Map<String, String> onTheRoster(String organizer, Map<String, String> wanted) {
        Map<String, String> ids = new LinkedHashMap<>();
        wanted.keySet().forEach(username -> ids.put(username, Platform.claimsOf(platform.tokenOf(username)).get("sub").asString()));
        List<String> entries = new ArrayList<>();
        for (JsonNode coach : platform.get(platform.gateway(INCUBATION + "/coaches"), organizer).json()) {
            if (coach.get("onRoster").asBoolean() && !ids.containsValue(coach.get("id").asString())) {
                entries.add("{\"id\": \"%s\", \"name\": \"%s\"}".formatted(coach.get("id").asString(), coach.get("name").asString()));
            }
        }
        ids.forEach((username, id) -> entries.add("{\"id\": \"%s\", \"name\": \"%s\"}".formatted(id, wanted.get(username))));
        Platform.Response roster = platform.putJson(platform.gateway(INCUBATION + "/coaches"), organizer,
                "{\"coaches\": [" + String.join(", ", entries) + "]}");
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        return ids;
    }

    private long load(String organizer, String coachId) {
        for (JsonNode coach : platform.get(platform.gateway(INCUBATION + "/coaches"), organizer).json()) {
            if (coachId.equals(coach.get("id").asString())) {
                return coach.get("activeIncubatees").asLong();
            }
        }
        throw new AssertionError("not on the roster: " + coachId);
    }

    private static String optionText(Browser browser, String value) {
        return browser.find(By.cssSelector("#coachId option[value='" + value + "']")).getText();
    }

    /** Types into the field with that id (the milestone rows share their names). */
    private static void type(Browser browser, String id, String value) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * A date typed into the browser's date field, in the order the field shows (it follows the browser's own
     * locale, not the page's: day first in French, month first in headless Chromium's default).
     */
    private static void typeDate(Browser browser, String name, LocalDate day) {
        WebElement field = browser.find(By.name(name));
        field.sendKeys(day.format(DateTimeFormatter.ofPattern("ddMMyyyy")));
        if (!day.toString().equals(field.getAttribute("value"))) {
            field.clear();
            field.sendKeys(day.format(DateTimeFormatter.ofPattern("MMddyyyy")));
        }
        assertThat(field.getAttribute("value")).as(name).isEqualTo(day.toString());
    }
}
