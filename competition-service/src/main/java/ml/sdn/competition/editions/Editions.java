package ml.sdn.competition.editions;

import ml.sdn.events.competition.EditionCreated;
import ml.sdn.platform.outbox.PendingEvent;
import org.bson.types.ObjectId;

import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Editions and their categories: checks what bean validation cannot, saves, and answers the reads. */
@Service
public class Editions {

    /** A start given this much in the past is taken as "now" (the organizer's "open it right away"). */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(1);
    /**
     * The years a phase may start in: anything else is a typing slip (and a start past the year 292 million
     * cannot even be stored as a date).
     */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final MongoTemplate mongo;
    private final AuditTrail audit;
    private final PhaseAnnouncements announcements;
    private final ResultsPublication results;
    private final SmartValidator validator;
    private final Clock clock;

    Editions(MongoTemplate mongo, AuditTrail audit, PhaseAnnouncements announcements, ResultsPublication results,
             jakarta.validation.Validator validator, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.validator = new SpringValidatorAdapter(validator);
        this.audit = audit;
        this.announcements = announcements;
        this.results = results;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A new edition; every field at fault is named at once (bean validation and the rules across fields). */
    EditionView create(Caller caller, EditionRequest request) {
        check(request);
        String id = new ObjectId().toHexString();
        Instant now = clock.instant();
        EditionCreated created = new EditionCreated(id, request.number(), request.year(), request.startDate().toString(),
                request.endDate().toString(), now);
        Edition edition = new Edition(id, request.number(), request.year(), request.startDate().toString(),
                request.endDate().toString(), request.venue().strip(), request.theme().strip(),
                List.copyOf(request.guestCountries()), Boolean.TRUE.equals(request.womenLedPrizeMayOverlap()), false,
                null, caller.id(), now, null, List.of(PendingEvent.of(EditionCreated.TYPE, id, created)));
        try {
            return EditionView.of(mongo.insert(edition), false, false);
        } catch (DuplicateKeyException numberTaken) {
            throw new ConflictException("edition.number.taken", request.number());
        }
    }

    /** Bean validation and the rules across fields, every field at fault named in one 400. */
    private void check(EditionRequest request) {
        FieldChecks checks = FieldChecks.validated(validator, request);
        if (checks.ok("startDate") && checks.ok("year") && request.startDate().getYear() != request.year()) {
            checks.reject("startDate", "edition.startDate.year", request.year());
        }
        if (checks.ok("startDate") && checks.ok("endDate") && request.endDate().isBefore(request.startDate())) {
            checks.reject("endDate", "edition.endDate.before-start");
        }
        if (checks.ok("guestCountries") && new HashSet<>(request.guestCountries()).size() != request.guestCountries().size()) {
            checks.reject("guestCountries", "edition.guestCountries.repeated");
        }
        checks.throwIfAny();
    }

    /**
     * Changes an edition (the same rules as at creation; 409 when archived or when the number is another
     * edition's; the last change wins, as on a form). Other services only need to know that an
     * edition exists (incubation), so a change is audited but not announced.
     */
    EditionView update(Caller caller, String id, EditionRequest request) {
        Edition edition = edition(id);
        check(request);
        if (edition.isArchived()) {
            throw new ConflictException("edition.archived", edition.number());
        }
        Update update = new Update().set("number", request.number()).set("year", request.year())
                .set("startDate", request.startDate().toString()).set("endDate", request.endDate().toString())
                .set("venue", request.venue().strip()).set("theme", request.theme().strip())
                .set("guestCountries", List.copyOf(request.guestCountries()))
                .set("womenLedPrizeMayOverlap", Boolean.TRUE.equals(request.womenLedPrizeMayOverlap()))
                .inc("version", 1);
        Edition saved;
        try {
            saved = mongo.findAndModify(stillOpen(id), update, FindAndModifyOptions.options().returnNew(true), Edition.class);
        } catch (DuplicateKeyException numberTaken) {
            throw new ConflictException("edition.number.taken", request.number());
        }
        if (saved == null) {
            throw new ConflictException("edition.archived", edition.number());
        }
        audit.record(caller, AuditAction.EDITION_CHANGED, id, null, id, null, Map.of());
        return view(saved);
    }

    /**
     * What the public home page tells about the edition (see {@link HomeContent}): every field at fault named at
     * once; a text given in one language only names the missing one; an empty question row or category row is
     * dropped (forms send their blank rows). 409 when archived or changed meanwhile. Audited (EDITION_CHANGED).
     */
    EditionView home(Caller caller, String id, HomeContent request) {
        Edition edition = edition(id);
        HomeContent given = new HomeContent(blankToNull(request.venueCity()), blankToNull(request.mapLink()),
                request.contact(), request.categories(), request.questions());
        FieldChecks checks = FieldChecks.validated(validator, given);
        halfText(checks, "contact", given.contact());
        List<HomeContent.CategoryContent> categories = new java.util.ArrayList<>();
        Set<CategoryCode> codes = new HashSet<>();
        if (checks.ok("categories") && given.categories() != null) {
            for (int i = 0; i < given.categories().size(); i++) {
                HomeContent.CategoryContent category = given.categories().get(i);
                String field = "categories[" + i + "]";
                if (!codes.add(category.code())) {
                    checks.reject(field + ".code", "edition.home.category.repeated");
                }
                halfText(checks, field + ".prizes", category.prizes());
                halfText(checks, field + ".whoMayEnter", category.whoMayEnter());
                HomeContent.Text prizes = category.prizes() == null ? null : category.prizes().stripped();
                HomeContent.Text whoMayEnter = category.whoMayEnter() == null ? null : category.whoMayEnter().stripped();
                if (prizes != null || whoMayEnter != null) {
                    categories.add(new HomeContent.CategoryContent(category.code(), prizes, whoMayEnter));
                }
            }
        }
        List<HomeContent.Question> questions = new java.util.ArrayList<>();
        if (checks.ok("questions") && given.questions() != null) {
            for (int i = 0; i < given.questions().size(); i++) {
                HomeContent.Question question = given.questions().get(i);
                if (question.question().blank() && question.answer().blank()) {
                    continue; // an empty row of the form
                }
                String field = "questions[" + i + "]";
                for (String language : List.of("fr", "en")) {
                    if (blank(language.equals("fr") ? question.question().fr() : question.question().en())) {
                        checks.reject(field + ".question." + language, "edition.home.question.required");
                    }
                    if (blank(language.equals("fr") ? question.answer().fr() : question.answer().en())) {
                        checks.reject(field + ".answer." + language, "edition.home.answer.required");
                    }
                }
                questions.add(new HomeContent.Question(question.question().stripped(), question.answer().stripped()));
            }
        }
        checks.throwIfAny();
        if (edition.isArchived()) {
            throw new ConflictException("edition.archived", edition.number());
        }
        HomeContent home = new HomeContent(given.venueCity() == null ? null : given.venueCity().strip(), given.mapLink(),
                given.contact() == null ? null : given.contact().stripped(), List.copyOf(categories), List.copyOf(questions));
        Edition saved = mongo.findAndModify(stillOpen(id), new Update().set("home", home).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Edition.class);
        if (saved == null) {
            throw new ConflictException("edition.archived", edition.number());
        }
        audit.record(caller, AuditAction.EDITION_CHANGED, id, null, id, "home page", Map.of());
        return view(saved);
    }

    /** A text given in one language only: the missing one is named. */
    private static void halfText(FieldChecks checks, String field, HomeContent.Text text) {
        if (text != null && checks.ok(field) && text.half()) {
            checks.reject(field + (blank(text.fr()) ? ".fr" : ".en"), "edition.home.text.both");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text;
    }

    /**
     * Every edition, the highest number first, each saying whether it is the current one and whether it is
     * archived (organizers choose from this list).
     */
    List<EditionView> list() {
        String current = currentId().orElse(null);
        return mongo.find(new org.springframework.data.mongodb.core.query.Query()
                        .with(Sort.by(Sort.Direction.DESC, "number")), Edition.class).stream()
                .map(edition -> EditionView.of(edition, results.published(edition.id()), edition.id().equals(current)))
                .toList();
    }

    /**
     * Makes {@code request.editionId} the current edition (400 naming editionId when unknown or archived; see
     * {@link EditionRules#whyNotCurrent}). The edition's version moves first, so that an archive of the same
     * edition running at the same moment fails on it (409) instead of archiving the new current edition.
     */
    EditionView choose(Caller caller, CurrentEditionRequest request) {
        FieldChecks.validated(validator, request).throwIfAny();
        Edition edition = find(request.editionId().strip())
                .orElseThrow(() -> new FieldRejectedException("editionId", "edition.current.unknown"));
        Optional<String> refused = EditionRules.whyNotCurrent(edition);
        if (refused.isPresent()) {
            throw new FieldRejectedException("editionId", refused.get(), edition.number());
        }
        Edition touched = mongo.findAndModify(query(where("id").is(edition.id()).and("archived").ne(true)),
                new Update().inc("version", 1), FindAndModifyOptions.options().returnNew(true), Edition.class);
        if (touched == null) {
            throw new FieldRejectedException("editionId", "edition.current.archived", edition.number());
        }
        String was = currentId().orElse(null);
        mongo.upsert(query(where("id").is(CurrentEdition.ID)), new Update().set("editionId", touched.id())
                .set("chosenBy", caller.id()).set("chosenAt", clock.instant()), CurrentEdition.class);
        audit.record(caller, AuditAction.CURRENT_EDITION_CHOSEN, touched.id(), null, touched.id(), null,
                was == null ? Map.of() : Map.of("previous", was));
        return EditionView.of(touched, results.published(touched.id()), true);
    }

    /**
     * Archives an edition (404 unknown; 409 while it is the current one, see {@link EditionRules#whyNotArchivable},
     * or when it changed meanwhile). Archiving an archived edition changes nothing.
     */
    EditionView archive(Caller caller, String id) {
        Edition edition = edition(id);
        if (edition.isArchived()) {
            return view(edition);
        }
        Edition saved = null;
        // conditional on the version read: a choice of this edition as current moves it, so the rule is checked
        // again; the outbox relay moves it too (once, after creation), hence a few tries
        for (int attempt = 0; saved == null && attempt < 3; attempt++) {
            Edition read = attempt == 0 ? edition : edition(id);
            if (read.isArchived()) {
                return view(read);
            }
            Optional<String> refused = EditionRules.whyNotArchivable(read, currentId().orElse(null));
            if (refused.isPresent()) {
                throw new ConflictException(refused.get(), read.number());
            }
            saved = mongo.findAndModify(query(where("id").is(id).and("version").is(read.version())),
                    new Update().set("archived", true).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                    Edition.class);
        }
        if (saved == null) {
            throw new ConflictException("edition.changed");
        }
        audit.record(caller, AuditAction.EDITION_ARCHIVED, id, null, id, null, Map.of());
        return view(saved);
    }

    /** The edition organizers chose as the current one (404 when none was chosen or it is gone). */
    EditionView current() {
        Edition edition = currentId().flatMap(this::find).orElseThrow(() -> new NotFoundException("edition.current.none"));
        return EditionView.of(edition, results.published(edition.id()), true);
    }

    EditionView read(String id) {
        return view(edition(id));
    }

    private EditionView view(Edition edition) {
        return EditionView.of(edition, results.published(edition.id()), currentId().filter(edition.id()::equals).isPresent());
    }

    /** The edition, if it is not archived: changes are written only on that condition. */
    private static org.springframework.data.mongodb.core.query.Query stillOpen(String id) {
        return query(where("id").is(id).and("archived").ne(true));
    }

    private Optional<String> currentId() {
        return Optional.ofNullable(mongo.findById(CurrentEdition.ID, CurrentEdition.class)).map(CurrentEdition::editionId);
    }

    public Optional<Edition> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Edition.class));
    }

    public Optional<Category> findCategory(String categoryId) {
        return Optional.ofNullable(mongo.findById(categoryId, Category.class));
    }

    /**
     * A new category of an edition (404 for an unknown edition). Every field at fault is named at once: bean
     * validation's errors, the phases' years and order, repeated criteria, weights that do not add up to 100
     * (whenever every weight is given, whatever else is wrong) and the jury settings.
     */
    CategoryView addCategory(Caller caller, String editionId, CategoryRequest request) {
        Edition edition = edition(editionId);
        FieldChecks checks = FieldChecks.validated(validator, request);
        // no phases given: the usual calendar from the edition's week (EditionRules.defaultPhases)
        List<CategoryRequest.PhaseRequest> requestedPhases = request.phases() == null || request.phases().isEmpty()
                ? defaultPhases(edition) : request.phases();
        Timeline timeline = checks.ok("phases") ? timeline(requestedPhases, checks) : null;
        checkCriteria(request.criteria(), checks);
        CategorySettings settings = CategorySettings.orDefault(request.settings());
        // more completed reviews than jurors per application: the automatic assignment could never rank anyone
        if (checks.ok("settings") && settings.minimumCompletedReviews() > settings.jurorsPerApplication()) {
            checks.reject("settings.minimumCompletedReviews",
                    "category.settings.minimumCompletedReviews.above-jurors", settings.jurorsPerApplication());
        }
        checks.throwIfAny();
        List<Category.Criterion> criteria = criteria(request.criteria());
        List<Category.PhaseStart> phases = timeline.starts().entrySet().stream()
                .map(start -> new Category.PhaseStart(start.getKey(), start.getValue())).toList();
        Category category = new Category(null, edition.id(), request.code(), request.code().organizationTypes(),
                text(request.name()), request.challenges() == null ? List.of() : request.challenges().stream().map(String::strip).toList(),
                criteria, Category.SCALE_MIN, Category.SCALE_MAX, request.preselectCount(), phases,
                Timeline.BAMAKO.getId(), settings, caller.id(), clock.instant(), null);
        try {
            return CategoryView.of(mongo.insert(category), clock.instant());
        } catch (DuplicateKeyException codeTaken) {
            throw new ConflictException("category.code.taken", request.code().name());
        }
    }

    List<CategoryView> categories(String editionId) {
        Instant now = clock.instant();
        return categoriesOf(edition(editionId)).stream().map(category -> CategoryView.of(category, now)).toList();
    }

    /** The edition's categories in the order of their codes. */
    public List<Category> categoriesOf(Edition edition) {
        return mongo.find(query(where("editionId").is(edition.id())), Category.class).stream()
                .sorted(Comparator.comparing(Category::code)).toList();
    }

    CategoryView category(String editionId, String categoryId) {
        Category category = mongo.findOne(query(where("id").is(categoryId).and("editionId").is(editionId)), Category.class);
        if (category == null) {
            throw new NotFoundException("category.not-found", categoryId);
        }
        return CategoryView.of(category, clock.instant());
    }

    /**
     * Moves a category's phases. The rules: a phase that has started keeps its start (given back as it
     * is, else 400 naming {@code phases.<PHASE>}); a phase not started yet may move to any time from now
     * on, a start up to {@link #NOW_TOLERANCE} in the past being taken as now (so "open the next phase
     * right away" works whatever the clocks); the order rules of creation hold. The change is one
     * conditional write on the version read, so two organizers cannot interleave (409 for the later one);
     * it is audited (PHASE_CHANGED with the reason and every moved start, before → after, in Bamako
     * time) and a phase it opens is announced at once.
     */
    CategoryView reschedule(Caller caller, String editionId, String categoryId, RescheduleRequest request) {
        Category category = mongo.findOne(query(where("id").is(categoryId).and("editionId").is(editionId)), Category.class);
        if (category == null) {
            throw new NotFoundException("category.not-found", categoryId);
        }
        Instant now = clock.instant();
        Instant nowSecond = now.truncatedTo(ChronoUnit.SECONDS);
        Timeline current = category.timeline();
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        for (CategoryRequest.PhaseRequest requested : request.phases()) {
            Phase phase = requested.phase();
            requireSensibleYear(phase, requested.start());
            Instant given = requested.start().truncatedTo(ChronoUnit.SECONDS).atZone(Timeline.BAMAKO).toInstant();
            if (starts.containsKey(phase)) {
                throw rejected(new Timeline.Invalid(phase, Timeline.Invalid.Reason.DUPLICATE, null));
            }
            Instant was = current.start(phase);
            if (!was.isAfter(now)) {
                if (!given.equals(was.truncatedTo(ChronoUnit.SECONDS))) {
                    throw new FieldRejectedException("phases." + phase.name(), "category.phase.started", Words.phase(phase),
                            Words.dateTime(was));
                }
                given = was;
            } else if (given.isBefore(now.minus(NOW_TOLERANCE))) {
                throw new FieldRejectedException("phases." + phase.name(), "category.phase.past", Words.phase(phase));
            } else if (given.isBefore(nowSecond)) {
                given = nowSecond;
            }
            starts.put(phase, given);
        }
        Timeline timeline;
        try {
            timeline = Timeline.of(starts);
        } catch (Timeline.Invalid invalid) {
            throw rejected(invalid);
        }
        Map<String, String> moved = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            if (!timeline.start(phase).equals(current.start(phase))) {
                moved.put(phase.name(), local(current.start(phase)) + " → " + local(timeline.start(phase)));
            }
        }
        if (moved.isEmpty()) {
            return CategoryView.of(category, now);
        }
        List<Category.PhaseStart> phases = timeline.starts().entrySet().stream()
                .map(start -> new Category.PhaseStart(start.getKey(), start.getValue())).toList();
        Category saved = mongo.findAndModify(query(where("id").is(category.id()).and("version").is(category.version())),
                new Update().set("phases", phases).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                Category.class);
        if (saved == null) {
            throw new ConflictException("category.changed");
        }
        audit.record(caller, AuditAction.PHASE_CHANGED, saved.editionId(), saved.id(), saved.id(), request.reason().strip(),
                moved);
        announcements.announce(saved, clock.instant());
        return CategoryView.of(saved, clock.instant());
    }

    static List<CategoryRequest.PhaseRequest> defaultPhases(Edition edition) {
        return EditionRules.defaultPhases(LocalDate.parse(edition.startDate()), LocalDate.parse(edition.endDate()))
                .entrySet().stream().map(start -> new CategoryRequest.PhaseRequest(start.getKey(), start.getValue())).toList();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Timeline.BAMAKO);
    }

    private Edition edition(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("edition.not-found", id));
    }

    /**
     * The request's phase list as a timeline, or null with each phase at fault named in {@code checks}
     * ({@code phases.<PHASE>}): every start outside the sensible years and every repeated phase; then, once
     * those hold, the first missing or overlapping phase (the order of the later ones depends on it).
     */
    static Timeline timeline(List<CategoryRequest.PhaseRequest> requested, FieldChecks checks) {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        boolean sound = true;
        for (CategoryRequest.PhaseRequest phase : requested) {
            String field = "phases." + phase.phase().name();
            if (phase.start().getYear() < FIRST_YEAR || phase.start().getYear() > LAST_YEAR) {
                checks.reject(field, "category.phase.year", Words.phase(phase.phase()), String.valueOf(FIRST_YEAR),
                        String.valueOf(LAST_YEAR));
                sound = false;
            }
            // the store keeps milliseconds: whole seconds, so that what is checked here is what is read back
            if (starts.put(phase.phase(), phase.start().truncatedTo(ChronoUnit.SECONDS)) != null) {
                checks.reject(field, "category.phase.repeated", Words.phase(phase.phase()));
                sound = false;
            }
        }
        if (!sound) {
            return null;
        }
        try {
            return Timeline.ofLocal(starts);
        } catch (Timeline.Invalid invalid) {
            String field = "phases." + invalid.phase().name();
            switch (invalid.reason()) {
                case MISSING -> checks.reject(field, "category.phase.missing", Words.phase(invalid.phase()));
                case DUPLICATE -> checks.reject(field, "category.phase.repeated", Words.phase(invalid.phase()));
                case NOT_AFTER_PREVIOUS -> checks.reject(field, "category.phase.overlaps", Words.phase(invalid.phase()),
                        Words.phase(invalid.previous()));
            }
            return null;
        }
    }

    /** 400 naming {@code phases.<PHASE>} for a start outside {@link #FIRST_YEAR}–{@link #LAST_YEAR}. */
    private static void requireSensibleYear(Phase phase, LocalDateTime start) {
        if (start.getYear() < FIRST_YEAR || start.getYear() > LAST_YEAR) {
            throw new FieldRejectedException("phases." + phase.name(), "category.phase.year", Words.phase(phase),
                    String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
    }

    private static FieldRejectedException rejected(Timeline.Invalid invalid) {
        String field = "phases." + invalid.phase().name();
        return switch (invalid.reason()) {
            case MISSING -> new FieldRejectedException(field, "category.phase.missing", Words.phase(invalid.phase()));
            case DUPLICATE -> new FieldRejectedException(field, "category.phase.repeated", Words.phase(invalid.phase()));
            case NOT_AFTER_PREVIOUS -> new FieldRejectedException(field, "category.phase.overlaps",
                    Words.phase(invalid.phase()), Words.phase(invalid.previous()));
        };
    }

    /**
     * Criteria rules beyond each field's own ({@code criteria}): a code given twice, each; weights that do not
     * add up to 100, as soon as every criterion has a weight (a missing name elsewhere does not hide it).
     */
    static void checkCriteria(List<CategoryRequest.CriterionRequest> requested, FieldChecks checks) {
        if (requested == null || requested.stream().anyMatch(Objects::isNull)) {
            return; // bean validation named it
        }
        Set<String> codes = new HashSet<>();
        for (CategoryRequest.CriterionRequest criterion : requested) {
            if (criterion.code() != null && !codes.add(criterion.code())) {
                checks.reject("criteria", "category.criteria.repeated", criterion.code());
            }
        }
        if (requested.stream().allMatch(criterion -> criterion.weight() != null)) {
            int total = requested.stream().mapToInt(CategoryRequest.CriterionRequest::weight).sum();
            if (total != 100) {
                checks.reject("criteria", "category.criteria.weights", total);
            }
        }
    }

    /** The checked criteria as the category keeps them. */
    static List<Category.Criterion> criteria(List<CategoryRequest.CriterionRequest> requested) {
        return requested.stream().map(criterion -> new Category.Criterion(criterion.code(), text(criterion.label()),
                criterion.weight())).toList();
    }

    private static Category.LocalizedText text(CategoryRequest.Text text) {
        return new Category.LocalizedText(text.fr().strip(), text.en().strip());
    }
}
