package ml.sdn.e2e;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What the competition end-to-end tests set up through the gateway as an organizer: an edition and its categories. */
final class Competitions {

    static final String API = "/api/competitions";
    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    static final List<String> PHASES = List.of("SUBMISSION", "EVALUATION", "PRESELECTION", "INCUBATION", "FINAL", "CLOSED");

    private final Platform platform;
    private final String organizer;

    Competitions(Platform platform, String organizerToken) {
        this.platform = platform;
        this.organizer = organizerToken;
    }

    /** A new edition of next year with a free number (100–979: below the numbers other tests reserve). */
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

    /** A category whose submission opened an hour ago; the later phases follow a day apart. */
    String category(String editionId, String code, int preselectCount, String settingsJson) {
        Platform.Response created = platform.postJson(platform.gateway(API + "/editions/" + editionId + "/categories"), organizer, """
                {"code": "%s", "name": {"fr": "%s", "en": "%s"}, "challenges": ["Agriculture", "Santé"],
                 "criteria": [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 40},
                              {"code": "innovation", "label": {"fr": "Innovation", "en": "Innovation"}, "weight": 35},
                              {"code": "team", "label": {"fr": "Équipe", "en": "Team"}, "weight": 25}],
                 "preselectCount": %d, "phases": %s, "settings": %s}""".formatted(code, nameOf(code, "fr"), nameOf(code, "en"), preselectCount,
                phases(LocalDateTime.now(BAMAKO).truncatedTo(ChronoUnit.SECONDS).minusHours(1)), settingsJson));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A category's name in words, as organizers write it (pages are checked for codes shown to people). */
    private static String nameOf(String code, String language) {
        return switch (code) {
            case "PROJECT_CONTEST" -> language.equals("fr") ? "Concours de projets" : "Project contest";
            case "START_UP_CHALLENGE" -> "Start-up Challenge";
            default -> language.equals("fr") ? "Catégorie d'essai" : "Test category";
        };
    }

    /** Every phase once, a day apart from {@code submission}. */
    static String phases(LocalDateTime submission) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < PHASES.size(); i++) {
            entries.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(PHASES.get(i), submission.plusDays(i)));
        }
        return "[" + String.join(", ", entries) + "]";
    }
}
