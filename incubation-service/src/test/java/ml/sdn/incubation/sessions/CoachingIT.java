package ml.sdn.incubation.sessions;

import ml.sdn.incubation.IncubationFixtures;
import ml.sdn.incubation.ServiceIT;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.milestones.MilestoneDirectory;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the coaching ITs (sessions, milestones, the risk check) share: people with fresh usernames, an
 * incubatee with its coach in a cohort, problem checks, and readers of the published events.
 */
public abstract class CoachingIT extends ServiceIT {

    public static final String API = "/api/incubation";
    public static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected MilestoneDirectory milestoneDirectory;

    private final Map<String, PublishedEvents> events = new HashMap<>();

    /** Someone signed in: username, subject (= Caller.id) and a token with the given roles. */
    public record Person(String username, String id, String token) {
    }

    /** An ACTIVE incubatee of a cohort, the applicant who follows it and its coach. */
    public record Incubation(Cohort cohort, Incubatee incubatee, Person participant, Person coach) {

        public String id() {
            return incubatee.id();
        }
    }

    protected Person person(String prefix, String country, String... roles) {
        String username = prefix + "-" + UUID.randomUUID();
        return new Person(username, TestIssuer.subjectOf(username), ISSUER.token(username, country, roles));
    }

    protected IncubationFixtures fixtures() {
        return new IncubationFixtures(mongo);
    }

    /** An incubatee with a coach, in a cohort that started {@code cohortStartedDaysAgo} days ago (no milestones). */
    protected Incubation incubation(int cohortStartedDaysAgo) {
        Cohort cohort = fixtures().cohort(cohortStartedDaysAgo);
        Person participant = person("incubatee", "NE", "participant");
        Person coach = person("coach", "ML", "coach");
        Incubatee incubatee = fixtures().incubatee(cohort, participant.id(), coach.id(), "NE");
        return new Incubation(cohort, incubatee, participant, coach);
    }

    /**
     * The same, with the cohort template's three milestones due 30, 60 and 90 days after the start (as for an
     * incubatee enrolled by the cohort's start).
     */
    protected Incubation incubationWithMilestones(int cohortStartedDaysAgo) {
        Incubation incubation = incubation(cohortStartedDaysAgo);
        Instant cohortStart = LocalDate.parse(incubation.cohort().startDate()).atStartOfDay(BAMAKO).toInstant();
        milestoneDirectory.createFromTemplate(incubation.id(), incubation.cohort(), cohortStart, Instant.now());
        return incubation;
    }

    protected Person organizer() {
        return person("organizer", "ML", "organizer");
    }

    protected PublishedEvents events(String topic) {
        return events.computeIfAbsent(topic, name -> new PublishedEvents(broker.getBrokersAsString(), name));
    }

    @AfterEach
    void closeConsumers() {
        events.values().forEach(PublishedEvents::close);
        events.clear();
    }

    /** Bamako wall-clock time {@code minutesAgo} minutes ago, as a request writes it (to the minute). */
    protected static String minutesAgo(long minutesAgo) {
        return LocalDateTime.now(BAMAKO).minusMinutes(minutesAgo).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    protected static List<String> fields(ServiceApi.Response response) {
        List<String> fields = new ArrayList<>();
        if (response.json().has("errors")) {
            response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }

    protected static void assertRejected(ServiceApi.Response response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(fields);
    }

    protected static void assertProblem(ServiceApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
