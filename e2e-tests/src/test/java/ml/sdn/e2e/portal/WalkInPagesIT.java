package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-ins through the gateway and the portal, without JavaScript, on a 360 px wide phone: organizer-ml registers a
 * press visitor who has no account (an empty form first: every error next to its field at once), and staff-ml
 * checks the badge code in at /checkin through the door's usual flow; then a CSV file registers its good lines,
 * reports the bad one by line and field, and the same file imported again registers nobody twice. coordinator-bf
 * registers for Burkina Faso only, the country not even offered.
 */
@ExtendWith(RunningPlatform.class)
class WalkInPagesIT {

    private final Platform platform;

    WalkInPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_registers_a_walk_in_whose_badge_code_checks_in_at_the_door_and_imports_a_file_once(@TempDir Path dir)
            throws IOException {
        String suffix = "w" + UUID.randomUUID().toString().substring(0, 5);
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ml"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        String name = "Fanta Keïta " + suffix;
        String code;

        try (Browser organizer = Browser.withoutJavaScript()) {
            organizer.driver().manage().window().setSize(new Dimension(360, 740));
            organizer.signIn(platform.gateway(""), "organizer-ml", "demo");
            organizer.open(platform.gateway("/organizer"));
            organizer.follow(By.id("walk-ins-link"));
            assertThat(organizer.pageText()).contains("Inscrire des personnes sans compte", "Une personne");

            // nothing typed: every error at once, next to its field
            organizer.submit(By.id("register"));
            assertThat(organizer.find(By.id("name-error")).getText()).contains("le nom est obligatoire");
            assertThat(organizer.find(By.id("email-error")).getText()).contains("un téléphone ou une adresse e-mail");
            assertThat(organizer.find(By.id("country-error")).getText()).contains("le pays est obligatoire");
            assertThat(organizer.find(By.id("days-error")).getText()).contains("au moins une journée");
            organizer.screenshot("walk-ins-1-errors");

            organizer.fill("name", name).choose("category", "PRESS").choose("country", "SN")
                    .fill("organization", "Dakar Média").fill("phone", "+221 77 000 00 01");
            tick(organizer, "walk-in-form", "days", day);
            organizer.submit(By.id("register"));
            String result = organizer.find(By.id("walk-in-result")).getText();
            assertThat(result).contains(name + " est inscrit(e).", "Presse · Sénégal");
            code = organizer.find(By.id("walk-in-code")).getText();
            assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}");
            organizer.screenshot("walk-ins-2-registered");

            // a file: two good lines, one bad; then the same file again
            Path csv = dir.resolve("invites.csv");
            Files.writeString(csv, """
                    Nom;Catégorie;Pays;Organisation;Téléphone;E-mail
                    Awa Traoré %1$s;intervenant;Mali;Bamako Lab;+223 76 00 00 01;
                    Kadi %1$s;chauffeur;Atlantide;;12;
                    Salif Ouédraogo %1$s;délégation;Burkina Faso;;;salif.%1$s@exemple.bf
                    """.formatted(suffix), StandardCharsets.UTF_8);
            organizer.attach("file", csv);
            tick(organizer, "import-form", "importDays", day);
            organizer.submit(By.id("import"));
            String report = organizer.find(By.id("import-report")).getText();
            assertThat(report).contains("2 inscrite(s), 0 déjà inscrite(s), 1 refusée(s)", "Ligne 2", "Awa Traoré " + suffix,
                    "Ligne 3", "Catégorie : la catégorie est", "Pays : pays inconnu", "Téléphone : le téléphone a de 8 à 15 chiffres",
                    "Ligne 4", "Salif Ouédraogo " + suffix);
            organizer.screenshot("walk-ins-3-report");

            organizer.attach("file", csv);
            tick(organizer, "import-form", "importDays", day);
            organizer.submit(By.id("import"));
            assertThat(organizer.find(By.id("import-report")).getText())
                    .contains("0 inscrite(s), 2 déjà inscrite(s), 1 refusée(s)", "Déjà inscrite : rien de changé");
        }

