package ml.sdn.incubation.kpis;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.cohorts.Cohorts;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.incubatees.IncubateeDirectory;
import ml.sdn.incubation.milestones.MilestoneDirectory;
import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Monthly indicators: reported by the incubatee themself (one report per month, a second one for the
 * same month replaces it in one upsert keyed by incubatee and month), read by whoever may see the
 * incubatee (organizers, their coach, themselves).
 */
@Service
public class Kpis {

    private final MongoTemplate mongo;
    private final IncubateeDirectory directory;
    private final Cohorts cohorts;
    private final Clock clock;

    Kpis(MongoTemplate mongo, IncubateeDirectory directory, Cohorts cohorts, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.cohorts = cohorts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** What a report did: created the month's report, or replaced it. */
    record Reported(KpiReportView report, boolean created) {
    }

    Reported report(Caller caller, String incubateeId, KpiRequest request) {
        Incubatee incubatee = directory.visibleTo(caller, incubateeId)
                .orElseThrow(() -> new NotFoundException("incubatee.not-found", incubateeId));
        if (!caller.id().equals(incubatee.participantId())) {
            // their coach and organizers read the figures; only the incubatee reports them
            throw new AccessDeniedException("only the incubatee reports their indicators");
        }
        if (incubatee.status() == Incubatee.IncubateeStatus.DROPPED) {
            throw new ConflictException("kpi.incubatee.dropped");
        }
        Cohort cohort = cohorts.find(incubatee.cohortId())
                .orElseThrow(() -> new NotFoundException("incubatee.not-found", incubateeId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate cohortStart = LocalDate.parse(cohort.startDate());
        KpiMonth.problem(YearMonth.parse(request.month()), cohortStart, LocalDate.ofInstant(now, MilestoneDirectory.BAMAKO))
                .ifPresent(key -> {
                    throw new FieldRejectedException("month", key, YearMonth.from(cohortStart).toString());
                });
        String id = KpiReport.idOf(incubatee.id(), request.month());
        Update update = new Update()
                .set("jobsCreated", request.jobsCreated())
                .set("customers", request.customers())
                .set("revenueBand", request.revenueBand())
                .set("fundingRaisedXof", request.fundingRaisedXof())
                .set("reportedBy", caller.id())
                .set("updatedAt", now)
                .inc("revisions", 1)
                .setOnInsert("incubateeId", incubatee.id())
                .setOnInsert("cohortId", incubatee.cohortId())
                .setOnInsert("month", request.month())
                .setOnInsert("firstReportedAt", now);
        // two first reports of the same month at once: the unique id makes one of them update instead
        KpiReport saved = LostRace.retry(2, () -> mongo.findAndModify(query(where("id").is(id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), KpiReport.class));
        return new Reported(KpiReportView.of(saved), saved.revisions() == 1);
    }

    /** The latest month each of these incubatees reported, by incubatee (none for those who never reported). */
    public Map<String, KpiReport> latestOf(Collection<String> incubateeIds) {
        Map<String, KpiReport> latest = new HashMap<>();
        if (incubateeIds.isEmpty()) {
            return latest;
        }
        mongo.find(query(where("incubateeId").in(incubateeIds)).with(Sort.by("month")), KpiReport.class)
                .forEach(report -> latest.put(report.incubateeId(), report));
        return latest;
    }

    KpiSeries series(Caller caller, String incubateeId) {
        Incubatee incubatee = directory.visibleTo(caller, incubateeId)
                .orElseThrow(() -> new NotFoundException("incubatee.not-found", incubateeId));
        return KpiSeries.of(incubatee.id(), mongo.find(query(where("incubateeId").is(incubatee.id())).with(Sort.by("month")),
                KpiReport.class));
    }
}
