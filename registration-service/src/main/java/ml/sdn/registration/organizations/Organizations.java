package ml.sdn.registration.organizations;

import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Registers, shows and changes organisations. Who may see one is part of every query (another person's
 * organisation is simply not found); each change carries its events in the same document write.
 */
@Service
public class Organizations {

    /** Tries of a read-change-save that lost a race (e.g. with the outbox relay, which bumps the version). */
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final Memberships memberships;
    private final ParticipantProfiles profiles;
    private final Clock clock = Clock.systemUTC();

    Organizations(MongoTemplate mongo, Memberships memberships, ParticipantProfiles profiles) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.profiles = profiles;
    }

    public record Page(List<OrganizationView> items, int page, int size, long total) {
    }

    OrganizationView register(Caller caller, OrganizationRequest request) {
        ParticipantProfiles.Profile profile = requireProfile(caller);
        // the delegation is the profile's (fixed at registration, moved by organizers only), never the token's:
        // a token's country is an account attribute the person can edit
        if (!request.country().equals(profile.country())) {
            throw new FieldRejectedException("country", "organization.country.not-yours");
        }
        OrganizationType type = OrganizationType.valueOf(request.type());
        Organization.Details details = new Organization.Details(request.name(), Sector.valueOf(request.sector()),
                request.foundingYear(), request.registrationNumber(), request.description());
        OrganizationRequest.Creator creator = request.creator();
        Gender creatorGender = creator.gender() != null ? Gender.valueOf(creator.gender())
                : profile.gender() != null ? profile.gender() : Gender.NOT_STATED;
        Member owner = new Member(UUID.randomUUID().toString(), caller.id(), nameOf(caller, profile), creator.role().strip(),
                creatorGender, creator.leads());
        List<Member> others = request.membersOrEmpty().stream().map(member -> new Member(UUID.randomUUID().toString(), null,
                member.name().strip(), member.role().strip(), Gender.valueOf(member.gender()), member.leads())).toList();
        String id = UUID.randomUUID().toString();
        Organization organization = Organization.register(id, type, request.country(), details, owner, others, now());

        memberships.claim(caller.id(), type, id);
        try {
            return OrganizationView.of(mongo.insert(organization), caller);
        } catch (DuplicateKeyException sameName) {
            memberships.release(caller.id(), type, id);
            throw duplicateName(details.name());
        } catch (RuntimeException e) {
            memberships.release(caller.id(), type, id);
            throw e;
        }
    }

    OrganizationView read(Caller caller, String id) {
        return OrganizationView.of(visible(caller, id), caller);
    }

    /** The organisations the caller owns or belongs to. */
    List<OrganizationView> mine(Caller caller) {
        Query query = new Query(mineCriteria(caller.id())).with(Sort.by("registeredAt"));
        return mongo.find(query, Organization.class).stream().map(organization -> OrganizationView.of(organization, caller)).toList();
    }

    /** Organizers see every organisation, a coordinator those of their delegation's country whatever {@code country} says. */
    Page list(Caller caller, String country, String type, String sector, Boolean womenLed, String text, int page, int size) {
        Query query = listQuery(caller, country, type, sector, womenLed, text);
        long total = mongo.count(query, Organization.class);
        List<OrganizationView> items = mongo.find(query.with(Sort.by("nameKey", "_id")).skip((long) page * size).limit(size),
                Organization.class).stream().map(organization -> OrganizationView.of(organization, caller)).toList();
        return new Page(items, page, size, total);
    }

    /** The same organisations as {@link #list}, every one up to {@code max}, sorted by name (for the export). */
    List<Organization> all(Caller caller, String country, String type, String sector, Boolean womenLed, String text, int max) {
        return mongo.find(listQuery(caller, country, type, sector, womenLed, text).with(Sort.by("nameKey", "_id")).limit(max),
                Organization.class);
    }

    private static Query listQuery(Caller caller, String country, String type, String sector, Boolean womenLed, String text) {
        List<Criteria> filters = new ArrayList<>();
        if (!caller.hasRole("organizer")) {
            // null (no delegation) matches no organisation: every one has a country
            filters.add(Criteria.where("country").is(caller.coordinatedCountry()));
        }
        if (country != null) {
            filters.add(Criteria.where("country").is(country));
        }
        if (type != null) {
            filters.add(Criteria.where("type").is(type));
        }
        if (sector != null) {
            filters.add(Criteria.where("sector").is(sector));
        }
        if (womenLed != null) {
            filters.add(Criteria.where("womenLed").is(womenLed));
        }
        if (text != null && !NameKey.of(text).isEmpty()) {
            // the user's text is matched literally against the normalised names, never read as a pattern
            filters.add(Criteria.where("nameKey").regex(Pattern.quote(NameKey.of(text))));
        }
        return new Query(filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters));
    }

    OrganizationView update(Caller caller, String id, OrganizationUpdate request) {
        Organization.Details details = new Organization.Details(request.name(), Sector.valueOf(request.sector()),
                request.foundingYear(), request.registrationNumber(), request.description());
        List<Organization.MemberDraft> drafts = request.members().stream().map(member -> new Organization.MemberDraft(
                member.memberId(), member.name(), member.role(), member.gender() == null ? null : Gender.valueOf(member.gender()),
                member.leads())).toList();
        return retrying(() -> {
            Organization organization = owned(caller, id);
            if (request.updatedAt() != null && !request.updatedAt().equals(organization.updatedAt())) {
                throw new ConflictException("organization.changed-since-read");
            }
            Organization.Edit edit = organization.update(details, drafts, caller.id(), now());
            if (!edit.changed()) {
                return OrganizationView.of(organization, caller);
            }
            Organization saved;
            try {
                saved = mongo.save(organization);
            } catch (DuplicateKeyException sameName) {
                throw duplicateName(details.name());
            }
            edit.removedParticipants().forEach(participantId -> memberships.release(participantId, saved.type(), saved.id()));
            return OrganizationView.of(saved, caller);
        });
    }

    /** The organisation {@code id} if the caller owns it; 404 otherwise, as if it did not exist. */
    Organization owned(Caller caller, String id) {
        Organization organization = mongo.findOne(new Query(Criteria.where("_id").is(id).and("ownerId").is(caller.id())),
                Organization.class);
        if (organization == null) {
            throw new NotFoundException("organization.not-found");
        }
        return organization;
    }

    Organization visible(Caller caller, String id) {
        Criteria byId = Criteria.where("_id").is(id);
        Organization organization = mongo.findOne(new Query(caller.hasRole("organizer") ? byId
                : new Criteria().andOperator(byId, visibleToParticipants(caller))), Organization.class);
        if (organization == null) {
            throw new NotFoundException("organization.not-found");
        }
        return organization;
    }

    ParticipantProfiles.Profile requireProfile(Caller caller) {
        return profiles.of(caller.id()).orElseThrow(() -> new ConflictException("organization.profile-required"));
    }

    /** Runs a read-change-save again when the save lost a race; the last loss becomes a 409. */
    <T> T retrying(Supplier<T> change) {
        try {
            return LostRace.retry(ATTEMPTS, change);
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("organization.changed-since-read");
        }
    }

    static Criteria mineCriteria(String participantId) {
        return new Criteria().orOperator(Criteria.where("ownerId").is(participantId),
                Criteria.where("members.participantId").is(participantId));
    }

    /** Besides organizers, who see all: the owner and the members; the coordinator of the organisation's country. */
    private static Criteria visibleToParticipants(Caller caller) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("ownerId").is(caller.id()));
        any.add(Criteria.where("members.participantId").is(caller.id()));
        if (caller.coordinatedCountry() != null) {
            any.add(Criteria.where("country").is(caller.coordinatedCountry()));
        }
        return new Criteria().orOperator(any);
    }

    static String nameOf(Caller caller, ParticipantProfiles.Profile profile) {
        if (profile != null && profile.displayName() != null && !profile.displayName().isBlank()) {
            return profile.displayName();
        }
        return caller.name() == null || caller.name().isBlank() ? caller.username() : caller.name();
    }

    private static ConflictException duplicateName(String name) {
        return new ConflictException("organization.duplicate-name", name);
    }

    private Instant now() {
        // MongoDB keeps milliseconds: what we return is what a later read returns (and what PUT compares)
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
