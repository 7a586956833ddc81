package ml.sdn.competition.selection;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.competition.editions.Words;
import ml.sdn.competition.jury.Round;
import ml.sdn.competition.ranking.ApplicationScore;
import ml.sdn.competition.ranking.CategoryRankings;
import ml.sdn.competition.ranking.RoundRanking;
import ml.sdn.events.competition.ApplicationNotPreselected;
import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Confirms a category's preselection, once, in its PRESELECTION phase:
 * <ol>
 *   <li>the choice is checked against the ranking of the submitted applications (default: its first
 *       {@code preselectCount}; any other choice needs a reason);</li>
 *   <li>the decision is inserted, keyed by the category: the one atomic step, so that of two
 *       confirmations only one is recorded;</li>
 *   <li>it is audited, then each submitted application gets its outcome and event in one targeted write
 *       of its own document, only while its {@code selection} is still empty;</li>
 *   <li>the decision is marked complete.</li>
 * </ol>
 * Every step after the insert can be run again with the same result, so a confirmation cut short is
 * finished by the next attempt to confirm (answered 409) or by {@link #resumeUnfinished()}.
 */
@Service
public class Preselections {

    private static final Logger log = LoggerFactory.getLogger(Preselections.class);

    private final MongoTemplate mongo;
    private final jakarta.validation.Validator validator;
    private final Editions editions;
    private final CategoryRankings rankings;
    private final Applicants applicants;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration resumeAfter;

    Preselections(MongoTemplate mongo, Editions editions, CategoryRankings rankings, Applicants applicants,
                  AuditTrail audit, jakarta.validation.Validator validator, ObjectProvider<Clock> clock,
                  @Value("${sdn.selection.resume-after:2m}") Duration resumeAfter) {
        this.validator = validator;
        this.mongo = mongo;
        this.editions = editions;
        this.rankings = rankings;
        this.applicants = applicants;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.resumeAfter = resumeAfter;
    }

    PreselectionView confirm(Caller caller, String categoryId, PreselectionRequest request) {
        Category category = category(categoryId);
        PreselectionDecision existing = mongo.findById(categoryId, PreselectionDecision.class);
        if (existing != null) {
            // a retry after a confirmation cut short finishes it; either way, there is one preselection
            complete(existing);
            throw alreadyConfirmed(existing);
        }
        // the store keeps milliseconds: the answer must be what is read back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Timeline timeline = category.timeline();
        if (!timeline.allows(Action.CONFIRM_PRESELECTION, now)) {
            throw new ConflictException("selection.preselection.phase", Words.phase(timeline.phaseAt(now)));
        }
        // every fault of the choice in one answer: the fields' own checks, each chosen id, the missing reason
        FieldChecks checks = FieldChecks.validated(validator, request);
        RoundRanking ranking = rankings.rank(category, Round.PRESELECTION, Locale.FRENCH);
        int count = category.preselectCount();
        List<String> top = ranking.top(count).stream().map(ApplicationScore::applicationId).toList();
        List<String> chosen = checks.ok("applicationIds") ? chosen(request, ranking, top, checks) : List.of();
        boolean override = chosen.size() != count || !new HashSet<>(chosen).equals(new HashSet<>(top));
        String reason = request.overrideReason() == null || request.overrideReason().isBlank() ? null
                : request.overrideReason().strip();
        // the reason is judged on the valid part of the choice: a choice that departs from the top needs one
        if (checks.ok("overrideReason") && override && reason == null) {
            checks.reject("overrideReason", top.size() < count
                    ? "selection.overrideReason.required.too-few-ranked" : "selection.overrideReason.required",
                    count, top.size());
        }
        checks.throwIfAny();
        List<PreselectionDecision.Standing> standings = ranking.lines().stream()
                .map(s -> new PreselectionDecision.Standing(s.applicationId(),
                        ranking.applications().get(s.applicationId()).reference(), s.rank(), s.finalScore()))
                .toList();
        PreselectionDecision decision = new PreselectionDecision(category.id(), category.editionId(), category.code(),
                count, chosen, top, override, override ? reason : null, standings, caller.id(), caller.name(), now, null);
        try {
            mongo.insert(decision);
        } catch (DuplicateKeyException confirmedInParallel) {
            throw alreadyConfirmed(mongo.findById(categoryId, PreselectionDecision.class));
        }
        return view(complete(decision));
    }

    PreselectionView read(String categoryId) {
        category(categoryId);
        PreselectionDecision decision = mongo.findById(categoryId, PreselectionDecision.class);
        if (decision == null) {
            throw new NotFoundException("selection.preselection.none", categoryId);
        }
        return view(decision);
    }

    /** Finishes the confirmations cut short more than {@code sdn.selection.resume-after} ago. */
    @Scheduled(fixedDelayString = "${sdn.selection.resume-interval:60s}",
            initialDelayString = "${sdn.selection.resume-interval:60s}")
    void resumeUnfinished() {
        completeUnfinished(clock.instant().minus(resumeAfter));
    }

    /** @return how many unfinished decisions taken before {@code decidedBefore} were completed */
    int completeUnfinished(Instant decidedBefore) {
        int completed = 0;
        for (PreselectionDecision decision : mongo.find(query(where("completedAt").is(null)
                .and("decidedAt").lt(decidedBefore)), PreselectionDecision.class)) {
            try {
                complete(decision);
                completed++;
                log.info("Preselection of category {} finished after an interruption", decision.id());
            } catch (RuntimeException e) {
                log.warn("Preselection of category {} not finished yet, will retry: {}", decision.id(), e.toString());
            }
        }
        return completed;
    }

    /** The applications the organizer chose, in ranking order; each wrong one is named {@code applicationIds[i]} in {@code checks}. */
    private static List<String> chosen(PreselectionRequest request, RoundRanking ranking, List<String> top, FieldChecks checks) {
        if (request.applicationIds() == null) {
            if (top.isEmpty()) {
                throw new ConflictException("selection.preselection.nothing-ranked");
            }
            return top;
        }
        Set<String> seen = new HashSet<>();
        List<String> ids = request.applicationIds();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!seen.add(id)) {
                checks.reject("applicationIds[" + i + "]", "selection.applicationIds.repeated", id);
            } else if (!ranking.applications().containsKey(id)) {
                checks.reject("applicationIds[" + i + "]", "selection.applicationIds.not-submitted", id);
            }
        }
        return ranking.lines().stream().map(ApplicationScore::applicationId).filter(seen::contains).toList();
    }

    /** Steps 3 and 4: each runs again harmlessly. */
    PreselectionDecision complete(PreselectionDecision decision) {
        ensureAudited(decision);
        Map<String, PreselectionDecision.Standing> standings = new HashMap<>();
        decision.standings().forEach(s -> standings.put(s.applicationId(), s));
        List<Application> waiting = mongo.find(query(where("id").in(standings.keySet())
                .and("status").is(ApplicationStatus.SUBMITTED).and("selection").is(null)), Application.class);
        for (Application application : waiting) {
            decide(decision, application, standings.get(application.id()));
        }
        mongo.updateFirst(query(where("id").is(decision.id()).and("completedAt").is(null)),
                new Update().set("completedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS)), PreselectionDecision.class);
        return mongo.findById(decision.id(), PreselectionDecision.class);
    }

    /**
     * One application's outcome and its event, in one write of its document that only applies while its
     * selection is empty (a second run finds it set and writes nothing). The version moves on, so that a
     * save of a copy read before cannot write the outcome away.
     */
    private void decide(PreselectionDecision decision, Application application, PreselectionDecision.Standing standing) {
        boolean preselected = decision.chosen().contains(application.id());
        String departure = decision.departs(application.id()) ? decision.overrideReason() : null;
        Application.Selection selection = new Application.Selection(preselected
                ? Application.SelectionStatus.PRESELECTED : Application.SelectionStatus.NOT_PRESELECTED,
                standing.rank(), standing.finalScore(), departure, decision.decidedBy(), decision.decidedAt());
        String title = application.content() == null ? null : application.content().title();
        PendingEvent event;
        if (preselected) {
            Applicants.Applicant applicant = applicants.of(application);
            event = PendingEvent.of(ApplicationPreselected.TYPE, application.id(), new ApplicationPreselected(
                    application.id(), application.reference(), application.editionId(), application.categoryId(),
                    application.categoryCode().name(), application.applicantId(), application.organizationId(),
                    applicant.publicName(), application.country(), title, applicant.womenLed(), standing.rank(),
                    departure, decision.decidedAt()));
        } else {
            event = PendingEvent.of(ApplicationNotPreselected.TYPE, application.id(), new ApplicationNotPreselected(
                    application.id(), application.reference(), application.editionId(), application.categoryId(),
                    application.categoryCode().name(), application.applicantId(), application.country(),
                    decision.decidedAt(), editions.findCategory(decision.id())
                    .map(category -> category.settings().shareCommentsWithApplicants()).orElse(false)));
        }
        mongo.updateFirst(query(where("id").is(application.id()).and("selection").is(null)),
                new Update().set("selection", selection).push("outbox", event).inc("version", 1), Application.class);
    }

    /** The decision's audit line, written once whoever finishes the confirmation and however often. */
    private void ensureAudited(PreselectionDecision decision) {
        Map<String, String> references = decision.standings().stream().collect(Collectors.toMap(
                PreselectionDecision.Standing::applicationId,
                s -> s.reference() == null ? s.applicationId() : s.reference(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("preselectCount", Integer.toString(decision.preselectCount()));
        details.put("preselected", refs(decision.chosen(), references));
        details.put("rankingTop", refs(decision.rankingTop(), references));
        details.put("notPreselected", Integer.toString(decision.standings().size() - decision.chosen().size()));
        if (decision.override()) {
            details.put("replaced", refs(decision.rankingTop().stream().filter(id -> !decision.chosen().contains(id)).toList(), references));
            details.put("added", refs(decision.chosen().stream().filter(id -> !decision.rankingTop().contains(id)).toList(), references));
        }
        Caller organizer = new Caller(decision.decidedBy(), null, null, decision.decidedByName(), Set.of(), null);
        audit.recordOnce("preselection:" + decision.id(), organizer, decision.override() ? AuditAction.PRESELECTION_OVERRIDDEN : AuditAction.PRESELECTION_CONFIRMED,
                decision.editionId(), decision.id(), decision.id(), decision.overrideReason(), details);
    }

    private static String refs(List<String> ids, Map<String, String> references) {
        return ids.stream().map(id -> references.getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    private PreselectionView view(PreselectionDecision decision) {
        Map<String, String> titles = new HashMap<>();
        mongo.find(query(where("id").in(decision.standings().stream().map(PreselectionDecision.Standing::applicationId).toList())),
                Application.class).forEach(a -> titles.put(a.id(), a.content() == null ? null : a.content().title()));
        List<PreselectionView.Line> preselected = new ArrayList<>();
        List<PreselectionView.Line> notPreselected = new ArrayList<>();
        List<PreselectionView.Line> replaced = new ArrayList<>();
        List<PreselectionView.Line> added = new ArrayList<>();
        for (PreselectionDecision.Standing s : decision.standings()) {
            PreselectionView.Line line = new PreselectionView.Line(s.applicationId(), s.reference(),
                    titles.get(s.applicationId()), s.rank(), s.finalScore() == null ? null
                    : BigDecimal.valueOf(s.finalScore()).setScale(4, RoundingMode.HALF_UP).doubleValue());
            boolean chosen = decision.chosen().contains(s.applicationId());
            boolean inTop = decision.rankingTop().contains(s.applicationId());
            (chosen ? preselected : notPreselected).add(line);
            if (inTop && !chosen) {
                replaced.add(line);
            } else if (chosen && !inTop) {
                added.add(line);
            }
        }
        return new PreselectionView(decision.id(), decision.editionId(), decision.categoryCode(),
                decision.preselectCount(), decision.override(), decision.overrideReason(), preselected, notPreselected,
                replaced, added, new PreselectionView.Person(decision.decidedBy(), decision.decidedByName()),
                decision.decidedAt(), decision.completedAt() != null, decision.completedAt());
    }

    private ConflictException alreadyConfirmed(PreselectionDecision decision) {
        return new ConflictException("selection.preselection.already-confirmed",
                decision == null ? "—" : decision.decidedAt().atZone(Timeline.BAMAKO).toLocalDateTime().withNano(0).toString());
    }

    private Category category(String categoryId) {
        return editions.findCategory(categoryId)
                .orElseThrow(() -> new NotFoundException("selection.category.not-found", categoryId));
    }
}
