package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the juror and coach page tests set up through the gateway's API, as SmallEditionIT does: an edition
 * and a category as an organizer (criteria impact 40, innovation 35, team 25), a participant's submitted
 * application, the jury roster and its assignment, and the phases moved by rescheduling the next one to now.
 */
final class JuryPagesSetUp {

    static final String API = "/api/competitions";
    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    static final List<String> PHASES = List.of("SUBMISSION", "EVALUATION", "PRESELECTION", "INCUBATION", "FINAL", "CLOSED");

    private final Platform platform;
    private final String organizer;

    JuryPagesSetUp(Platform platform) {
        this.platform = platform;
        this.organizer = platform.tokenOf("organizer-ml");
    }

    String organizer() {
        return organizer;
    }

    /** A new edition of next year with a free number (100–979, as the other end-to-end tests pick them). */
    String edition() {
        int year = LocalDateTime.now(BAMAKO).getYear() + 1;
        for (int attempt = 0; attempt < 20; attempt++) {
            int number = ThreadLocalRandom.current().nextInt(100, 980);
            Platform.Response created = platform.postJson(platform.gateway(API + "/editions"), organizer, """
                    {"number": %d, "year": %d, "startDate": "%d-11-18", "endDate": "%d-11-20", "venue": "CICB, Bamako",
                     "theme": "Le numérique au service de l'AES", "guestCountries": ["BF", "NE"],
                     "womenLedPrizeMayOverlap": true}""".formatted(number, year, year, year));
            if (created.status() == 201) {
                return created.json().get("id").asString();
            }
            assertThat(created.status()).as(created.body()).isEqualTo(409);
        }
        throw new IllegalStateException("no free edition number");
    }

    /** A start-up challenge whose submission opened an hour ago, one juror per application. */
    String category(String edition, boolean revealScores) {
        LocalDateTime submission = LocalDateTime.now(BAMAKO).truncatedTo(ChronoUnit.SECONDS).minusHours(1);
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < PHASES.size(); i++) {
            phases.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(PHASES.get(i), submission.plusDays(i)));
        }
        Platform.Response created = platform.postJson(platform.gateway(API + "/editions/" + edition + "/categories"), organizer, """
                {"code": "START_UP_CHALLENGE", "name": {"fr": "Défi start-up", "en": "Start-up challenge"},
                 "challenges": ["Agriculture", "Santé"],
                 "criteria": [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 40},
                              {"code": "innovation", "label": {"fr": "Innovation", "en": "Innovation"}, "weight": 35},
                              {"code": "team", "label": {"fr": "Équipe", "en": "Team"}, "weight": 25}],
                 "preselectCount": 1, "phases": [%s],
                 "settings": {"jurorsPerApplication": 1, "minimumCompletedReviews": 1, "blindReview": true,
                              "revealScoresAfterOwnReview": %s}}""".formatted(String.join(", ", phases), revealScores));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The participant's profile, start-up and submitted application; returns the application id. */
    String apply(String username, String country, String category, String title, String leadGender) {
        String token = platform.tokenOf(username);
        profile(token, leadGender);
        String organization = startUp(token, country, title + " SARL", leadGender);
        String id = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Platform.Response draft = platform.postJson(platform.gateway(API + "/applications"), token, """
                    {"categoryId": "%s", "organizationId": "%s", "title": "%s",
                     "summary": "Une solution numérique pour l'espace AES.", "problem": "Les récoltes se perdent faute d'acheteurs.",
                     "solution": "Une place de marché par SMS.", "targetUsers": "Coopératives agricoles",
                     "stage": "MVP", "challenge": "Agriculture", "team": [{"name": "Fondatrice", "role": "CEO"}],
                     "pitchDeckUrl": "https://example.org/deck.pdf"}""".formatted(category, organization, title));
            assertThat(draft.status()).as(draft.body()).isIn(201, 409);
            return draft.status() == 201 ? draft.json().get("id").asString() : null;
        }, Objects::nonNull);
        Platform.Response submitted = platform.postJson(platform.gateway(API + "/applications/" + id + "/submit"), token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    /** A category in evaluation and participant-bf's application in it, given to jury-ml alone. */
    Assigned assignedToJuryMl(String title, boolean revealScores) {
        String edition = edition();
        String category = category(edition, revealScores);
        String application = apply("participant-bf", "BF", category, title, "MALE");
        jury(category, "jury-ml");
        openEvaluationAndAssign(edition, category);
        return new Assigned(category, application);
    }

    record Assigned(String category, String application) {
    }

    /** The category's jury (jurors need a registration profile, which reaches competition-service through Kafka). */
    void jury(String category, String juror) {
        profile(platform.tokenOf(juror), "NOT_STATED");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Platform.Response roster = platform.putJson(platform.gateway(API + "/categories/" + category + "/jurors"), organizer,
                    "{\"usernames\": [\"" + juror + "\"]}");
            assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        });
    }

    /** Evaluation opens now and every application gets its juror. */
    void openEvaluationAndAssign(String edition, String category) {
        openNow(edition, category, "EVALUATION");
        Platform.Response assigned = platform.postJson(platform.gateway(API + "/categories/" + category + "/assignments"), organizer, "");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    /**
     * An organizer takes the juror's review away once a test is done, so that the demo jurors' lists hold only
     * what other tests give them (SmallEditionIT counts them).
     */
    void removeReview(String category, String reviewId) {
        Platform.Response removed = platform.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.gateway(
                        API + "/categories/" + category + "/assignments/" + reviewId + "?reason=Fin%20du%20test%20des%20pages"))).DELETE()
                .header("Authorization", "Bearer " + organizer).build());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    }

    /** Reschedules {@code phase} to open now (started phases keep their starts), and waits until it is open. */
    void openNow(String edition, String category, String phase) {
        String path = API + "/editions/" + edition + "/categories/" + category;
        JsonNode current = platform.get(platform.gateway(path), organizer).json();
        LocalDateTime now = LocalDateTime.now(BAMAKO).truncatedTo(ChronoUnit.SECONDS);
        int target = PHASES.indexOf(phase);
        int open = PHASES.indexOf(current.get("currentPhase").asString());
        List<String> entries = new ArrayList<>();
        for (JsonNode window : current.get("phases")) {
            int index = PHASES.indexOf(window.get("phase").asString());
            String start = index <= open ? window.get("start").asString()
                    : index <= target ? now.plusSeconds(2L * (index - open - 1)).toString()
                    : now.plusSeconds(2L * (target - open - 1)).plusDays(index - target).toString();
            entries.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(window.get("phase").asString(), start));
        }
        Platform.Response moved = platform.putJson(platform.gateway(path + "/phases"), organizer,
                "{\"phases\": [" + String.join(", ", entries) + "], \"reason\": \"Test des pages du jury\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                phase.equals(platform.get(platform.gateway(path), organizer).json().get("currentPhase").asString()));
    }

    /** The same profile SmallEditionIT gives these demo users (gender included), so that the tests do not disturb each other. */
    void profile(String token, String gender) {
        Platform.Response saved = platform.putJson(platform.gateway("/api/registrations/participants/me"), token,
                "{\"gender\":\"%s\",\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}"
                        .formatted(gender));
        assertThat(saved.status()).as(saved.body()).isBetween(200, 201);
    }

    /** The caller's start-up (created the first time; one per person). */
    private String startUp(String token, String country, String name, String leadGender) {
        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/organizations"), token, """
                {"type":"START_UP","name":"%s","country":"%s","sector":"AGRICULTURE","foundingYear":2024,
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
}
