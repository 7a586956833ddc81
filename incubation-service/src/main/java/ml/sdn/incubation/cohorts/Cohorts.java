package ml.sdn.incubation.cohorts;

import ml.sdn.incubation.editions.KnownEditions;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Cohorts: one per edition (a unique index on {@code editionId} decides between two organizers
 * creating it at once), created by an organizer with its milestone template, then read by
 * organizers and coaches. Creating one tells the enrolment feature ({@link CohortOpened}), which
 * enrols the edition's candidates preselected before the cohort existed.
 */
@Service
public class Cohorts {

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final CohortMembers members;
    private final KnownEditions editions;
    private final Clock clock;

    Cohorts(MongoTemplate mongo, ApplicationEventPublisher events, CohortMembers members, KnownEditions editions,
            ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.events = events;
        this.members = members;
        this.editions = editions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The cohort of an edition, if an organizer created it. */
    public Optional<Cohort> ofEdition(String editionId) {
        return Optional.ofNullable(mongo.findOne(query(where("editionId").is(editionId)), Cohort.class));
    }

    public Optional<Cohort> find(String cohortId) {
        return Optional.ofNullable(mongo.findById(cohortId, Cohort.class));
    }

    CohortView create(Caller caller, CohortRequest request) {
        List<CohortPlan.PlannedMilestone> planned = request.milestones().stream()
                .map(m -> new CohortPlan.PlannedMilestone(m.code(), m.dueOffsetDays())).toList();
        CohortPlan.check(request.startDate(), request.endDate(), planned).ifPresent(rejection -> {
            throw new FieldRejectedException(rejection.field(), rejection.messageKey(), rejection.arguments());
        });
        // a reference to nothing is refused naming the field: the editions are those competition-service announced
        if (!editions.exists(request.editionId())) {
            throw new FieldRejectedException("editionId", "cohort.editionId.unknown", request.editionId());
        }
        List<Cohort.MilestoneTemplate> template = request.milestones().stream()
                .map(m -> new Cohort.MilestoneTemplate(m.code(), m.title().strip(),
                        m.description() == null || m.description().isBlank() ? null : m.description().strip(),
                        m.dueOffsetDays()))
                .toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Cohort cohort;
        try {
            cohort = mongo.insert(new Cohort(null, request.editionId(), request.name().strip(),
                    request.startDate().toString(), request.endDate().toString(), request.capacity(), template,
                    caller.id(), now, null));
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("cohort.edition.taken", request.editionId());
        }
        events.publishEvent(new CohortOpened(cohort));
        return CohortView.of(cohort, seatsTaken(List.of(cohort.id())).getOrDefault(cohort.id(), 0L));
    }

    List<CohortView> list(String editionId) {
        Query query = editionId == null ? new Query() : query(where("editionId").is(editionId));
        List<Cohort> cohorts = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("id"))),
                Cohort.class);
        Map<String, Long> seats = seatsTaken(cohorts.stream().map(Cohort::id).toList());
        return cohorts.stream().map(cohort -> CohortView.of(cohort, seats.getOrDefault(cohort.id(), 0L))).toList();
    }

    List<CohortBrief> briefs(String editionId) {
        Query query = editionId == null ? new Query() : query(where("editionId").is(editionId));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("id"))), Cohort.class).stream()
                .map(CohortBrief::of).toList();
    }

    CohortBrief brief(String cohortId) {
        return CohortBrief.of(find(cohortId).orElseThrow(() -> new NotFoundException("cohort.not-found", cohortId)));
    }

    CohortView read(String cohortId) {
        Cohort cohort = find(cohortId).orElseThrow(() -> new NotFoundException("cohort.not-found", cohortId));
        return CohortView.of(cohort, seatsTaken(List.of(cohortId)).getOrDefault(cohortId, 0L));
    }

    private Map<String, Long> seatsTaken(List<String> cohortIds) {
        return members.seatsTaken(cohortIds);
    }
}
