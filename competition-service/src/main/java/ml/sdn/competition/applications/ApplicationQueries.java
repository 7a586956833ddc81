package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredOrganizations;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.competition.registrations.RegisteredParticipants;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Who reads an application, and what they see: the applicant and organizers the whole application
 * (organizers with the selection details), an assigned juror the {@link JurorView} (blind where the
 * category says so), a coordinator of the application's country its status only. Anyone else, a juror
 * not assigned or conflicted included, finds nothing (404). Lists never carry a score.
 */
@Service
class ApplicationQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

    /** How the caller may read an application. */
    enum Reader { ORGANIZER, APPLICANT, JUROR, COORDINATOR }

    private final MongoTemplate mongo;
    private final Editions editions;
    private final DeadlineExtensions extensions;
    private final ApplicationJurors reviews;
    private final RegisteredParticipants participants;
    private final RegisteredOrganizations organizations;
    private final Clock clock;

    ApplicationQueries(MongoTemplate mongo, Editions editions, DeadlineExtensions extensions, ApplicationJurors reviews,
                       RegisteredParticipants participants, RegisteredOrganizations organizations,
                       ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.editions = editions;
        this.extensions = extensions;
        this.reviews = reviews;
        this.participants = participants;
        this.organizations = organizations;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The caller's reading of the application; 404 when they may not read it at all. */
    Object read(Caller caller, String id) {
        Application application = mongo.findById(id, Application.class);
        Reader reader = application == null ? null : readerOf(caller, application).orElse(null);
        if (reader == null) {
            throw new NotFoundException("application.not-found", id);
        }
        return switch (reader) {
            case ORGANIZER, APPLICANT -> fullView(application, reader == Reader.ORGANIZER);
            case JUROR -> jurorView(application);
            case COORDINATOR -> ApplicationStatusView.forCoordinator(application);
        };
    }

    /** An application whose content the caller may read; {@code blind}: they read it as a juror under blind review. */
    record ReadableContent(Application application, boolean blind) {
    }

    /** The application if the caller may read its content and PDF (applicant, organizer, assigned juror); else 404. */
    ReadableContent readableContent(Caller caller, String id) {
        Application application = mongo.findById(id, Application.class);
        Reader reader = application == null ? null : readerOf(caller, application).orElse(null);
        if (reader == null || reader == Reader.COORDINATOR) {
            throw new NotFoundException("application.not-found", id);
        }
        return new ReadableContent(application,
                reader == Reader.JUROR && category(application.categoryId()).settings().blindReview());
    }

    Optional<Reader> readerOf(Caller caller, Application application) {
        if (caller.hasRole("organizer")) {
            return Optional.of(Reader.ORGANIZER);
        }
        if (application.applicantId().equals(caller.id())) {
            return Optional.of(Reader.APPLICANT);
        }
        if (caller.hasRole("jury") && application.status() == ApplicationStatus.SUBMITTED
                && reviews.isActiveJuror(application.id(), caller.id())) {
            return Optional.of(Reader.JUROR);
        }
        String coordinated = caller.coordinatedCountry();
        if (coordinated != null && coordinated.equals(application.country())) {
            return Optional.of(Reader.COORDINATOR);
        }
        return Optional.empty();
    }

    List<ApplicationSummary> mine(Caller caller) {
        Instant now = clock.instant();
        Map<String, Category> categories = new HashMap<>();
        Map<String, SubmissionWindow> windows = new HashMap<>();
        return mongo.find(query(where("applicantId").is(caller.id())).with(NEWEST_FIRST), Application.class).stream()
                .map(application -> {
                    Category category = categories.computeIfAbsent(application.categoryId(), this::category);
                    SubmissionWindow window = windows.computeIfAbsent(application.categoryId(),
                            ignored -> extensions.windowFor(category));
                    return ApplicationSummary.of(application, category, window, now);
                }).toList();
    }

    /** What a list of applications is narrowed to; every part optional (null: any). */
    record Filter(String editionId, String categoryId, ApplicationStatus status, String country, Boolean womenLed,
                  String applicantId) {
    }

    /**
     * Organizers: every application, filtered. Coordinators: their country's only, whatever {@code country}
     * asks (another country: an empty page); without a delegation, nothing.
     */
    ApplicationPage list(Caller caller, Filter filter, int page, int size) {
        boolean organizer = caller.hasRole("organizer");
        Optional<Query> scoped = scoped(caller, filter);
        if (scoped.isEmpty()) {
            return ApplicationPage.of(List.of(), page, size, 0);
        }
        long total = mongo.count(scoped.get(), Application.class);
        List<Application> found = mongo.find(scoped.get().with(NEWEST_FIRST).skip((long) page * size).limit(size),
                Application.class);
        if (!organizer) {
            return ApplicationPage.of(found.stream().map(ApplicationStatusView::forCoordinator).toList(), page, size, total);
        }
        return ApplicationPage.of(organizerViews(found), page, size, total);
    }

    /** Organizers: every application the filter keeps, newest first, at most {@code max} (for the export). */
    List<ApplicationStatusView> all(Caller organizer, Filter filter, int max) {
        return scoped(organizer, filter).map(scope -> organizerViews(mongo.find(scope.with(NEWEST_FIRST).limit(max),
                Application.class))).orElse(List.of());
    }

    /**
     * The filter as a query, scoped to what the caller may list (empty: nothing). Women-led is registration's
     * derived flag of the organisation, or, for a holder alone, a holder whose stated gender is FEMALE (the
     * rule of the Special Prize, {@code selection/Applicants}).
     */
    private Optional<Query> scoped(Caller caller, Filter filter) {
        String scope = filter.country();
        if (!caller.hasRole("organizer")) {
            String coordinated = caller.coordinatedCountry();
            if (coordinated == null || (scope != null && !scope.equals(coordinated))) {
                return Optional.empty();
            }
            scope = coordinated;
        }
        List<Criteria> parts = new java.util.ArrayList<>();
        if (filter.editionId() != null) {
            parts.add(where("editionId").is(filter.editionId()));
        }
        if (filter.categoryId() != null) {
            parts.add(where("categoryId").is(filter.categoryId()));
        }
        if (filter.status() != null) {
            parts.add(where("status").is(filter.status()));
        }
        if (scope != null) {
            parts.add(where("country").is(scope));
        }
        if (filter.applicantId() != null) {
            parts.add(where("applicantId").is(filter.applicantId()));
        }
        if (filter.womenLed() != null) {
            Criteria led = new Criteria().orOperator(
                    where("organizationId").in(ids(Query.query(where("womenLed").is(true)), RegisteredOrganization.COLLECTION)),
                    new Criteria().andOperator(where("organizationId").is(null), where("applicantId")
                            .in(ids(Query.query(where("gender").is("FEMALE")), RegisteredParticipant.COLLECTION))));
            parts.add(filter.womenLed() ? led : new Criteria().norOperator(led));
        }
        return Optional.of(parts.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(parts)));
    }

    /** The ids of a registration copy's documents that match (just the ids: the copies are not read whole). */
    private List<String> ids(Query matching, String collection) {
        matching.fields().include("_id");
        return mongo.find(matching, org.bson.Document.class, collection).stream().map(found -> String.valueOf(found.get("_id")))
                .toList();
    }

    private List<ApplicationStatusView> organizerViews(List<Application> found) {
        Map<String, RegisteredParticipant> applicants = participants.byId(
                found.stream().map(Application::applicantId).distinct().toList());
        Map<String, RegisteredOrganization> holders = organizations.byId(
                found.stream().map(Application::organizationId).filter(Objects::nonNull).distinct().toList());
        return found.stream().map(application -> {
            Optional<RegisteredParticipant> applicant = Optional.ofNullable(applicants.get(application.applicantId()));
            Optional<RegisteredOrganization> organization = application.organizationId() == null ? Optional.empty()
                    : Optional.ofNullable(holders.get(application.organizationId()));
            boolean womenLed = application.organizationId() != null
                    ? organization.map(RegisteredOrganization::womenLed).orElse(false)
                    : applicant.map(person -> "FEMALE".equals(person.gender())).orElse(false);
            return ApplicationStatusView.forOrganizer(application,
                    applicant.map(RegisteredParticipant::displayName).orElse(null),
                    organization.map(RegisteredOrganization::name).orElse(null), womenLed);
        }).toList();
    }

    private ApplicationView fullView(Application application, boolean organizer) {
        Category category = category(application.categoryId());
        String organizationName = application.organizationId() == null ? null
                : organizations.find(application.organizationId()).map(RegisteredOrganization::name).orElse(null);
        return ApplicationView.of(application, category, extensions.windowFor(category), organizationName, organizer,
                clock.instant());
    }

    private JurorView jurorView(Application application) {
        boolean blind = category(application.categoryId()).settings().blindReview();
        if (blind) {
            return JurorView.of(application, true, null, null);
        }
        String applicantName = participants.find(application.applicantId()).map(RegisteredParticipant::displayName).orElse(null);
        String organizationName = application.organizationId() == null ? null
                : organizations.find(application.organizationId()).map(RegisteredOrganization::name).orElse(null);
        return JurorView.of(application, false, applicantName, organizationName);
    }

    private Category category(String categoryId) {
        return editions.findCategory(categoryId)
                .orElseThrow(() -> new IllegalStateException("Category " + categoryId + " is gone"));
    }
}
