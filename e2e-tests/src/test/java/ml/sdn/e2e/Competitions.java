package ml.sdn.e2e;

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
 * The one way the end-to-end and browser tests set up a competition through the gateway's API: an edition and
 * its categories as an organizer, participants' profiles, start-ups and submitted applications, the jury
 * roster, scores, and phases opened now by rescheduling. Every test that needs such a set-up uses these
 * steps, so that a fix (a same-second phase race, what counts as "not yet") reaches all of them.
 *
 * <p>Waits accept only the answer that means "not yet": 409 while a new profile or organisation travels to
 * competition-service through Kafka, or the roster's "no profile for username" while a juror's profile does.
 * Any other answer fails at once with its body.
 */
public final class Competitions {

    public static final String API = "/api/competitions";
    public static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    public static final List<String> PHASES = List.of("SUBMISSION", "EVALUATION", "PRESELECTION", "INCUBATION", "FINAL", "CLOSED");
    /** Impact 40, innovation 35, team 25: the criteria {@link #score} fills. */
    public static final String THREE_CRITERIA = """
            [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 40},
             {"code": "innovation", "label": {"fr": "Innovation", "en": "Innovation"}, "weight": 35},
             {"code": "team", "label": {"fr": "Équipe", "en": "Team"}, "weight": 25}]""";

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    private final Platform platform;
    private final String organizer;

    public Competitions(Platform platform, String organizerToken) {
        this.platform = platform;
        this.organizer = organizerToken;
    }

    public String organizer() {
        return organizer;
    }

    /** A category as an organizer writes it: code, names in words, criteria, how many are preselected, settings. */
    public record Category(String code, String nameFr, String nameEn, String criteria, int preselectCount, String settings) {

        /** That category with its usual name, the three criteria and those settings (a JSON object). */
        public static Category of(String code, int preselectCount, String settings) {
            return new Category(code, nameOf(code, "fr"), nameOf(code, "en"), THREE_CRITERIA, preselectCount, settings);
        }

        public Category named(String fr, String en) {
            return new Category(code, fr, en, criteria, preselectCount, settings);
        }

        public Category withCriteria(String json) {
            return new Category(code, nameFr, nameEn, json, preselectCount, settings);
        }

        /** A category's name in words, as organizers write it (pages are checked for codes shown to people). */
        private static String nameOf(String code, String language) {
            return switch (code) {
                case "PROJECT_CONTEST" -> language.equals("fr") ? "Concours de projets" : "Project contest";
                case "START_UP_CHALLENGE" -> "Start-up Challenge";
                default -> language.equals("fr") ? "Catégorie d'essai" : "Test category";
            };
        }
    }

    /** What an application says (and its start-up's sector): tests that read it on a page pick theirs. */
    public record Pitch(String sector, String problem, String solution, String targetUsers, String challenge, String founder) {

        public static final Pitch HEALTH = new Pitch("HEALTH", "Un vrai problème.", "Une application mobile légère.",
                "Ménages et PME", "Santé", "Fondateur");
        public static final Pitch FARMING = new Pitch("AGRICULTURE", "Les récoltes se perdent faute d'acheteurs.",
                "Une place de marché par SMS.", "Coopératives agricoles", "Agriculture", "Fondatrice");
    }

