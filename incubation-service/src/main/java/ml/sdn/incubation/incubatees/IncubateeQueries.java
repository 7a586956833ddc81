package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.incubatees.IncubateeViews.Dashboard;
import ml.sdn.incubation.incubatees.IncubateeViews.DashboardEntry;
import ml.sdn.incubation.incubatees.IncubateeViews.IncubateePage;
import ml.sdn.incubation.incubatees.IncubateeViews.IncubateeView;
import ml.sdn.incubation.incubatees.IncubateeViews.ProgressView;
import ml.sdn.incubation.incubatees.IncubateeViews.RiskView;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reads of incubatees, access in the query: organizers all (with filters), a coach only the
 * incubatees assigned to them, a participant only their own record; one record through
 * {@link IncubateeDirectory#visibleTo} (anyone else: 404). Progress and sessions are read for the
 * whole page at once.
 */
@Service
public class IncubateeQueries {

    private static final Sort BY_TITLE = Sort.by("title", "id");

    private final MongoTemplate mongo;
    private final IncubateeDirectory directory;
    private final IncubateeProgress milestones;
    private final IncubateeSessions sessions;
    private final Clock clock;

    IncubateeQueries(MongoTemplate mongo, IncubateeDirectory directory, IncubateeProgress milestones,
                     IncubateeSessions sessions, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.milestones = milestones;
        this.sessions = sessions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The filters of the list; null = any. */
    record Filters(String cohortId, String country, Incubatee.IncubateeStatus status, String coachId) {
    }

    IncubateePage list(Caller caller, Filters filters, int page, int size) {
        Criteria criteria = new Criteria();
        boolean organizer = caller.hasRole("organizer");
        if (organizer) {
            if (filters.coachId() != null) {
                criteria = criteria.and("coachId").is(filters.coachId());
            }
        } else if (caller.hasRole("coach")) {
            if (filters.coachId() != null && !filters.coachId().equals(caller.id())) {
                return IncubateePage.of(List.of(), page, size, 0);
            }
            criteria = criteria.and("coachId").is(caller.id());
        } else {
            criteria = criteria.and("participantId").is(caller.id());
        }
        if (filters.cohortId() != null) {
            criteria = criteria.and("cohortId").is(filters.cohortId());
        }
        if (filters.country() != null) {
            criteria = criteria.and("country").is(filters.country());
        }
        if (filters.status() != null) {
            criteria = criteria.and("status").is(filters.status());
        }
        long total = mongo.count(query(criteria), Incubatee.class);
        List<Incubatee> found = total == 0 ? List.of() : mongo.find(query(criteria).with(BY_TITLE)
                .skip((long) page * size).limit(size), Incubatee.class);
        return IncubateePage.of(views(found, organizer), page, size, total);
    }

    /** Every incubatee of the cohort, whatever their status, by title, as organizers read them: what its progress file lists. */
    public List<IncubateeView> ofCohort(String cohortId) {
        return views(mongo.find(query(where("cohortId").is(cohortId)).with(BY_TITLE), Incubatee.class), true);
    }

    IncubateeView read(Caller caller, String incubateeId) {
        Incubatee incubatee = directory.visibleTo(caller, incubateeId)
                .orElseThrow(() -> new NotFoundException("incubatee.not-found", incubateeId));
        return view(incubatee, caller.hasRole("organizer"));
    }

    /** The incubatee as the caller who just changed it sees it (organizers). */
    IncubateeView view(Incubatee incubatee, boolean organizer) {
        return views(List.of(incubatee), organizer).get(0);
    }

    /** The coach's active incubatees, most urgent first. */
    Dashboard dashboard(Caller coach) {
        List<Incubatee> mine = mongo.find(query(where("coachId").is(coach.id())
                .and("status").is(Incubatee.IncubateeStatus.ACTIVE)), Incubatee.class);
        List<String> ids = mine.stream().map(Incubatee::id).toList();
        Map<String, IncubateeProgress.Progress> progress = ids.isEmpty() ? Map.of() : milestones.progressOf(ids, clock.instant());
        Map<String, IncubateeSessions.Summary> held = ids.isEmpty() ? Map.of() : sessions.summaryOf(ids);
        List<DashboardEntry> entries = new ArrayList<>();
        List<DashboardOrder.Line> lines = new ArrayList<>();
        Map<String, DashboardEntry> byId = new HashMap<>();
        for (Incubatee incubatee : mine) {
            IncubateeProgress.Progress p = progress.getOrDefault(incubatee.id(), IncubateeProgress.Progress.NONE);
            IncubateeSessions.Summary s = held.getOrDefault(incubatee.id(), IncubateeSessions.Summary.NONE);
            RiskView risk = RiskView.of(incubatee.risk());
            DashboardEntry entry = new DashboardEntry(incubatee.id(), incubatee.cohortId(), incubatee.title(),
                    incubatee.organizationName(), incubatee.country(), incubatee.categoryCode(), incubatee.womenLed(),
                    ProgressView.of(p), s.sessions(), IncubateeViews.lastContact(incubatee, s), risk, incubatee.enrolledAt());
            byId.put(incubatee.id(), entry);
            lines.add(new DashboardOrder.Line(incubatee.id(), incubatee.title(), risk.atRisk(), p.overdue(),
                    entry.lastContactAt(), incubatee.enrolledAt()));
        }
        lines.sort(DashboardOrder.MOST_URGENT_FIRST);
        lines.forEach(line -> entries.add(byId.get(line.id())));
        int atRisk = (int) entries.stream().filter(entry -> entry.risk().atRisk()).count();
        return new Dashboard(entries.size(), atRisk, entries);
    }

    private List<IncubateeView> views(List<Incubatee> incubatees, boolean organizer) {
        if (incubatees.isEmpty()) {
            return List.of();
        }
        List<String> ids = incubatees.stream().map(Incubatee::id).toList();
        Map<String, IncubateeProgress.Progress> progress = milestones.progressOf(ids, clock.instant());
        Map<String, IncubateeSessions.Summary> held = sessions.summaryOf(ids);
        return incubatees.stream().map(incubatee -> IncubateeView.of(incubatee,
                progress.getOrDefault(incubatee.id(), IncubateeProgress.Progress.NONE), held.getOrDefault(incubatee.id(), IncubateeSessions.Summary.NONE),
                organizer)).toList();
    }
}
