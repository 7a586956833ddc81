package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.cohorts.Cohorts;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A cohort's figures, made of its incubatees and their progress. */
@Service
class CohortSummaries {

    private final MongoTemplate mongo;
    private final Cohorts cohorts;
    private final IncubateeProgress milestones;
    private final Clock clock;

    CohortSummaries(MongoTemplate mongo, Cohorts cohorts, IncubateeProgress milestones, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.cohorts = cohorts;
        this.milestones = milestones;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * The cohort's summary: {@code country} null for the whole cohort, else that country's part. The
     * caller decides the scope (a coordinator's is their delegation, whatever they asked).
     */
    CohortSummary summary(String cohortId, String country) {
        Cohort cohort = cohorts.find(cohortId).orElseThrow(() -> new NotFoundException("cohort.not-found", cohortId));
        Criteria criteria = where("cohortId").is(cohortId);
        if (country != null) {
            criteria = criteria.and("country").is(country);
        }
        Query query = query(criteria);
        query.fields().include("id", "country", "categoryCode", "womenLed", "status", "risk");
        List<Incubatee> incubatees = mongo.find(query, Incubatee.class);
        Map<String, IncubateeProgress.Progress> progress = incubatees.isEmpty() ? Map.of()
                : milestones.progressOf(incubatees.stream().map(Incubatee::id).toList(), clock.instant());
        List<CohortSummary.Row> rows = incubatees.stream().map(incubatee -> new CohortSummary.Row(incubatee.country(),
                incubatee.categoryCode(), incubatee.womenLed(), incubatee.status(),
                incubatee.risk() != null && incubatee.risk().atRisk(),
                progress.getOrDefault(incubatee.id(), IncubateeProgress.Progress.NONE).percent())).toList();
        return CohortSummary.of(cohort, country, rows);
    }
}
