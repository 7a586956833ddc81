package ml.sdn.incubation.milestones;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.IncubateeProgress;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What other features need of milestones: the template's milestones for a new incubatee, and each
 * incubatee's progress (validated out of all, and how many are overdue today in Bamako).
 */
@Service
public class MilestoneDirectory implements IncubateeProgress {

    public static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private final MongoTemplate mongo;

    MilestoneDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The cohort's template milestones for a new incubatee, ids {@code <incubateeId>:<code>} so that a
     * repeated enrolment cannot add them twice (an insert of an existing id is skipped). Each falls due
     * {@link #dueDate its offset} after the cohort's start, or after the enrolment day for one enrolled later.
     */
    @Override
    public void createFromTemplate(String incubateeId, Cohort cohort, Instant enrolledAt, Instant now) {
        LocalDate start = LocalDate.parse(cohort.startDate());
        for (Cohort.MilestoneTemplate template : cohort.milestoneTemplate()) {
            String id = incubateeId + ":" + template.code();
            if (mongo.exists(Query.query(Criteria.where("id").is(id)), Milestone.class)) {
                continue;
            }
            try {
                mongo.insert(new Milestone(id, incubateeId, cohort.id(), template.code(), template.title(),
                        template.description(), dueDate(start, enrolledAt, template.dueOffsetDays()), false,
                        Milestone.MilestoneStatus.TODO, null, null, null, List.of(), null, now, now, List.of(), null));
            } catch (org.springframework.dao.DuplicateKeyException alreadyThere) {
                // a concurrent enrolment of the same incubatee inserted it first
            }
        }
    }

    /**
     * A template milestone's due day: {@code offsetDays} after the later of the cohort's start and the enrolment
     * day (Bamako), so that a candidate enrolled weeks into the cohort does not start with milestones overdue.
     */
    static String dueDate(LocalDate cohortStart, Instant enrolledAt, int offsetDays) {
        LocalDate enrolmentDay = LocalDate.ofInstant(enrolledAt, BAMAKO);
        LocalDate from = enrolmentDay.isAfter(cohortStart) ? enrolmentDay : cohortStart;
        return from.plusDays(offsetDays).toString();
    }

    public List<Milestone> of(String incubateeId) {
        return mongo.find(Query.query(Criteria.where("incubateeId").is(incubateeId))
                .with(org.springframework.data.domain.Sort.by("dueDate", "id")), Milestone.class);
    }

    /**
     * Erasure: the person's name leaves every history entry they wrote (their id stays); entries already without
     * it are not matched, so a second call changes nothing. Returns the milestones changed.
     */
    public long forgetNameOf(String personId) {
        return mongo.updateMulti(Query.query(Criteria.where("history").elemMatch(Criteria.where("byId").is(personId)
                                .and("byName").ne(null))),
                        new Update().set("history.$[entry].byName", null).filterArray(Criteria.where("entry.byId").is(personId)),
                        Milestone.class)
                .getModifiedCount();
    }

    @Override
    public Map<String, Progress> progressOf(Collection<String> incubateeIds, Instant now) {
        String today = LocalDate.ofInstant(now, BAMAKO).toString();
        Map<String, int[]> counts = new HashMap<>();
        for (Milestone milestone : mongo.find(Query.query(Criteria.where("incubateeId").in(incubateeIds)), Milestone.class)) {
            int[] c = counts.computeIfAbsent(milestone.incubateeId(), id -> new int[3]);
            c[0]++;
            if (milestone.status() == Milestone.MilestoneStatus.VALIDATED) {
                c[1]++;
            } else if (milestone.dueDate() != null && milestone.dueDate().compareTo(today) < 0) {
                c[2]++;
            }
        }
        Map<String, Progress> progress = new HashMap<>();
        for (String id : new ArrayList<>(incubateeIds)) {
            int[] c = counts.getOrDefault(id, new int[3]);
            progress.put(id, new Progress(c[0], c[1], c[2]));
        }
        return progress;
    }
}
