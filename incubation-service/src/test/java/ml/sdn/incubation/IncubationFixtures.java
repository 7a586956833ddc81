package ml.sdn.incubation;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Data written straight into the store, for tests of one feature that need another's documents (a
 * cohort, an incubatee with a coach) without going through its API. Fresh ids every time, so tests
 * sharing the one Spring context never see each other's data.
 */
public final class IncubationFixtures {

    private final MongoTemplate mongo;

    public IncubationFixtures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A cohort of a fresh edition that started {@code startedDaysAgo} days ago (Bamako), with a three-milestone template. */
    public Cohort cohort(int startedDaysAgo) {
        LocalDate start = LocalDate.now(ZoneId.of("Africa/Bamako")).minusDays(startedDaysAgo);
        return mongo.insert(new Cohort(null, "edition-" + UUID.randomUUID(), "Cohorte de test", start.toString(),
                start.plusMonths(6).toString(), 30, List.of(
                new Cohort.MilestoneTemplate("business-model", "Modèle économique validé", null, 30),
                new Cohort.MilestoneTemplate("mvp", "MVP", null, 60),
                new Cohort.MilestoneTemplate("pitch-deck", "Pitch deck", null, 90)), "fixture", Instant.now(), null));
    }

    /** An active incubatee of the cohort, its participant and coach given (coach may be null). */
    public Incubatee incubatee(Cohort cohort, String participantId, String coachId, String country) {
        Instant now = Instant.now();
        List<Incubatee.CoachAssignment> history = coachId == null ? List.of()
                : List.of(new Incubatee.CoachAssignment(coachId, "Coach " + coachId, "fixture", now, null));
        return mongo.insert(new Incubatee(null, cohort.id(), cohort.editionId(), "category-" + UUID.randomUUID(),
                "START_UP_CHALLENGE", "application-" + UUID.randomUUID(), participantId, "organization-" + UUID.randomUUID(),
                "Sahel Agri Lab", "Irrigation solaire", country, true, Incubatee.IncubateeStatus.ACTIVE, null, coachId,
                history, null, null, now, now, List.of(), null));
    }
}
