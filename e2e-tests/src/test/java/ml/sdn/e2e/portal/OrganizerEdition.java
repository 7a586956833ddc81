package ml.sdn.e2e.portal;

import ml.sdn.e2e.Competitions;
import ml.sdn.e2e.Platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer pages' set-up through the API, the same steps as SmallEditionIT (both through
 * {@link Competitions}): an edition and its start-up challenge; three start-ups from Mali,
 * Burkina Faso and Niger (the Nigerien one women-led) apply; three jurors score them; the organizer confirms
 * the top two; the final round is scored (the Nigerien start-up first). The category shares the jury's comments
 * with applicants. What is left is the publication,
 * which the browser test does through the portal. Incubation is not needed for the final and is left out.
 */
final class OrganizerEdition {

    static final String API = Competitions.API;
    static final List<String> JURORS = List.of("jury-ml", "jury-bf", "jury-ne");
    private static final String REASON = "Petit concours de démonstration";

    private final Platform platform;
    private final Competitions competitions;
    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    String edition;
    String category;
    final Map<String, String> applications = new LinkedHashMap<>();

    OrganizerEdition(Platform platform) {
        this(platform, "organizer-ml");
    }

    /** Set up by another organizer (a test that needs two editions gives each its own organizer). */
    OrganizerEdition(Platform platform, String organizer) {
        this.platform = platform;
        this.competitions = new Competitions(platform, platform.tokenOf(organizer));
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
        edition = competitions.edition(true);
        category = competitions.category(edition, Competitions.Category.of("START_UP_CHALLENGE", 2, """
                {"jurorsPerApplication": 3, "minimumCompletedReviews": 2, "blindReview": true, "shareCommentsWithApplicants": true}""")
                .named("Start-up Challenge " + suffix, "Start-up Challenge " + suffix));
        applications.put("ML", competitions.apply("participant-ml", "ML", category, title("ML"), "MALE"));
        applications.put("BF", competitions.apply("participant-bf", "BF", category, title("BF"), "MALE"));
        applications.put("NE", competitions.apply("participant-ne", "NE", category, title("NE"), "FEMALE"));
        competitions.jury(category, JURORS);
        competitions.openNow(edition, category, "EVALUATION", REASON);
        competitions.assign(category, null);
        Map<String, Double> preselection = Map.of("ML", 8.5, "NE", 7.5, "BF", 5.0);
        for (String juror : JURORS) {
            String token = platform.tokenOf(juror);
            applications.forEach((country, id) -> competitions.score(token, id, preselection.get(country)));
        }
        competitions.openNow(edition, category, "PRESELECTION", REASON);
        Platform.Response confirmed = platform.postJson(platform.gateway(API + "/categories/" + category + "/preselection"),
                competitions.organizer(), "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isBetween(200, 201);
        competitions.openNow(edition, category, "FINAL", REASON);
        competitions.assign(category, "FINAL");
        Map<String, Double> finals = Map.of("ML", 7.5, "NE", 9.0);
        for (String juror : JURORS) {
            String token = platform.tokenOf(juror);
            finals.forEach((country, score) -> competitions.score(token, applications.get(country), score));
        }
        return this;
    }

    /** A new edition of next year with a free number. */
    String edition(boolean womenLedPrizeMayOverlap) {
        return competitions.edition(womenLedPrizeMayOverlap);
    }

    /** The demo user's registration profile (the same one every test gives). */
    void profile(String token, String gender) {
        competitions.profile(token, gender);
    }
}
