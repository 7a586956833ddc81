package ml.sdn.competition.jury;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationDirectory;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.applications.JurorView;
import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.ResultsPublication;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredOrganizations;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.competition.registrations.RegisteredParticipants;
import ml.sdn.events.competition.ReviewSubmitted;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import ml.sdn.platform.rules.RuleException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A juror's side of the jury: their reviews, their scores, and what they may see of the others'.
 * Every read is scoped in the query to the caller's own active reviews, so an application they do not
 * review (or declared a conflict on) is simply not found.
 */
@Service
class Reviews {

    /** A juror asking to see what they may not (others' scores before their own, or in a category that never shows them). */
    static final class Forbidden extends RuleException {
        Forbidden(String messageKey) {
            super(Refusal.NOT_ALLOWED, messageKey, null);
        }
    }

    private final MongoTemplate mongo;
    private final Editions editions;
    private final ApplicationDirectory applications;
    private final RegisteredParticipants participants;
    private final RegisteredOrganizations organizations;
    private final AuditTrail audit;
    private final ResultsPublication results;
    private final Clock clock;

    Reviews(MongoTemplate mongo, Editions editions, ApplicationDirectory applications, RegisteredParticipants participants,
            RegisteredOrganizations organizations, AuditTrail audit, ResultsPublication results, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.editions = editions;
        this.applications = applications;
        this.participants = participants;
        this.organizations = organizations;
        this.audit = audit;
        this.results = results;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The caller's active reviews of submitted applications: pending first, then by round and assignment time. */
    List<MyReview> mine(Caller juror, String categoryId, ReviewStatus status, Round round) {
        if (status != null && !Assignments.ACTIVE.contains(status)) {
            throw new FieldRejectedException("status", "jury.mine.status.invalid");
        }
        Criteria criteria = where("jurorId").is(juror.id()).and("status").in(status == null ? Assignments.ACTIVE : List.of(status));
        if (categoryId != null && !categoryId.isBlank()) {
            criteria = criteria.and("categoryId").is(categoryId);
        }
        if (round != null) {
            criteria = criteria.and("round").is(round);
        }
        List<JuryReview> reviews = mongo.find(query(criteria).with(Sort.by("assignedAt", "id")), JuryReview.class).stream()
                .sorted(Comparator.comparing((JuryReview review) -> review.status() != ReviewStatus.ASSIGNED)
                        .thenComparing(JuryReview::round))
                .toList();
        if (reviews.isEmpty()) {
            return List.of();
        }
        Map<String, Category> categories = new HashMap<>();
        reviews.stream().map(JuryReview::categoryId).distinct()
                .forEach(id -> editions.findCategory(id).ifPresent(category -> categories.put(id, category)));
        Map<String, Application> byId = mongo.find(query(where("id").in(reviews.stream().map(JuryReview::applicationId)
                        .distinct().toList())), Application.class).stream()
                .collect(Collectors.toMap(Application::id, Function.identity()));
        Instant now = clock.instant();
        List<MyReview> views = new ArrayList<>();
        for (JuryReview review : reviews) {
            Category category = categories.get(review.categoryId());
            Application application = byId.get(review.applicationId());
            if (category != null && application != null && application.status() == ApplicationStatus.SUBMITTED) {
                views.add(view(review, category, application, now));
            }
        }
        return views;
    }

    /**
     * Submits or changes the caller's scores of an application in the round scored now. 404 when they do
     * not actively review it; 409 outside the round's scoring phase, and once they have seen the other
     * jurors' scores of it; 400 naming {@code scores.<code>}.
     */
    MyReview score(Caller juror, String applicationId, ReviewRequest request) {
        List<JuryReview> mine = activeReviewsOf(juror, applicationId);
        Category category = categoryOf(mine.get(0));
        Instant now = clock.instant();
        JuryReview review = inOpenRound(category, mine, now, Round::scoredIn, Round::scoring);
        // published results are final: a late final score would make the live ranking disagree with them
        if (review.round() == Round.FINAL
                && results.published(review.editionId())) {
            throw new ConflictException("jury.review.results-published");
        }
        if (review.revealedAt() != null) {
            throw new ConflictException("jury.review.revealed");
        }
        Map<String, JuryReview.CriterionScore> scores =
                ScoreSheet.check(category.criteria(), category.scaleMin(), category.scaleMax(), inputs(request));
        ReviewSubmitted event = new ReviewSubmitted(applicationId, review.editionId(), review.categoryId(), juror.id(),
                review.round().name(), now);
        JuryReview before = mongo.findAndModify(
                query(where("id").is(review.id()).and("jurorId").is(juror.id()).and("status").in(Assignments.ACTIVE)
                        .and("revealedAt").is(null)),
                new Update().set("status", ReviewStatus.SUBMITTED).set("scores", scores).set("submittedAt", now)
                        .set("updatedAt", now).push("outbox", PendingEvent.of(ReviewSubmitted.TYPE, applicationId, event))
                        .inc("version", 1),
                FindAndModifyOptions.options().returnNew(false), JuryReview.class);
        if (before == null) {
            JuryReview current = mongo.findById(review.id(), JuryReview.class);
            if (current != null && current.active() && current.revealedAt() != null) {
                throw new ConflictException("jury.review.revealed");
            }
            throw new NotFoundException("jury.review.not-found");
        }
        Double after = ScoreSheet.total(category.criteria(), scores);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("round", review.round().name());
        details.put("juror", juror.username() == null ? juror.id() : juror.username());
        if (before.status() == ReviewStatus.SUBMITTED) {
            details.put("totalBefore", String.valueOf(ScoreSheet.total(category.criteria(), before.scores())));
            details.put("totalAfter", String.valueOf(after));
            details.put("changedCriteria", category.criteria().stream().map(Category.Criterion::code)
                    .filter(code -> !Objects.equals(before.scores().get(code), scores.get(code)))
                    .collect(Collectors.joining(",")));
            audit.record(juror, AuditAction.SCORE_CHANGED, review.editionId(), review.categoryId(), applicationId, null, details);
        } else {
            details.put("total", String.valueOf(after));
            audit.record(juror, AuditAction.SCORE_SUBMITTED, review.editionId(), review.categoryId(), applicationId, null, details);
        }
        JuryReview saved = mongo.findById(review.id(), JuryReview.class);
        Application application = applications.find(applicationId).orElseThrow(() -> new NotFoundException("jury.review.not-found"));
        return view(saved, category, application, clock.instant());
    }

    /**
     * The reviews of an application. Organizers: all of them, with identities. A juror: 404 unless they
     * actively review it; then 403 unless the category reveals scores and their own review is submitted;
     * then, for each round where it is, the other submitted reviews of that round, anonymised as "Juror n"
     * numbered by submission time (so a number does not follow one juror from application to application).
     * The first time others' scores are shown, the juror's own review records it ({@code revealedAt}): from
     * then on their scores of it are final.
     */
    ApplicationReviews reviewsOf(Caller caller, String applicationId) {
        if (caller.hasRole("organizer")) {
            Application application = applications.find(applicationId)
                    .orElseThrow(() -> new NotFoundException("jury.application.not-found"));
            Category category = editions.findCategory(application.categoryId()).orElse(null);
            List<JuryReview> reviews = mongo.find(query(where("applicationId").is(application.id()))
                    .with(Sort.by("round", "assignedAt", "id")), JuryReview.class);
            Map<String, RegisteredParticipant> copies = participants.findAll(reviews.stream().map(JuryReview::jurorId)
                    .distinct().toList()).stream().collect(Collectors.toMap(RegisteredParticipant::id, Function.identity()));
            return new ApplicationReviews(application.id(), reviews.stream().map(review -> {
                RegisteredParticipant copy = copies.get(review.jurorId());
                return ApplicationReviews.Line.forOrganizer(review, copy == null ? null : copy.username(),
                        copy == null ? null : copy.displayName(),
                        category == null ? null : ScoreSheet.total(category.criteria(), review.scores()));
            }).toList());
        }
        List<JuryReview> mine = activeReviewsOf(caller, applicationId);
        Category category = categoryOf(mine.get(0));
        if (!category.settings().revealScoresAfterOwnReview()) {
            throw new Forbidden("jury.reveal.disabled");
        }
        List<JuryReview> submitted = mine.stream().filter(review -> review.status() == ReviewStatus.SUBMITTED)
                .sorted(Comparator.comparing(JuryReview::round)).toList();
        if (submitted.isEmpty()) {
            throw new Forbidden("jury.reveal.own-first");
        }
        List<ApplicationReviews.Line> lines = new ArrayList<>();
        for (JuryReview own : submitted) {
            lines.add(ApplicationReviews.Line.forJuror(own.round(), null, true, own.scores(),
                    ScoreSheet.total(category.criteria(), own.scores())));
            List<JuryReview> others = mongo.find(query(where("applicationId").is(applicationId).and("round").is(own.round())
                            .and("status").is(ReviewStatus.SUBMITTED).and("jurorId").ne(caller.id()))
                    .with(Sort.by("submittedAt", "id")), JuryReview.class);
            if (!others.isEmpty() && own.revealedAt() == null) {
                mongo.updateFirst(query(where("id").is(own.id()).and("revealedAt").is(null)),
                        new Update().set("revealedAt", clock.instant()), JuryReview.class);
            }
            int number = 0;
            for (JuryReview other : others) {
                lines.add(ApplicationReviews.Line.forJuror(own.round(), "Juror " + (++number), false, other.scores(),
                        ScoreSheet.total(category.criteria(), other.scores())));
            }
        }
        return new ApplicationReviews(applicationId, lines);
    }

    /**
     * The caller's active reviews of the application (any round); 404 when there is none, or when the
     * application is not submitted (withdrawn): jurors no longer read, score or discuss it.
     */
    List<JuryReview> activeReviewsOf(Caller juror, String applicationId) {
        List<JuryReview> mine = mongo.find(query(where("applicationId").is(applicationId).and("jurorId").is(juror.id())
                .and("status").in(Assignments.ACTIVE)).with(Sort.by("round")), JuryReview.class);
        if (mine.isEmpty() || !mongo.exists(query(where("id").is(applicationId).and("status").is(ApplicationStatus.SUBMITTED)),
                Application.class)) {
            throw new NotFoundException("jury.review.not-found");
        }
        return mine;
    }

    Category categoryOf(JuryReview review) {
        return editions.findCategory(review.categoryId()).orElseThrow(() -> new NotFoundException("jury.review.not-found"));
    }

    /**
     * The review of the round whose {@code action} is open now; 409 naming the phases of the latest round
     * the juror holds when none is.
     */
    static JuryReview inOpenRound(Category category, List<JuryReview> mine, Instant now,
                                  Function<Phase, Optional<Round>> roundIn,
                                  Function<Round, Action> action) {
        Optional<Round> open = category.timeline().phaseAt(now).flatMap(roundIn);
        return mine.stream().filter(review -> open.isPresent() && review.round() == open.get()).findFirst()
                .orElseThrow(() -> PhaseGate.closed(category, action.apply(mine.get(mine.size() - 1).round()), now));
    }

    private static Map<String, ScoreSheet.ScoreInput> inputs(ReviewRequest request) {
        Map<String, ScoreSheet.ScoreInput> inputs = new LinkedHashMap<>();
        request.scores().forEach((code, score) -> inputs.put(code,
                score == null ? null : new ScoreSheet.ScoreInput(score.score(), score.comment())));
        return inputs;
    }

    private MyReview view(JuryReview review, Category category, Application application, Instant now) {
        boolean blind = category.settings().blindReview();
        String applicantName = null;
        String organizationName = null;
        if (!blind) {
            applicantName = participants.find(application.applicantId()).map(RegisteredParticipant::displayName).orElse(null);
            organizationName = application.organizationId() == null ? null
                    : organizations.find(application.organizationId()).map(RegisteredOrganization::name).orElse(null);
        }
        Timeline timeline = category.timeline();
        return new MyReview(review.id(), review.round(), review.status(), review.editionId(), review.categoryId(),
                category.name(), category.criteria(),
                new MyReview.Scale(category.scaleMin(), category.scaleMax(), ScoreSheet.STEP), review.scores(),
                ScoreSheet.total(category.criteria(), review.scores()), review.assignedAt(), review.submittedAt(),
                timeline.allows(review.round().scoring(), now), timeline.end(review.round().phase()).orElse(null),
                JurorView.of(application, blind, applicantName, organizationName), review.revealedAt());
    }
}