    /** A new edition of next year with a free number (100–979: the numbers above are left to other tests). */
    public String edition(boolean womenLedPrizeMayOverlap) {
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

    /**
     * Makes the edition the current one (the home page's, the one the organizer pages and registration's files name);
     * returns the one that was, null for none, for {@link #makeCurrentAgain}: the choice is shared by the whole stack.
     */
    public String makeCurrent(String editionId) {
        Platform.Response current = platform.get(platform.gateway(API + "/editions/current"), null);
        assertThat(current.status()).as(current.body()).isIn(200, 404);
        makeCurrentAgain(editionId);
        return current.status() == 200 ? current.json().get("id").asString() : null;
    }

    /** Gives the current edition back to the one {@link #makeCurrent} replaced (none: nothing to give back). */
    public void makeCurrentAgain(String editionId) {
        if (editionId != null) {
            Platform.Response chosen = platform.putJson(platform.gateway(API + "/editions/current"), organizer,
                    "{\"editionId\": \"" + editionId + "\"}");
            assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        }
    }

    /** A category whose submission opened an hour ago; the later phases follow a day apart. */
    public String category(String editionId, Category category) {
        Platform.Response created = platform.postJson(platform.gateway(API + "/editions/" + editionId + "/categories"), organizer, """
                {"code": "%s", "name": {"fr": "%s", "en": "%s"}, "challenges": ["Agriculture", "Santé"],
                 "criteria": %s, "preselectCount": %d, "phases": %s, "settings": %s}""".formatted(category.code(), category.nameFr(),
                category.nameEn(), category.criteria(), category.preselectCount(),
                phases(LocalDateTime.now(BAMAKO).truncatedTo(ChronoUnit.SECONDS).minusHours(1)), category.settings()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The same with its usual name and the three criteria. */
    public String category(String editionId, String code, int preselectCount, String settingsJson) {
        return category(editionId, Category.of(code, preselectCount, settingsJson));
    }

    /** Every phase once, a day apart from {@code submission}. */
    public static String phases(LocalDateTime submission) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < PHASES.size(); i++) {
            entries.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(PHASES.get(i), submission.plusDays(i)));
        }
        return "[" + String.join(", ", entries) + "]";
    }

    /** A demo user's registration profile, always the same one (gender included) so that tests do not disturb each other. */
    public void profile(String token, String gender) {
        Platform.Response saved = platform.putJson(platform.gateway("/api/registrations/participants/me"), token,
                "{\"gender\":\"%s\",\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}".formatted(gender));
        assertThat(saved.status()).as(saved.body()).isBetween(200, 201);
    }

    /** The caller's start-up (created the first time; one per person, so a later call finds the first one). */
    public String startUp(String token, String country, String name, String leadGender, String sector) {
        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/organizations"), token, """
                {"type":"START_UP","name":"%s","country":"%s","sector":"%s","foundingYear":2024,
                 "description":"Start-up de la Semaine du Numérique.",
                 "creator":{"role":"Fondateur","gender":"%s","lead":true},"members":[]}""".formatted(name, country, sector, leadGender));
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

    /** Profile, start-up, application drafted and submitted, with the health pitch; returns the application id. */
    public String apply(String username, String country, String category, String title, String leadGender) {
        return apply(username, country, category, title, leadGender, Pitch.HEALTH);
    }

    public String apply(String username, String country, String category, String title, String leadGender, Pitch pitch) {
        String token = platform.tokenOf(username);
        profile(token, leadGender);
        return applyWithProfile(token, country, category, title, leadGender, pitch);
    }

    /** The same for a person whose registration profile exists already (kept as it is: their language, for one). */
    public String applyWithProfile(String token, String country, String category, String title, String leadGender, Pitch pitch) {
        String organization = startUp(token, country, title + " SARL", leadGender, pitch.sector());
        return submit(token, """
                {"categoryId": "%s", "organizationId": "%s", "title": "%s",
                 "summary": "Une solution numérique pour l'espace AES.", "problem": "%s",
                 "solution": "%s", "targetUsers": "%s",
                 "stage": "MVP", "challenge": "%s", "team": [{"name": "%s", "role": "CEO"}],
                 "pitchDeckUrl": "https://example.org/deck.pdf"}""".formatted(category, organization, title, pitch.problem(),
                pitch.solution(), pitch.targetUsers(), pitch.challenge(), pitch.founder())).get("id").asString();
    }

    /**
     * Drafts that application as the caller and submits it; returns the submitted application. The caller's
     * profile (and organisation) reach competition-service's copy through Kafka: until then, 409 "being
     * processed", the one answer waited out.
     */
    public JsonNode submit(String token, String draftJson) {
        String id = await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
            Platform.Response draft = platform.postJson(platform.gateway(API + "/applications"), token, draftJson);
            assertThat(draft.status()).as(draft.body()).isIn(201, 409);
            return draft.status() == 201 ? draft.json().get("id").asString() : null;
        }, Objects::nonNull);
        Platform.Response submitted = platform.postJson(platform.gateway(API + "/applications/" + id + "/submit"), token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return submitted.json();
    }

    /**
     * The category's jury: each juror gets a registration profile, which reaches competition-service through
     * Kafka; until it has, the roster answers 400 "no profile for username" for that juror, the one refusal
     * waited out. Any other answer (an applicant on the roster, a 500) fails at once.
     */
    public void jury(String category, List<String> usernames) {
        for (String juror : usernames) {
            profile(platform.tokenOf(juror), "NOT_STATED");
        }
        String body = "{\"usernames\": [" + String.join(", ", usernames.stream().map(name -> "\"" + name + "\"").toList()) + "]}";
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
            Platform.Response roster = platform.putJson(platform.gateway(API + "/categories/" + category + "/jurors"), organizer, body);
            if (roster.status() == 200) {
                return true;
            }
            assertThat(roster.status()).as(roster.body()).isEqualTo(400);
            assertThat(roster.json().get("errors").findValuesAsString("message")).as(roster.body())
                    .allMatch(message -> message.startsWith("Aucun profil pour l'identifiant"));
            return false;
        });
    }

    /** That juror's review of that application, every one of the three criteria at {@code score}. */
    public void score(String jurorToken, String application, double score) {
        Platform.Response scored = platform.putJson(platform.gateway(API + "/applications/" + application + "/reviews/mine"), jurorToken,
                scores(score));
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
    }

    /** A score sheet with every one of the three criteria at {@code score}. */
    public static String scores(double score) {
        return """
                {"scores": {"impact": {"score": %s, "comment": "Impact clair pour les ménages."},
                            "innovation": {"score": %s, "comment": "Approche originale."},
                            "team": {"score": %s, "comment": "Équipe complète."}}}""".formatted(score, score, score);
    }

    /** Gives every application of the category its jurors (the current round's assignment). */
    public JsonNode assign(String category, String round) {
        Platform.Response assigned = platform.postJson(platform.gateway(API + "/categories/" + category + "/assignments"
                + (round == null ? "" : "?round=" + round)), organizer, "");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return assigned.json();
    }

    /**
     * Reschedules {@code phase} to open now, as an organizer closing a call early does: started phases keep
     * their starts, skipped ones open two seconds apart up to the target, later ones follow a day apart. Waits
     * until the category says that phase is open.
     */
    public void openNow(String edition, String category, String phase, String reason) {
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
                "{\"phases\": [" + String.join(", ", entries) + "], \"reason\": \"" + reason + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Platform.Response seen = platform.get(platform.gateway(path), organizer);
            assertThat(seen.status()).as(seen.body()).isEqualTo(200); // any other answer fails at once, with its body
            JsonNode currentPhase = seen.json().get("currentPhase");
            return currentPhase != null && phase.equals(currentPhase.asString());
        });
    }
}
