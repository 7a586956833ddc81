package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The organizer pages' set-up through the API, as SmallEditionIT runs a small edition (its steps, shared
 * here rather than edited there): an edition and its start-up challenge; three start-ups from Mali,
 * Burkina Faso and Niger (the Nigerien one women-led) apply; three jurors score them; the organizer confirms
 * the top two; the final round is scored (the Nigerien start-up first). The category shares the jury's comments
 * with applicants. What is left is the publication,
 * which the browser test does through the portal. Incubation is not needed for the final and is left out.
 */
final class OrganizerEdition {

    static final String API = "/api/competitions";
    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    static final List<String> PHASES = List.of("SUBMISSION", "EVALUATION", "PRESELECTION", "INCUBATION", "FINAL", "CLOSED");
    static final List<String> JURORS = List.of("jury-ml", "jury-bf", "jury-ne");

    private final Platform platform;
    private final String organizer;
    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    String edition;
    String category;
    final Map<String, String> applications = new LinkedHashMap<>();

    OrganizerEdition(Platform platform) {
        this(platform, "organizer-ml");
    }

    /**
     * Set up by another organizer: the gateway counts each person's requests (100 a minute), and a test that
     * sets up two editions within the minute as one organizer meets that limit.
     */
    OrganizerEdition(Platform platform, String organizer) {
        this.platform = platform;
        this.organizer = platform.tokenOf(organizer);
    }

    String title(String country) {
        return switch (country) {
            case "ML" -> "Teliman Pay " + suffix;
            case "BF" -> "Faso Récolte " + suffix;
            default -> "Sahel Santé " + suffix;
        };
    }

    /** Everything up to the final round scored: publishable, not published. */
    OrganizerEdition readyToPublish() {
        edition = edition(true);
        category = category(edition, 2);
        applications.put("ML", apply("participant-ml", "ML", title("ML"), "MALE"));
        applications.put("BF", apply("participant-bf", "BF", title("BF"), "MALE"));
        applications.put("NE", apply("participant-ne", "NE", title("NE"), "FEMALE"));
        for (String juror : JURORS) {
            profile(platform.tokenOf(juror), "NOT_STATED");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Platform.Response roster = platform.putJson(platform.gateway(API + "/categories/" + category + "/jurors"), organizer,
                    "{\"usernames\": [\"jury-ml\", \"jury-bf\", \"jury-ne\"]}");
            assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        });
        openNow("EVALUATION");
        Platform.Response assigned = platform.postJson(platform.gateway(API + "/categories/" + category + "/assignments"), organizer, "");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        Map<String, Double> preselection = Map.of("ML", 8.5, "NE", 7.5, "BF", 5.0);
        for (String juror : JURORS) {
            String token = platform.tokenOf(juror);
            applications.forEach((country, id) -> score(token, id, preselection.get(country)));
        }
        openNow("PRESELECTION");
        Platform.Response confirmed = platform.postJson(platform.gateway(API + "/categories/" + category + "/preselection"), organizer, "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isBetween(200, 201);
        openNow("FINAL");
        Platform.Response finalRound = platform.postJson(platform.gateway(API + "/categories/" + category + "/assignments?round=FINAL"),
                organizer, "");
        assertThat(finalRound.status()).as(finalRound.body()).isEqualTo(200);
        Map<String, Double> finals = Map.of("ML", 7.5, "NE", 9.0);
        for (String juror : JURORS) {
            String token = platform.tokenOf(juror);
            finals.forEach((country, score) -> score(token, applications.get(country), score));
        }
        return this;
    }

    /** A new edition of next year with a free number (980–999 are left to other tests; 100–979 as Competitions). */
    String edition(boolean womenLedPrizeMayOverlap) {
        int year = LocalDateTime.now(BAMAKO).getYear() + 1;
        for (int attempt = 0; attempt < 20; attempt++) {
            int number = ThreadLocalRandom.current().nextInt(100, 980);
            Platform.Response created = platform.postJson(platform.gateway(API + "/editions"), organizer, """
                    {"number": %d, "year": %d, "startDate": "%d-11-18", "endDate": "%d-11-20", "venue": "CICB, Bamako",
                     "theme": "Le numérique au service de l'AES", "guestCountries": ["BF", "NE"],
                     "womenLedPrizeMayOverlap": %s}""".formatted(number, year, year, year, womenLedPrizeMayOverlap));
            if (created.status() == 201) {
                return created.json().get("id").asString();
            }
            assertThat(created.status()).as(created.body()).isEqualTo(409);
        }
        throw new IllegalStateException("no free edition number");
    }

