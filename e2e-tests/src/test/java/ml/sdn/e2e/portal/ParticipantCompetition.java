package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-up through the API as an organizer (as SmallEditionIT does): an edition of next year and its project
 * contest, whose submission phase opened an hour ago (the e2e package's Competitions is not visible here).
 */
final class ParticipantCompetition {

    static final String API = "/api/competitions";
    static final List<String> PHASES = List.of("SUBMISSION", "EVALUATION", "PRESELECTION", "INCUBATION", "FINAL", "CLOSED");

    private ParticipantCompetition() {
    }

    record Contest(String editionId, String categoryId) {
    }

    static Contest openProjectContest(Platform platform, String organizerToken) {
        return open(platform, organizerToken, "PROJECT_CONTEST", "Concours de projets", "Project contest");
    }

    /** The same with a start-up challenge (start-ups and SMEs apply). */
    static Contest openStartUpChallenge(Platform platform, String organizerToken) {
        return open(platform, organizerToken, "START_UP_CHALLENGE", "Start-up Challenge", "Start-up Challenge");
    }

    private static Contest open(Platform platform, String organizerToken, String code, String nameFr, String nameEn) {
        String edition = edition(platform, organizerToken);
        LocalDateTime submission = LocalDateTime.now(ZoneId.of("Africa/Bamako")).truncatedTo(ChronoUnit.SECONDS).minusHours(1);
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < PHASES.size(); i++) {
            phases.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(PHASES.get(i), submission.plusDays(i)));
        }
        Platform.Response created = platform.postJson(platform.gateway(API + "/editions/" + edition + "/categories"), organizerToken, """
                {"code": "%s", "name": {"fr": "%s", "en": "%s"},
                 "challenges": ["Agriculture", "Santé"],
                 "criteria": [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 60},
                              {"code": "team", "label": {"fr": "Équipe", "en": "Team"}, "weight": 40}],
                 "preselectCount": 1, "phases": [%s], "settings": {}}""".formatted(code, nameFr, nameEn, String.join(", ", phases)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Contest(edition, created.json().get("id").asString());
    }

    private static String edition(Platform platform, String organizerToken) {
        int year = LocalDateTime.now().getYear() + 1;
        for (int attempt = 0; attempt < 20; attempt++) {
            int number = ThreadLocalRandom.current().nextInt(100, 980);
            Platform.Response created = platform.postJson(platform.gateway(API + "/editions"), organizerToken, """
                    {"number": %d, "year": %d, "startDate": "%d-11-18", "endDate": "%d-11-20", "venue": "CICB, Bamako",
                     "theme": "Le numérique au service de l'AES", "guestCountries": ["BF", "NE"],
                     "womenLedPrizeMayOverlap": false}""".formatted(number, year, year, year));
            if (created.status() == 201) {
                return created.json().get("id").asString();
            }
            assertThat(created.status()).as(created.body()).isEqualTo(409);
        }
        throw new IllegalStateException("no free edition number");
    }
}
