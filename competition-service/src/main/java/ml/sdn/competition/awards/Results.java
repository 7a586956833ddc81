package ml.sdn.competition.awards;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Words;
import ml.sdn.competition.jury.JuryReview;
import ml.sdn.competition.jury.ReviewStatus;
import ml.sdn.competition.jury.Round;
import ml.sdn.competition.ranking.ApplicationScore;
import ml.sdn.competition.ranking.CategoryRankings;
import ml.sdn.competition.ranking.RoundRanking;
import ml.sdn.competition.selection.Applicants;
import ml.sdn.competition.selection.PreselectionDecision;
import ml.sdn.events.competition.AwardGranted;
import ml.sdn.events.competition.FinalistRanked;
import ml.sdn.events.competition.ResultsPublished;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The final and the awards of an edition: the preview computes them now, publishing freezes them once,
 * the public page reads what was frozen.
 *
 * <p>Publication is allowed (decision, see {@link #blockers}) when the edition has categories and each
 * one is in its FINAL or CLOSED phase, has a confirmed preselection, and — when it has finalists — at
 * least one finalist ranked by the final round (enough completed final reviews to be ranked), so that
 * a category with finalists always has its 1st prize. Final reviews still pending do not block: the
 * preview counts them so that organizers see what they would publish without.
 */
@Service
class Results {

    private final MongoTemplate mongo;
    private final Editions editions;
    private final CategoryRankings rankings;
    private final Applicants applicants;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    Results(MongoTemplate mongo, Editions editions, CategoryRankings rankings, Applicants applicants, AuditTrail audit,
            MessageSource messages, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.editions = editions;
        this.rankings = rankings;
        this.applicants = applicants;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Everything the final decides, computed from the current data. */
    private record EditionFinal(Edition edition, List<CategoryFinalState> categories, Awards awards,
                                Map<String, Applicants.Applicant> applicants) {

        Application application(String id) {
            for (CategoryFinalState state : categories) {
                Application application = state.ranking().applications().get(id);
                if (application != null) {
                    return application;
                }
            }
            throw new IllegalStateException("not a finalist: " + id);
        }
    }

    private record CategoryFinalState(Category category, RoundRanking ranking, boolean preselected,
                                      long pendingFinalReviews) {
    }

    ResultsPreview preview(String editionId, Locale locale) {
        Edition edition = edition(editionId);
        Instant now = clock.instant();
        EditionFinal edFinal = compute(edition, locale);
        PublishedResults published = mongo.findById(editionId, PublishedResults.class);
        List<ResultsPreview.Blocker> blockers = blockers(edFinal, now, locale);

        List<ResultsPreview.CategoryPreview> categories = new ArrayList<>();
        for (int i = 0; i < edFinal.categories().size(); i++) {
            CategoryFinalState state = edFinal.categories().get(i);
            CategoryAwards prizes = edFinal.awards().categories().get(i);
            List<ResultsPreview.FinalistLine> lines = new ArrayList<>();
            for (ApplicationScore score : state.ranking().lines()) {
                Application application = state.ranking().applications().get(score.applicationId());
                Applicants.Applicant applicant = edFinal.applicants().get(score.applicationId());
                lines.add(new ResultsPreview.FinalistLine(score.rank(), application.id(), application.reference(),
                        title(application), applicant.publicName(), application.country(), applicant.womenLed(),
                        round4(score.finalScore()), round4(score.rawMean()), score.completedReviews(),
                        application.incubation() == null ? null : application.incubation().status()));
            }
            categories.add(new ResultsPreview.CategoryPreview(state.category().id(), state.category().code(),
                    state.category().name(), state.category().timeline().phaseAt(now).orElse(null),
                    state.ranking().lines().size(), state.ranking().ranking().ranked().size(),
                    state.pendingFinalReviews(),
                    lines, prizes.awarded().stream().map(a -> laureateLine(edFinal, a.place(), a.applicationId(), a.finalScore())).toList(),
                    prizes.notAwarded()));
        }
        SpecialPrize prize = edFinal.awards().womenLedPrize();
        ResultsPreview.SpecialPrizePreview special = prize.isAwarded()
                ? new ResultsPreview.SpecialPrizePreview(true, prize.categoryId(), categoryOf(edFinal, prize.categoryId()).code(),
                        prize.rankInCategory(), laureateLine(edFinal, null, prize.applicationId(), prize.finalScore()), null, null)
                : new ResultsPreview.SpecialPrizePreview(false, null, null, null, null, prize.reason(),
                        text(locale, "results.special-prize." + prize.reason().name()));
        return new ResultsPreview(edition.id(), edition.number(), edition.womenLedPrizeMayOverlap(), blockers.isEmpty()
                && published == null, blockers, published == null ? null : published.publishedAt(), categories, special, now);
    }

    PublicResults publish(Caller caller, String editionId, Locale locale) {
        Edition edition = edition(editionId);
        PublishedResults existing = mongo.findById(editionId, PublishedResults.class);
        if (existing != null) {
            ensureAudited(existing);
            throw alreadyPublished(existing);
        }
        // the store keeps milliseconds: the answer must be what is read back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EditionFinal edFinal = compute(edition, locale);
        List<ResultsPreview.Blocker> blockers = blockers(edFinal, now, locale);
        if (!blockers.isEmpty()) {
            throw new ConflictException("results.not-publishable",
                    blockers.stream().map(ResultsPreview.Blocker::message).collect(Collectors.joining(" ")));
        }
        PublishedResults results = freeze(edFinal, caller, now);
        try {
            mongo.insert(results);
        } catch (DuplicateKeyException publishedInParallel) {
            throw alreadyPublished(mongo.findById(editionId, PublishedResults.class));
        }
        ensureAudited(results);
        return publicView(results, locale);
    }

    PublicResults published(String editionId, Locale locale) {
        edition(editionId);
        PublishedResults results = mongo.findById(editionId, PublishedResults.class);
        if (results == null) {
            throw new NotFoundException("results.not-published", editionId);
        }
        return publicView(results, locale);
    }

    private EditionFinal compute(Edition edition, Locale locale) {
        List<Category> categories = mongo.find(query(where("editionId").is(edition.id())), Category.class).stream()
                .sorted(Comparator.comparing(Category::code)).toList();
        List<CategoryFinalState> states = new ArrayList<>();
        List<CategoryFinal> finals = new ArrayList<>();
        Map<String, Applicants.Applicant> people = new HashMap<>();
        Set<String> womenLed = new HashSet<>();
        for (Category category : categories) {
            RoundRanking ranking = rankings.rank(category, Round.FINAL, locale);
            long pending = ranking.applications().isEmpty() ? 0 : mongo.count(query(where("categoryId").is(category.id())
                    .and("round").is(Round.FINAL).and("status").is(ReviewStatus.ASSIGNED)
                    .and("applicationId").in(ranking.applications().keySet())), JuryReview.class);
            states.add(new CategoryFinalState(category, ranking,
                    mongo.exists(query(where("id").is(category.id())), PreselectionDecision.class), pending));
            finals.add(new CategoryFinal(category.id(), ranking.ranking()));
            ranking.applications().values().forEach(application -> {
                Applicants.Applicant applicant = applicants.of(application);
                people.put(application.id(), applicant);
                if (applicant.womenLed()) {
                    womenLed.add(application.id());
                }
            });
        }
        Awards awards = AwardRules.award(finals, womenLed, new AwardSettings(edition.womenLedPrizeMayOverlap()));
        return new EditionFinal(edition, states, awards, people);
    }

    /** Why publishing now is refused, category by category (empty: it may be published). */
    private List<ResultsPreview.Blocker> blockers(EditionFinal edFinal, Instant now, Locale locale) {
        List<ResultsPreview.Blocker> blockers = new ArrayList<>();
        if (edFinal.categories().isEmpty()) {
            blockers.add(new ResultsPreview.Blocker(null, null, "NO_CATEGORY", text(locale, "results.blocker.no-category")));
        }
        for (CategoryFinalState state : edFinal.categories()) {
            Category category = state.category();
            if (!category.timeline().allows(Action.PUBLISH_RESULTS, now)) {
                blockers.add(new ResultsPreview.Blocker(category.id(), category.code(), "PHASE",
                        text(locale, "results.blocker.phase", name(category, locale), Words.phase(category.timeline().phaseAt(now)))));
            } else if (!state.preselected()) {
                blockers.add(new ResultsPreview.Blocker(category.id(), category.code(), "NO_PRESELECTION",
                        text(locale, "results.blocker.no-preselection", name(category, locale))));
            } else if (!state.ranking().applications().isEmpty() && state.ranking().ranking().ranked().isEmpty()) {
                blockers.add(new ResultsPreview.Blocker(category.id(), category.code(), "NO_RANKED_FINALIST",
                        text(locale, "results.blocker.no-ranked-finalist", name(category, locale),
                                category.settings().minimumCompletedReviews())));
            }
        }
        return blockers;
    }

    /** The results as published, with the events that announce them in the same document. */
    private PublishedResults freeze(EditionFinal edFinal, Caller caller, Instant now) {
        Edition edition = edFinal.edition();
        List<PublishedResults.CategoryResult> categories = new ArrayList<>();
        List<PendingEvent> outbox = new ArrayList<>();
        for (int i = 0; i < edFinal.categories().size(); i++) {
            CategoryFinalState state = edFinal.categories().get(i);
            CategoryAwards prizes = edFinal.awards().categories().get(i);
            List<PublishedResults.Finalist> finalists = new ArrayList<>();
            for (ApplicationScore score : state.ranking().lines()) {
                Application application = state.ranking().applications().get(score.applicationId());
                finalists.add(new PublishedResults.Finalist(application.id(), application.reference(), score.rank(),
                        score.finalScore(), score.rawMean(), score.completedReviews(),
                        edFinal.applicants().get(application.id()).womenLed()));
                outbox.add(PendingEvent.of(FinalistRanked.TYPE, application.id(), new FinalistRanked(application.id(),
                        edition.id(), state.category().id(), application.applicantId(), score.rank(), score.finalScore(), now)));
            }
            List<PublishedResults.Laureate> laureates = prizes.awarded().stream()
                    .map(a -> laureate(edFinal, a.place(), a.applicationId(), a.finalScore())).toList();
            categories.add(new PublishedResults.CategoryResult(state.category().id(), state.category().code(),
                    state.category().name(), finalists, laureates, prizes.notAwarded()));
        }
        for (PublishedResults.CategoryResult category : categories) {
            for (PublishedResults.Laureate laureate : category.laureates()) {
                outbox.add(awardGranted(edition, category.categoryId(), category.code().name(), laureate.place().name(),
                        laureate, now));
            }
        }
        SpecialPrize prize = edFinal.awards().womenLedPrize();
        PublishedResults.SpecialPrizeResult special;
        if (prize.isAwarded()) {
            Category category = categoryOf(edFinal, prize.categoryId());
            PublishedResults.Laureate laureate = laureate(edFinal, null, prize.applicationId(), prize.finalScore());
            special = new PublishedResults.SpecialPrizeResult(true, category.id(), category.code(), prize.rankInCategory(),
                    laureate, null);
            outbox.add(awardGranted(edition, category.id(), category.code().name(), "WOMEN_LED_SPECIAL_PRIZE", laureate, now));
        } else {
            special = new PublishedResults.SpecialPrizeResult(false, null, null, null, null, prize.reason());
        }
        outbox.add(PendingEvent.of(ResultsPublished.TYPE, edition.id(), new ResultsPublished(edition.id(), edition.number(), now)));
        return new PublishedResults(edition.id(), edition.number(), edition.year(), edition.womenLedPrizeMayOverlap(),
                categories, special, caller.id(), caller.name(), now, outbox, null);
    }

    private static PendingEvent awardGranted(Edition edition, String categoryId, String categoryCode, String prize,
                                             PublishedResults.Laureate laureate, Instant now) {
        return PendingEvent.of(AwardGranted.TYPE, edition.id(), new AwardGranted(edition.id(), categoryId, categoryCode,
                prize, laureate.applicationId(), laureate.applicantId(), laureate.organizationId(), laureate.title(),
                laureate.country(), now));
    }

    /**
     * The audit lines of a publication: FINAL_RANKED per category, AWARD_GRANTED per prize, then
     * RESULTS_PUBLISHED. Each line's id names what it records, so a publication cut short between the
     * insert and its audit gets the missing lines, and only those, at the next attempt to publish.
     */
    private void ensureAudited(PublishedResults results) {
        Caller organizer = new Caller(results.publishedBy(), null, null, results.publishedByName(), Set.of(), null);
        String edition = results.id();
        for (PublishedResults.CategoryResult category : results.categories()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("finalists", Integer.toString(category.finalists().size()));
            details.put("ranking", category.finalists().stream().map(f -> (f.rank() == null ? "—" : f.rank().toString())
                    + " " + (f.reference() == null ? f.applicationId() : f.reference())
                    + (f.finalScore() == null ? "" : " (" + round4(f.finalScore()) + ")")).collect(Collectors.joining("; ")));
            audit.recordOnce("final-ranked:" + edition + ":" + category.categoryId(), organizer, AuditAction.FINAL_RANKED,
                    edition, category.categoryId(), category.categoryId(), null, details);
            for (PublishedResults.Laureate laureate : category.laureates()) {
                auditAward(results, organizer, category.categoryId(), laureate.place().name(), laureate);
            }
        }
        if (results.womenLedPrize().awarded()) {
            auditAward(results, organizer, results.womenLedPrize().categoryId(), "WOMEN_LED_SPECIAL_PRIZE",
                    results.womenLedPrize().laureate());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("categories", Integer.toString(results.categories().size()));
        details.put("prizes", Long.toString(results.categories().stream().mapToLong(c -> c.laureates().size()).sum()
                + (results.womenLedPrize().awarded() ? 1 : 0)));
        details.put("womenLedPrize", results.womenLedPrize().awarded() ? "awarded"
                : "not awarded: " + results.womenLedPrize().reason());
        audit.recordOnce("results-published:" + edition, organizer, AuditAction.RESULTS_PUBLISHED, edition, null, edition,
                null, details);
    }

    private void auditAward(PublishedResults results, Caller organizer, String categoryId, String prize,
                            PublishedResults.Laureate laureate) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("prize", prize);
        details.put("reference", laureate.reference() == null ? laureate.applicationId() : laureate.reference());
        details.put("finalScore", Double.toString(round4(laureate.finalScore())));
        String line = "award:" + results.id() + ":" + prize + ("WOMEN_LED_SPECIAL_PRIZE".equals(prize) ? "" : ":" + categoryId);
        audit.recordOnce(line, organizer, AuditAction.AWARD_GRANTED, results.id(), categoryId, laureate.applicationId(), null,
                details);
    }

    private PublicResults publicView(PublishedResults results, Locale locale) {
        List<PublicResults.PublicCategory> categories = results.categories().stream()
                .map(c -> new PublicResults.PublicCategory(c.categoryId(), c.code(), c.name(),
                        c.laureates().stream().map(l -> new PublicResults.PublicLaureate(l.place(), l.title(), l.name(),
                                l.country(), round2(l.finalScore()))).toList(), c.notAwarded()))
                .toList();
        PublishedResults.SpecialPrizeResult prize = results.womenLedPrize();
        PublicResults.PublicSpecialPrize special = prize.awarded()
                ? new PublicResults.PublicSpecialPrize(true, prize.categoryId(), prize.categoryCode(), prize.laureate().title(),
                        prize.laureate().name(), prize.laureate().country(), round2(prize.laureate().finalScore()), null, null)
                : new PublicResults.PublicSpecialPrize(false, null, null, null, null, null, null, prize.reason(),
                        text(locale, "results.special-prize." + prize.reason().name()));
        return new PublicResults(results.id(), results.editionNumber(), results.year(), results.publishedAt(), categories, special);
    }

    private PublishedResults.Laureate laureate(EditionFinal edFinal, Place place, String applicationId, double finalScore) {
        Application application = edFinal.application(applicationId);
        return new PublishedResults.Laureate(place, application.id(), application.reference(), application.applicantId(),
                application.organizationId(), title(application), edFinal.applicants().get(applicationId).publicName(),
                application.country(), finalScore);
    }

    private ResultsPreview.LaureateLine laureateLine(EditionFinal edFinal, Place place, String applicationId, double finalScore) {
        PublishedResults.Laureate laureate = laureate(edFinal, place, applicationId, finalScore);
        return new ResultsPreview.LaureateLine(place, laureate.applicationId(), laureate.reference(), laureate.title(),
                laureate.name(), laureate.country(), round4(finalScore));
    }

    private static Category categoryOf(EditionFinal edFinal, String categoryId) {
        return edFinal.categories().stream().map(CategoryFinalState::category)
                .filter(c -> c.id().equals(categoryId)).findFirst().orElseThrow();
    }

    private ConflictException alreadyPublished(PublishedResults results) {
        return new ConflictException("results.already-published", results == null ? "—"
                : results.publishedAt().atZone(ml.sdn.competition.editions.Timeline.BAMAKO).toLocalDateTime().withNano(0).toString());
    }

    private Edition edition(String editionId) {
        return editions.find(editionId).orElseThrow(() -> new NotFoundException("selection.edition.not-found", editionId));
    }

    /** The category as organizers named it, in the reader's language. */
    private static String name(Category category, Locale locale) {
        return category.nameIn(locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String title(Application application) {
        return application.content() == null ? null : application.content().title();
    }

    private static Double round4(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
