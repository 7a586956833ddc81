package ml.sdn.competition;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredParticipant;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data written straight into the store, for tests of one feature that need another's documents
 * (a category in a given phase, submitted applications, registration copies) without going through
 * its API. Everything gets fresh ids, so tests sharing the one Spring context never see each other's data.
 */
public final class CompetitionFixtures {

    /**
     * Fixture editions are numbered -1, -2, …: below every real number, so that they never take a number a
     * test asks for.
     */
    private static final AtomicInteger EDITION_NUMBERS = new AtomicInteger();
    private static final AtomicInteger REFERENCES = new AtomicInteger();

    private final MongoTemplate mongo;

    public CompetitionFixtures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Edition edition() {
        return edition(false);
    }

    public Edition edition(boolean womenLedPrizeMayOverlap) {
        int year = Instant.now().atZone(Timeline.BAMAKO).getYear();
        return mongo.insert(new Edition(null, EDITION_NUMBERS.decrementAndGet(), year, year + "-11-18", year + "-11-20",
                "CICB, Bamako", "Fixture edition", List.of("BF", "NE"), womenLedPrizeMayOverlap, false, null, "fixture", Instant.now(), null,
                List.of()));
    }

    /** A category whose {@code openNow} phase started an hour ago and lasts {@code openFor}; earlier phases a day each. */
    public Category category(Edition edition, CategoryCode code, Phase openNow, Duration openFor, CategorySettings settings) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        Phase[] phases = Phase.values();
        for (Phase phase : phases) {
            int offset = phase.ordinal() - openNow.ordinal();
            Instant start;
            if (offset <= 0) {
                start = now.minus(Duration.ofHours(1)).minus(Duration.ofDays(-offset));
            } else {
                start = now.minus(Duration.ofHours(1)).plus(openFor).plus(Duration.ofDays(offset - 1L));
            }
            starts.put(phase, start);
        }
        return category(edition, code, starts, settings);
    }

    public Category category(Edition edition, CategoryCode code, Phase openNow) {
        return category(edition, code, openNow, Duration.ofDays(7), CategorySettings.DEFAULT);
    }

    /** A category with exactly these phase starts (every phase, in order). */
    public Category category(Edition edition, CategoryCode code, Map<Phase, Instant> starts, CategorySettings settings) {
        Timeline timeline = Timeline.of(starts);
        List<Category.PhaseStart> phases = new ArrayList<>();
        timeline.starts().forEach((phase, start) -> phases.add(new Category.PhaseStart(phase, start)));
        return mongo.insert(new Category(null, edition.id(), code, code.organizationTypes(),
                new Category.LocalizedText("Catégorie de test", "Test category"), List.of("Agriculture"),
                List.of(new Category.Criterion("impact", new Category.LocalizedText("Impact", "Impact"), 40),
                        new Category.Criterion("innovation", new Category.LocalizedText("Innovation", "Innovation"), 35),
                        new Category.Criterion("team", new Category.LocalizedText("Équipe", "Team"), 25)),
                Category.SCALE_MIN, Category.SCALE_MAX, 2, phases, Timeline.BAMAKO.getId(), settings, "fixture",
                Instant.now(), null));
    }

    /** A registration copy of a participant, as registration events would have left it. */
    public RegisteredParticipant participant(String id, String country, String displayName, String gender) {
        return mongo.save(new RegisteredParticipant(id, country, displayName, id, id + "@example.org", null, "Bamako",
                gender, "fr", Instant.now(), null));
    }

    /** A registration copy of an organisation with these members (the first is the owner). */
    public RegisteredOrganization organization(String name, String type, String country, boolean womenLed,
                                               String... participantIds) {
        return mongo.save(new RegisteredOrganization(UUID.randomUUID().toString(), name, type, country, "AGRICULTURE",
                2024, participantIds.length == 0 ? null : participantIds[0], List.of(participantIds), womenLed, Instant.now()));
    }

    /** A submitted application, as the applications feature leaves it after a successful submission. */
    public Application submittedApplication(Category category, String applicantId, String organizationId, String country,
                                            String title) {
        Instant now = Instant.now();
        String claim = category.id() + (organizationId == null ? ":person:" + applicantId : ":organization:" + organizationId);
        return mongo.insert(new Application(null, "FIX-" + REFERENCES.incrementAndGet(), category.editionId(), category.id(),
                category.code(), applicantId, organizationId, country, ApplicationStatus.SUBMITTED,
                new Application.ApplicationContent(title, "Résumé", "Problème", "Solution", "Agriculteurs",
                        Application.Stage.MVP, "Agriculture", List.of(new Application.TeamMember("Awa Traoré", "lead")),
                        "https://example.org/deck.pdf"),
                null, claim, null, null, now, now, now, null, List.of(), null));
    }
}
