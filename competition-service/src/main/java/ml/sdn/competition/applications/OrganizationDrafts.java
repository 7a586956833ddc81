package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredOrganizations;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.competition.registrations.RegisteredParticipants;
import ml.sdn.events.competition.DraftReleased;
import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The drafts members hold for an organisation, in the hands of its owner: a member's draft takes the
 * organisation's one place in a category (its claim), so the owner sees every such draft and can take it over
 * (it becomes the owner's draft, claim, content and PDF included) or delete it (the place is free). The member
 * is told either way ({@code DraftReleased}). Ownership is read from this service's copy of the organisation;
 * anyone but the owner finds nothing (404), whoever they are.
 */
@Service
class OrganizationDrafts {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final Applications applications;
    private final Editions editions;
    private final RegisteredOrganizations organizations;
    private final RegisteredParticipants participants;
    private final Clock clock;

    OrganizationDrafts(MongoTemplate mongo, Applications applications, Editions editions,
                       RegisteredOrganizations organizations, RegisteredParticipants participants,
                       ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.applications = applications;
        this.editions = editions;
        this.organizations = organizations;
        this.participants = participants;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Every draft held by someone else for an organisation the caller owns, newest change first. */
    List<OrganizationDraftView> list(Caller caller) {
        Map<String, RegisteredOrganization> owned = mongo.find(query(where("ownerId").is(caller.id())),
                RegisteredOrganization.class).stream().collect(Collectors.toMap(RegisteredOrganization::id, o -> o));
        if (owned.isEmpty()) {
            return List.of();
        }
        List<Application> drafts = mongo.find(query(where("organizationId").in(owned.keySet())
                        .and("status").is(ApplicationStatus.DRAFT).and("applicantId").ne(caller.id()))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt", "id")), Application.class);
        Map<String, RegisteredParticipant> holders = participants.byId(drafts.stream().map(Application::applicantId)
                .filter(Objects::nonNull).distinct().toList());
        return drafts.stream().map(draft -> {
            Category category = editions.findCategory(draft.categoryId()).orElse(null);
            RegisteredParticipant holder = holders.get(draft.applicantId());
            return new OrganizationDraftView(draft.id(), draft.organizationId(), owned.get(draft.organizationId()).name(),
                    draft.categoryId(), draft.categoryCode(), category == null ? null : category.name(),
                    draft.content() == null ? null : draft.content().title(),
                    holder == null ? null : holder.displayName(), draft.attachment() != null, draft.updatedAt());
        }).toList();
    }

    /** The draft becomes the owner's: same content, PDF and place; the member is told. */
    ApplicationView takeOver(Caller caller, String id) {
        return LostRace.retry(ATTEMPTS, () -> {
            Held held = held(caller, id);
            Application draft = held.draft();
            Instant now = clock.instant();
            String ownerCountry = participants.find(caller.id()).map(RegisteredParticipant::country).orElse(null);
            Update update = new Update()
                    .set("applicantId", caller.id())
                    .set("country", ownerCountry)
                    .set("updatedAt", now)
                    .push("outbox", PendingEvent.of(DraftReleased.TYPE, draft.id(),
                            released(draft, held.organization(), caller, DraftReleased.TAKEN_OVER, now)));
            return applications.view(applications.write(draft, update));
        });
    }

    /**
     * The draft goes, with its PDF, and the place is free; the member is told. The draft's document goes too, so
     * the event is kept in a {@link ReleasedDraft} written right after the removal: a crash between the two
     * writes would lose that one notice, never delete a draft the member is not told of.
     */
    void delete(Caller caller, String id) {
        Held held = held(caller, id);
        Application draft = held.draft();
        Application removed = mongo.findAndRemove(query(where("id").is(id).and("version").is(draft.version())
                .and("status").is(ApplicationStatus.DRAFT).and("applicantId").is(draft.applicantId())), Application.class);
        if (removed == null) {
            throw new ConflictException("application.organization-draft.changed");
        }
        if (removed.attachment() != null) {
            mongo.remove(query(where("id").is(removed.attachment().fileId())), AttachmentFile.class);
        }
        Instant now = clock.instant();
        mongo.insert(new ReleasedDraft(removed.id(), removed.organizationId(), removed.applicantId(), caller.id(), now,
                List.of(PendingEvent.of(DraftReleased.TYPE, removed.id(),
                        released(removed, held.organization(), caller, DraftReleased.DELETED, now))), null));
    }

    private record Held(Application draft, RegisteredOrganization organization) {
    }

    /** A draft someone else holds for an organisation the caller owns; anything else is not found (404). */
    private Held held(Caller caller, String id) {
        Application application = mongo.findById(id, Application.class);
        RegisteredOrganization organization = application == null || application.organizationId() == null ? null
                : organizations.find(application.organizationId()).orElse(null);
        if (organization == null || !caller.id().equals(organization.ownerId()) || caller.id().equals(application.applicantId())) {
            throw new NotFoundException("application.not-found", id);
        }
        if (application.status() != ApplicationStatus.DRAFT) {
            throw new ConflictException("application.organization-draft.not-draft");
        }
        return new Held(application, organization);
    }

    private static DraftReleased released(Application draft, RegisteredOrganization organization, Caller owner,
                                          String outcome, Instant now) {
        return new DraftReleased(draft.id(), draft.editionId(), draft.categoryId(),
                draft.categoryCode() == null ? null : draft.categoryCode().name(), organization.id(), organization.name(),
                draft.content() == null ? null : draft.content().title(), draft.applicantId(), owner.id(), outcome, now);
    }
}
