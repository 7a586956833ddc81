package ml.sdn.incubation;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.kpis.KpiReport;
import ml.sdn.testing.CreatingEndpoint;
import ml.sdn.testing.PlatformContract;
import ml.sdn.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** What the platform gives this service (token checks, roles, country, problems, probes, OpenAPI), against the running service. */
class PlatformBehaviourIT extends ServiceIT implements PlatformContract {

    private static final String PREFIX = "/api/incubation";
    private static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    @Autowired
    MongoTemplate mongo;

    @Override
    public TestIssuer issuer() {
        return ISSUER;
    }

    @Override
    public String apiPrefix() {
        return PREFIX;
    }

    @Override
    public List<CreatingEndpoint> creatingEndpoints() {
        return List.of(
                new CreatingEndpoint("POST " + PREFIX + "/incubatees/{incubateeId}/sessions", username -> {
                    String coach = ISSUER.token(username, "ML", "coach");
                    Incubatee incubatee = incubateeCoachedBy(username);
                    String sessions = PREFIX + "/incubatees/" + incubatee.id() + "/sessions";
                    return new CreatingEndpoint.Creation(coach,
                            new CreatingEndpoint.Request(sessions, session(120)),
                            new CreatingEndpoint.Request(sessions, session(240)),
                            () -> api().get(sessions, coach).json().get("totalElements").asInt());
                }),
                new CreatingEndpoint("POST " + PREFIX + "/incubatees/{id}/kpis", username -> {
                    String participant = ISSUER.token(username, "NE", "participant");
                    Incubatee incubatee = fixtures().incubatee(fixtures().cohort(95), TestIssuer.subjectOf(username), null, "NE");
                    String kpis = PREFIX + "/incubatees/" + incubatee.id() + "/kpis";
                    YearMonth thisMonth = YearMonth.now(BAMAKO);
                    // a report replaces the month's previous one: count the revisions, which every report adds to
                    return new CreatingEndpoint.Creation(participant,
                            new CreatingEndpoint.Request(kpis, kpi(thisMonth)),
                            new CreatingEndpoint.Request(kpis, kpi(thisMonth.minusMonths(1))),
                            () -> mongo.find(query(where("incubateeId").is(incubatee.id())), KpiReport.class).stream()
                                    .mapToInt(KpiReport::revisions).sum());
                }));
    }

    private IncubationFixtures fixtures() {
        return new IncubationFixtures(mongo);
    }

    private Incubatee incubateeCoachedBy(String coachUsername) {
        Cohort cohort = fixtures().cohort(10);
        return fixtures().incubatee(cohort, TestIssuer.subjectOf("incubatee-of-" + coachUsername),
                TestIssuer.subjectOf(coachUsername), "NE");
    }

    private static String session(long minutesAgo) {
        return """
                {"heldAt": "%s", "durationMinutes": 60, "mode": "REMOTE", "topics": ["Tarification"],
                 "notes": "Revoir la grille tarifaire."}
                """.formatted(LocalDateTime.now(BAMAKO).minusMinutes(minutesAgo).truncatedTo(ChronoUnit.MINUTES));
    }

    private static String kpi(YearMonth month) {
        return """
                {"month": "%s", "jobsCreated": 2, "customers": 15, "revenueBand": "UNDER_1M_XOF", "fundingRaisedXof": 0}
                """.formatted(month);
    }
}