    private String category(String editionId, int preselectCount) {
        List<String> phases = new ArrayList<>();
        LocalDateTime submission = LocalDateTime.now(BAMAKO).truncatedTo(ChronoUnit.SECONDS).minusHours(1);
        for (int i = 0; i < PHASES.size(); i++) {
            phases.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(PHASES.get(i), submission.plusDays(i)));
        }
        Platform.Response created = platform.postJson(platform.gateway(API + "/editions/" + editionId + "/categories"), organizer, """
                {"code": "START_UP_CHALLENGE", "name": {"fr": "Start-up Challenge %s", "en": "Start-up Challenge %s"},
                 "challenges": ["Agriculture", "Santé"],
                 "criteria": [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 40},
                              {"code": "innovation", "label": {"fr": "Innovation", "en": "Innovation"}, "weight": 35},
                              {"code": "team", "label": {"fr": "Équipe", "en": "Team"}, "weight": 25}],
                 "preselectCount": %d, "phases": [%s],
                 "settings": {"jurorsPerApplication": 3, "minimumCompletedReviews": 2, "blindReview": true,
                              "shareCommentsWithApplicants": true}}"""
                .formatted(suffix, suffix, preselectCount, String.join(", ", phases)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String apply(String username, String country, String title, String leadGender) {
        String token = platform.tokenOf(username);
        profile(token, leadGender);
        String organization = startUp(token, country, title + " SARL", leadGender);
        String id = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Platform.Response draft = platform.postJson(platform.gateway(API + "/applications"), token, """
                    {"categoryId": "%s", "organizationId": "%s", "title": "%s",
                     "summary": "Une solution numérique pour l'espace AES.", "problem": "Un vrai problème.",
                     "solution": "Une application mobile légère.", "targetUsers": "Ménages et PME",
                     "stage": "MVP", "challenge": "Santé", "team": [{"name": "Fondateur", "role": "CEO"}],
                     "pitchDeckUrl": "https://example.org/deck.pdf"}""".formatted(category, organization, title));
            assertThat(draft.status()).as(draft.body()).isIn(201, 409);
            return draft.status() == 201 ? draft.json().get("id").asString() : null;
        }, Objects::nonNull);
        Platform.Response submitted = platform.postJson(platform.gateway(API + "/applications/" + id + "/submit"), token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    void profile(String token, String gender) {
        Platform.Response saved = platform.putJson(platform.gateway("/api/registrations/participants/me"), token,
                "{\"gender\":\"%s\",\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}".formatted(gender));
        assertThat(saved.status()).as(saved.body()).isBetween(200, 201);
    }

    private String startUp(String token, String country, String name, String leadGender) {
        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/organizations"), token, """
                {"type":"START_UP","name":"%s","country":"%s","sector":"HEALTH","foundingYear":2024,
                 "description":"Start-up de la Semaine du Numérique.",
                 "creator":{"role":"Fondateur","gender":"%s","lead":true},"members":[]}""".formatted(name, country, leadGender));
        if (created.status() == 201) {
            return created.json().get("id").asString();
        }
        assertThat(created.status()).as(created.body()).isEqualTo(409);
        Platform.Response mine = platform.get(platform.gateway("/api/registrations/organizations/mine"), token);
        for (JsonNode organization : mine.json()) {
            if ("START_UP".equals(organization.get("type").asString())) {
                return organization.get("id").asString();
            }
        }
        throw new IllegalStateException("no start-up for this participant: " + mine.body());
    }

    private void score(String token, String application, double score) {
        Platform.Response scored = platform.putJson(platform.gateway(API + "/applications/" + application + "/reviews/mine"), token, """
                {"scores": {"impact": {"score": %s, "comment": "Impact clair pour les ménages."},
                            "innovation": {"score": %s, "comment": "Approche originale."},
                            "team": {"score": %s, "comment": "Équipe complète."}}}""".formatted(score, score, score));
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
    }

    /** Reschedules {@code phase} to open now (started phases kept, skipped ones two seconds apart), and waits for it. */
    private void openNow(String phase) {
        String path = API + "/editions/" + edition + "/categories/" + category;
        JsonNode current = platform.get(platform.gateway(path), organizer).json();
        int target = PHASES.indexOf(phase);
        int open = PHASES.indexOf(current.get("currentPhase").asString());
        // the first moved phase starts after the last kept one: a phase opened by the previous call within the
        // same second would otherwise share its start (the service refuses that, rightly)
        LocalDateTime now = LocalDateTime.now(BAMAKO).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        for (JsonNode window : current.get("phases")) {
            if (PHASES.indexOf(window.get("phase").asString()) <= open) {
                LocalDateTime kept = LocalDateTime.parse(window.get("start").asString());
                if (!now.isAfter(kept)) {
                    now = kept.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
                }
            }
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode window : current.get("phases")) {
            int index = PHASES.indexOf(window.get("phase").asString());
            String start = index <= open ? window.get("start").asString()
                    : index <= target ? now.plusSeconds(2L * (index - open - 1)).toString()
                    : now.plusSeconds(2L * (target - open - 1)).plusDays(index - target).toString();
            entries.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(window.get("phase").asString(), start));
        }
        Platform.Response moved = platform.putJson(platform.gateway(path + "/phases"), organizer,
                "{\"phases\": [" + String.join(", ", entries) + "], \"reason\": \"Petit concours de démonstration\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Platform.Response category = platform.get(platform.gateway(path), organizer);
            assertThat(category.status()).as(category.body()).isEqualTo(200); // any other answer fails at once, with its body
            JsonNode currentPhase = category.json().get("currentPhase");
            return currentPhase != null && phase.equals(currentPhase.asString());
        });
    }
}
