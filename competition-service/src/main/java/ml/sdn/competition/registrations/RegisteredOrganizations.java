package ml.sdn.competition.registrations;

import ml.sdn.events.registration.OrganizationMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.TreeSet;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the local copy of registered organisations: newer wins by event time, in one conditional upsert
 * keyed by the organisation id, so a redelivered or late event changes nothing.
 */
@Service
public class RegisteredOrganizations {

    private static final Logger log = LoggerFactory.getLogger(RegisteredOrganizations.class);

    private final MongoTemplate mongo;

    RegisteredOrganizations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The organisation as {@code OrganizationRegistered} and {@code OrganizationUpdated} carry it, whole. */
    record Snapshot(String organizationId, String name, String type, String country, String sector,
                    Integer foundingYear, String ownerId, List<OrganizationMember> members, boolean womenLed) {
    }

    public Optional<RegisteredOrganization> find(String organizationId) {
        return Optional.ofNullable(mongo.findById(organizationId, RegisteredOrganization.class));
    }

    /** The copies of these ids that exist, by id (one query, for lists). */
    public Map<String, RegisteredOrganization> byId(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("id").in(ids)), RegisteredOrganization.class).stream()
                .collect(Collectors.toMap(RegisteredOrganization::id, copy -> copy));
    }

    /** The copies of these organisations; unknown ids are absent. */
    public List<RegisteredOrganization> findAll(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("id").in(organizationIds)), RegisteredOrganization.class);
    }

    /**
     * The organisations each of these participants belongs to, as owner or member: participant id →
     * organisation ids (every participant asked for is a key, with an empty set when they belong to none).
     */
    public Map<String, Set<String>> membershipsOf(Collection<String> participantIds) {
        Map<String, Set<String>> memberships = new HashMap<>();
        participantIds.forEach(id -> memberships.put(id, new TreeSet<>()));
        if (participantIds.isEmpty()) {
            return memberships;
        }
        List<RegisteredOrganization> organizations = mongo.find(query(new Criteria()
                .orOperator(where("ownerId").in(participantIds), where("participantIds").in(participantIds))),
                RegisteredOrganization.class);
        for (RegisteredOrganization organization : organizations) {
            if (organization.ownerId() != null && memberships.containsKey(organization.ownerId())) {
                memberships.get(organization.ownerId()).add(organization.id());
            }
            if (organization.participantIds() != null) {
                for (String member : organization.participantIds()) {
                    if (memberships.containsKey(member)) {
                        memberships.get(member).add(organization.id());
                    }
                }
            }
        }
        return memberships;
    }

    /** @return whether the copy was written (false: the copy is as new or newer) */
    boolean apply(Snapshot snapshot, Instant asOf) {
        if (snapshot.organizationId() == null || snapshot.organizationId().isBlank()) {
            throw new IllegalArgumentException("Organisation event without organizationId");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("Organisation event for " + snapshot.organizationId() + " without its time");
        }
        Update update = new Update()
                .set("name", snapshot.name())
                .set("type", snapshot.type())
                .set("country", snapshot.country())
                .set("sector", snapshot.sector())
                .set("foundingYear", snapshot.foundingYear())
                .set("ownerId", snapshot.ownerId())
                .set("participantIds", participantIds(snapshot.members()))
                .set("womenLed", snapshot.womenLed())
                .set("asOf", asOf);
        try {
            mongo.upsert(query(where("id").is(snapshot.organizationId()).and("asOf").lt(asOf)), update,
                    RegisteredOrganization.class);
            return true;
        } catch (DuplicateKeyException asNewOrNewerAlreadyThere) {
            log.debug("Organisation {} already as of {} or newer; kept", snapshot.organizationId(), asOf);
            return false;
        }
    }

    /**
     * A participant joined: added to the members unless the copy already reflects a later state. The
     * copy's time is left as it is, since the event does not carry the organisation whole (registration
     * also sends the whole organisation, which then wins as usual).
     */
    boolean addMember(String organizationId, String participantId, Instant joinedAt) {
        if (organizationId == null || participantId == null || joinedAt == null) {
            throw new IllegalArgumentException("Member event without organizationId, participantId or time");
        }
        return mongo.updateFirst(query(where("id").is(organizationId).and("asOf").lte(joinedAt)),
                new Update().addToSet("participantIds", participantId), RegisteredOrganization.class).getModifiedCount() > 0;
    }

    /** The members who have an account, in the order the event lists them, without repeats. */
    static List<String> participantIds(List<OrganizationMember> members) {
        if (members == null) {
            return List.of();
        }
        return members.stream().filter(Objects::nonNull).map(OrganizationMember::participantId)
                .filter(id -> id != null && !id.isBlank()).distinct().toList();
    }
}
