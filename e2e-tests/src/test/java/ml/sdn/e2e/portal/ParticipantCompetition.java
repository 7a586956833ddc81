package ml.sdn.e2e.portal;

import ml.sdn.e2e.Competitions;
import ml.sdn.e2e.Platform;

/**
 * Set-up through the API as an organizer, with the steps every competition test shares ({@link Competitions}):
 * an edition of next year and one open category (impact 60, team 40), whose submission phase opened an hour ago.
 */
final class ParticipantCompetition {

    private static final String TWO_CRITERIA = """
            [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 60},
             {"code": "team", "label": {"fr": "Équipe", "en": "Team"}, "weight": 40}]""";

    private ParticipantCompetition() {
    }

    record Contest(String editionId, String categoryId) {
    }

    static Contest openProjectContest(Platform platform, String organizerToken) {
        return open(platform, organizerToken, "PROJECT_CONTEST");
    }

    /** The same with a start-up challenge (start-ups and SMEs apply). */
    static Contest openStartUpChallenge(Platform platform, String organizerToken) {
        return open(platform, organizerToken, "START_UP_CHALLENGE");
    }

    private static Contest open(Platform platform, String organizerToken, String code) {
        Competitions competitions = new Competitions(platform, organizerToken);
        String edition = competitions.edition(false);
        return new Contest(edition, competitions.category(edition, Competitions.Category.of(code, 1, "{}").withCriteria(TWO_CRITERIA)));
    }
}