        try (Browser door = Browser.withoutJavaScript()) {
            door.driver().manage().window().setSize(new Dimension(360, 740));
            door.signIn(platform.gateway(""), "staff-ml", "demo");
            door.open(platform.gateway("/checkin"));
            door.choose("day", day.toString()).fill("door", "A").submit(By.cssSelector("#desk button[type=submit]"));
            door.waitForText("porte A");
            door.fill("badgeCode", code).submit(By.cssSelector("#by-code button[type=submit]"));
            assertThat(door.find(By.id("checkin-result")).getAttribute("class")).contains("ok");
            assertThat(door.find(By.id("checkin-result")).getText()).contains("Entrée enregistrée à", name, "Dakar Média",
                    "Sénégal");
            door.screenshot("walk-ins-4-door");
        }

        // the service: each walk-in once, whatever was imported twice
        Platform.Response found = platform.get(platform.gateway("/api/registrations/attendance/days/" + day
                + "/attendees?q=" + suffix), platform.tokenOf("staff-bf"));
        assertThat(found.json().findValuesAsString("displayName")).containsExactlyInAnyOrder(name, "Awa Traoré " + suffix,
                "Salif Ouédraogo " + suffix);
    }

    @Test
    void a_coordinator_registers_for_their_delegation_only() {
        String suffix = "w" + UUID.randomUUID().toString().substring(0, 5);
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ml"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);

        try (Browser coordinator = Browser.withoutJavaScript()) {
            coordinator.driver().manage().window().setSize(new Dimension(360, 740));
            coordinator.signIn(platform.gateway(""), "coordinator-bf", "demo");
            coordinator.open(platform.gateway("/coordinator"));
            coordinator.follow(By.id("walk-ins-link"));
            assertThat(coordinator.pageText()).contains("Les personnes de votre délégation seulement.");
            assertThat(coordinator.findAll(By.name("country"))).isEmpty();
            coordinator.fill("name", "Issouf Sawadogo " + suffix).choose("category", "DELEGATION_MEMBER")
                    .fill("email", "issouf." + suffix + "@exemple.bf");
            tick(coordinator, "walk-in-form", "days", day);
            coordinator.submit(By.id("register"));
            assertThat(coordinator.find(By.id("walk-in-result")).getText()).contains("Membre de délégation · Burkina Faso");
        }
        // straight to the service, another delegation's person is refused, and nothing is stored
        Platform.Response refused = platform.postJson(platform.gateway("/api/registrations/attendance/walk-ins"),
                platform.tokenOf("coordinator-bf"), """
                {"name":"Oumar Diallo %s","category":"SPEAKER","country":"ML","email":"o@exemple.ml","days":["%s"]}"""
                        .formatted(suffix, day));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(platform.get(platform.gateway("/api/registrations/attendance/days/" + day + "/attendees?q=" + suffix),
                platform.tokenOf("staff-bf")).json().findValuesAsString("displayName"))
                .containsExactly("Issouf Sawadogo " + suffix);
    }

    /** Ticks the day's box in the form (unless it is ticked already); a day missing from the form fails with what the form offers instead. */
    private static void tick(Browser browser, String form, String name, LocalDate day) {
        By box = By.xpath("//form[@id='" + form + "']//input[@name='" + name + "' and @value='" + day + "']");
        if (browser.findAll(box).isEmpty()) {
            String offered = browser.findAll(By.xpath("//form[@id='" + form + "']//input[@name='" + name + "']")).stream()
                    .map(input -> input.getAttribute("value")).toList().toString();
            throw new AssertionError("no box for " + day + " in #" + form + "; offered: " + offered
                    + "; page: " + browser.pageText().substring(0, Math.min(1500, browser.pageText().length())));
        }
        if (!browser.find(box).isSelected()) { // the import form keeps the days of the last import ticked
            browser.click(box);
        }
    }
}
