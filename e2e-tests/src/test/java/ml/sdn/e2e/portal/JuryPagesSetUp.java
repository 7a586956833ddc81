package ml.sdn.e2e.portal;

import ml.sdn.e2e.Competitions;
import ml.sdn.e2e.Platform;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the juror and coach page tests set up through the gateway's API, with the steps every competition test
 * shares ({@link Competitions}): an edition and a start-up challenge as organizer-ml (criteria impact 40,
 * innovation 35, team 25; one juror per application), a participant's submitted application with the farming
 * pitch the juror's page shows, the jury roster and its assignment, phases moved by rescheduling to now.
 */
final class JuryPagesSetUp {

    static final String API = Competitions.API;
    static final ZoneId BAMAKO = Competitions.BAMAKO;
    private static final String REASON = "Test des pages du jury";

    private final Platform platform;
    private final Competitions competitions;

    JuryPagesSetUp(Platform platform) {
        this.platform = platform;
        this.competitions = new Competitions(platform, platform.tokenOf("organizer-ml"));
    }

    String organizer() {
        return competitions.organizer();
    }

    String edition() {
        return competitions.edition(true);
    }

    /** A start-up challenge whose submission opened an hour ago, one juror per application. */
    String category(String edition, boolean revealScores) {
        return competitions.category(edition, Competitions.Category.of("START_UP_CHALLENGE", 1, """
                {"jurorsPerApplication": 1, "minimumCompletedReviews": 1, "blindReview": true,
                 "revealScoresAfterOwnReview": %s}""".formatted(revealScores)).named("Défi start-up", "Start-up challenge"));
    }

    /** The participant's profile, start-up and submitted application (the farming pitch); returns the application id. */
    String apply(String username, String country, String category, String title, String leadGender) {
        return competitions.apply(username, country, category, title, leadGender, Competitions.Pitch.FARMING);
    }

    /** A category in evaluation and participant-bf's application in it, given to jury-ml alone. */
    Assigned assignedToJuryMl(String title, boolean revealScores) {
        String edition = edition();
        String category = category(edition, revealScores);
        String application = apply("participant-bf", "BF", category, title, "MALE");
        competitions.jury(category, List.of("jury-ml"));
        openNow(edition, category, "EVALUATION");
        competitions.assign(category, null);
        return new Assigned(category, application);
    }

    record Assigned(String category, String application) {
    }

    /**
     * An organizer takes the juror's review away once a test is done, so that the demo jurors' lists hold only
     * what other tests give them (SmallEditionIT counts them).
     */
    void removeReview(String category, String reviewId) {
        Platform.Response removed = platform.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.gateway(
                        API + "/categories/" + category + "/assignments/" + reviewId + "?reason=Fin%20du%20test%20des%20pages"))).DELETE()
                .header("Authorization", "Bearer " + organizer()).build());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    }

    /** Reschedules {@code phase} to open now and waits until it is open. */
    void openNow(String edition, String category, String phase) {
        competitions.openNow(edition, category, phase, REASON);
    }
}
