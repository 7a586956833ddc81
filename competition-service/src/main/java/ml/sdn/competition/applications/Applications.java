package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Words;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredOrganizations;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.competition.registrations.RegisteredParticipants;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.ApplicationWithdrawn;
import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What an applicant does with their application: draft, edit, submit, withdraw, delete a draft. Each
 * change is one conditional write of the application document (its version in the query), its event
 * pushed to the document's outbox in that same write; a write that lost a race reads again and
 * re-checks everything. Only the applicant's part of the document is written (never selection or incubation).
 *
 * <p>The claim ("one live application per organisation, or per person alone, per category") is taken
 * by the draft, so a second draft fails at once with 409 rather than after the work of writing it; it is
 * freed by withdrawal or by deleting the draft, and taken again by a re-submission of a withdrawn one.
 */
@Service
public class Applications {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final Editions editions;
    private final RegisteredParticipants participants;
    private final RegisteredOrganizations organizations;
    private final DeadlineExtensions extensions;
    private final ReceiptCounter receipts;
    private final Clock clock;

    Applications(MongoTemplate mongo, Editions editions, RegisteredParticipants participants,
                 RegisteredOrganizations organizations, DeadlineExtensions extensions, ReceiptCounter receipts,
                 ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.editions = editions;
        this.participants = participants;
        this.organizations = organizations;
        this.extensions = extensions;
        this.receipts = receipts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ApplicationView create(Caller caller, ApplicationRequest request) {
        if (request.categoryId() == null || request.categoryId().isBlank()) {
            throw new FieldRejectedException("categoryId", "application.categoryId.required");
        }
        // a body field that points at nothing: a 400 naming it (a 404 would say the URL is wrong)
        Category category = editions.findCategory(request.categoryId())
                .orElseThrow(() -> new FieldRejectedException("categoryId", "application.categoryId.unknown"));
        Instant now = clock.instant();
        SubmissionWindow window = extensions.windowFor(category);
        requireOpen(window, Action.DRAFT_APPLICATION, caller.id(), null, now);
        Application.ApplicationContent content = contentOf(request, category);
        String organizationId = blankToNull(request.organizationId());
        RegisteredOrganization organization = organizationId == null ? null : organizations.find(organizationId).orElse(null);
        enforce(Eligibility.mayApplyFor(category.organizationTypes(), caller.id(), organizationId, organization));
        // the delegation is the registration profile's (its copy here), never the token's: the token's country is an
        // account attribute the person can edit. Without the copy yet, the draft has none until its submission.
        String country = participants.find(caller.id()).map(RegisteredParticipant::country).orElse(null);
        Application draft = new Application(null, null, category.editionId(), category.id(), category.code(), caller.id(),
                organizationId, country, ApplicationStatus.DRAFT, content, null,
                Eligibility.claimKey(category.id(), caller.id(), organizationId), null, null, now, now, null, null,
                List.of(), null);
        try {
            Application saved = mongo.insert(draft);
            return ApplicationView.of(saved, category, window, organization == null ? null : organization.name(), false, now);
        } catch (DuplicateKeyException claimed) {
            throw claimTaken(organizationId);
        }
    }

    /**
     * Replaces the content of the caller's application. A draft while drafting is open; a submitted
     * application while submission is open for this applicant (people fix typos): it stays submitted,
     * must stay complete, and {@code updatedAt} records the change. A withdrawn one is read-only.
     */
    ApplicationView edit(Caller caller, String id, ApplicationRequest request) {
        return LostRace.retry(ATTEMPTS, () -> {
            Application application = owned(caller, id);
            Category category = category(application);
            if (request.categoryId() != null && !request.categoryId().equals(application.categoryId())) {
                throw new FieldRejectedException("categoryId", "application.categoryId.fixed");
            }
            String organizationId = blankToNull(request.organizationId());
            if (organizationId != null && !organizationId.equals(application.organizationId())) {
                throw new FieldRejectedException("organizationId", "application.organizationId.fixed");
            }
            Instant now = clock.instant();
            SubmissionWindow window = extensions.windowFor(category);
            switch (application.status()) {
                case DRAFT -> requireOpen(window, Action.DRAFT_APPLICATION, application, now);
                case SUBMITTED -> requireOpen(window, Action.SUBMIT_APPLICATION, application, now);
                case WITHDRAWN -> throw new ConflictException("application.withdrawn.read-only");
            }
            Application.ApplicationContent content = contentOf(request, category);
            if (application.status() == ApplicationStatus.SUBMITTED) {
                missing(Eligibility.missingFields(content));
            }
            Application saved = write(application, new Update().set("content", content).set("updatedAt", now));
            return view(saved, category, window, now);
        });
    }

    /** Deletes the caller's draft (and its PDF), freeing its claim. Only drafts: a submission is withdrawn, not deleted. */
    void deleteDraft(Caller caller, String id) {
        Application application = owned(caller, id);
        if (application.status() != ApplicationStatus.DRAFT) {
            throw new ConflictException("application.delete.not-draft");
        }
        if (mongo.remove(query(where("id").is(id).and("applicantId").is(caller.id()).and("status").is(ApplicationStatus.DRAFT)),
                Application.class).getDeletedCount() == 0) {
            throw new ConflictException("application.delete.not-draft");
        }
        if (application.attachment() != null) {
            mongo.remove(query(where("id").is(application.attachment().fileId())), AttachmentFile.class);
        }
    }

    /**
     * Submits a draft (or re-submits a withdrawn application) once every rule holds, giving it a receipt
     * reference the first time and publishing ApplicationSubmitted in the same write. The reference is
     * taken before the write: a submission that then loses (double click, two tabs) leaves a gap in the
     * numbers, never a duplicate.
     */
    ApplicationView submit(Caller caller, String id) {
        AtomicReference<String> reserved = new AtomicReference<>();
        return LostRace.retry(ATTEMPTS, () -> {
            Application application = owned(caller, id);
            if (application.status() == ApplicationStatus.SUBMITTED) {
                throw new ConflictException("application.submit.already", application.reference());
            }
            Category category = category(application);
            Instant now = clock.instant();
            SubmissionWindow window = extensions.windowFor(category);
            requireOpen(window, Action.SUBMIT_APPLICATION, application, now);
            RegisteredParticipant applicant = participants.find(caller.id()).orElse(null);
            RegisteredOrganization organization = application.organizationId() == null ? null
                    : organizations.find(application.organizationId()).orElse(null);
            enforce(Eligibility.toSubmit(category.organizationTypes(), caller.id(), applicant, application.organizationId(),
                    organization, application.content()));
            String reference = application.reference();
            if (reference == null) {
                reference = reserved.updateAndGet(taken -> taken != null ? taken : newReference(category));
            }
            ApplicationSubmitted event = new ApplicationSubmitted(application.id(), reference, application.editionId(),
                    application.categoryId(), application.categoryCode().name(), application.applicantId(),
                    application.organizationId(), applicant.country(), application.content().title(), now);
            Update update = new Update()
                    .set("status", ApplicationStatus.SUBMITTED)
                    .set("reference", reference)
                    .set("country", applicant.country())
                    .set("claimKey", Eligibility.claimKey(application.categoryId(), application.applicantId(),
                            application.organizationId()))
                    .set("submittedAt", now)
                    .set("updatedAt", now)
                    .unset("withdrawnAt")
                    .push("outbox", PendingEvent.of(ApplicationSubmitted.TYPE, application.id(), event));
            try {
                return view(write(application, update), category, window, now);
            } catch (DuplicateKeyException claimed) {
                // a withdrawn application coming back while another took the organisation's (or person's) place
                throw claimTaken(application.organizationId());
            }
        });
    }

    /** Withdraws the caller's submitted application before the deadline: its claim is freed, ApplicationWithdrawn published. */
    ApplicationView withdraw(Caller caller, String id) {
        return LostRace.retry(ATTEMPTS, () -> {
            Application application = owned(caller, id);
            if (application.status() != ApplicationStatus.SUBMITTED) {
                throw new ConflictException("application.withdraw.not-submitted");
            }
            Category category = category(application);
            Instant now = clock.instant();
            SubmissionWindow window = extensions.windowFor(category);
            requireOpen(window, Action.WITHDRAW_APPLICATION, application, now);
            ApplicationWithdrawn event = new ApplicationWithdrawn(application.id(), application.reference(),
                    application.editionId(), application.categoryId(), application.applicantId(), application.country(), now);
            Update update = new Update()
                    .set("status", ApplicationStatus.WITHDRAWN)
                    .set("withdrawnAt", now)
                    .set("updatedAt", now)
                    .unset("claimKey")
                    .push("outbox", PendingEvent.of(ApplicationWithdrawn.TYPE, application.id(), event));
            return view(write(application, update), category, window, now);
        });
    }

    /** The caller's own application, or 404: another person's id finds nothing and says nothing. */
    Application owned(Caller caller, String id) {
        Application application = mongo.findOne(query(where("id").is(id).and("applicantId").is(caller.id())), Application.class);
        if (application == null) {
            throw new NotFoundException("application.not-found", id);
        }
        return application;
    }

    Category category(Application application) {
        return editions.findCategory(application.categoryId())
                .orElseThrow(() -> new IllegalStateException("Category " + application.categoryId() + " of application "
                        + application.id() + " is gone"));
    }

    /** 409 naming the phase in which the action is possible and the phase now. */
    static void requireOpen(SubmissionWindow window, Action action, Application application, Instant now) {
        requireOpen(window, action, application.applicantId(), SubmissionWindow.submittedAt(application), now);
    }

    /** The same for an application of {@code applicantId} submitted at {@code submittedAt} (null: not submitted). */
    static void requireOpen(SubmissionWindow window, Action action, String applicantId, Instant submittedAt, Instant now) {
        if (window.allows(action, applicantId, submittedAt, now)) {
            return;
        }
        if (window.notYetOpen(now)) {
            throw new ConflictException("application.phase.not-yet-open", Words.phase(Phase.SUBMISSION),
                    Words.dateTime(window.opensAt()));
        }
        throw new ConflictException("application.phase.over", Words.phase(Phase.SUBMISSION),
                Words.dateTime(window.deadlineFor(applicantId, submittedAt)), Words.phase(window.phaseAt(now)));
    }

    /** The conditional write: applies {@code update} only to the version that was read, or loses the race. */
    Application write(Application application, Update update) {
        Application saved = mongo.findAndModify(query(where("id").is(application.id()).and("version").is(application.version())),
                update.inc("version", 1), FindAndModifyOptions.options().returnNew(true), Application.class);
        if (saved == null) {
            throw new OptimisticLockingFailureException("Application " + application.id() + " changed since it was read");
        }
        return saved;
    }

    /** The applicant's view of the application as it is now. */
    ApplicationView view(Application application) {
        Category category = category(application);
        return view(application, category, extensions.windowFor(category), clock.instant());
    }

    private ApplicationView view(Application application, Category category, SubmissionWindow window, Instant now) {
        String organizationName = application.organizationId() == null ? null
                : organizations.find(application.organizationId()).map(RegisteredOrganization::name).orElse(null);
        return ApplicationView.of(application, category, window, organizationName, false, now);
    }

    private String newReference(Category category) {
        Edition edition = editions.find(category.editionId())
                .orElseThrow(() -> new IllegalStateException("Edition " + category.editionId() + " is gone"));
        return ReceiptReference.format(edition.number(), category.code(), receipts.next(edition.id(), category.code()));
    }

    private static void enforce(Eligibility.Verdict verdict) {
        if (verdict instanceof Eligibility.RegistrationPending pending) {
            throw new ConflictException(pending.whose() == Eligibility.Pending.APPLICANT
                    ? "application.registration.pending" : "application.organization.pending");
        }
        if (verdict instanceof Eligibility.Refused refused) {
            throw refused.field() != null
                    ? new FieldRejectedException(refused.field(), refused.reason(), refused.arguments().toArray())
                    : new ConflictException(refused.reason(), refused.arguments().toArray());
        }
        if (verdict instanceof Eligibility.Incomplete incomplete) {
            missing(incomplete.missing());
        }
    }

    private static ConflictException claimTaken(String organizationId) {
        return new ConflictException(organizationId == null ? "application.claim.person" : "application.claim.organization");
    }

    /** The request's content, trimmed (blank is absent), the challenge spelled as the category spells it. */
    static Application.ApplicationContent contentOf(ApplicationRequest request, Category category) {
        String challenge = blankToNull(request.challenge());
        if (challenge != null) {
            List<String> challenges = category.challenges() == null ? List.of() : category.challenges();
            String asked = challenge;
            challenge = challenges.stream().filter(known -> known.strip().toLowerCase(Locale.ROOT)
                            .equals(asked.toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new FieldRejectedException("challenge", "application.challenge.unknown",
                            challenges.isEmpty() ? "-" : String.join(", ", challenges)));
        }
        List<Application.TeamMember> team = request.team() == null ? List.of() : request.team().stream()
                .map(member -> new Application.TeamMember(member.name().strip(), member.role().strip())).toList();
        return new Application.ApplicationContent(request.title().strip(), blankToNull(request.summary()),
                blankToNull(request.problem()), blankToNull(request.solution()), blankToNull(request.targetUsers()),
                request.stage(), challenge, team, blankToNull(request.pitchDeckUrl()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every required field still empty, named at once (a submission, or an edit of a submitted application). */
    private static void missing(List<String> fields) {
        FieldChecks checks = FieldChecks.none().detail("application.submission.incomplete");
        fields.forEach(field -> checks.reject(field, "application." + field + ".missing"));
        checks.throwIfAny();
    }
}
