package ml.sdn.registration.organizations;

import ml.sdn.platform.rules.ConflictException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "A participant belongs to at most one organisation per type", held under concurrency: before a
 * participant is written into an organisation (as its creator or by joining), a claim with the id
 * {@code <participantId>:<type>} is inserted; the store's unique {@code _id} lets only one of two
 * simultaneous claims in. A claim is released when the write it guarded fails, when the member leaves
 * the organisation, or when the person is erased.
 * <p>
 * A claim left behind by a crash between the claim and the organisation's write would block the person
 * for good; so a claim older than {@link #GRACE} whose organisation does not list the person is taken
 * as stale and replaced.
 */
@Component
class Memberships {

    static final String COLLECTION = "organization_memberships";
    static final Duration GRACE = Duration.ofMinutes(1);

    @Document(COLLECTION)
    record Membership(@Id String id, String participantId, OrganizationType type, String organizationId, Instant claimedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    Memberships(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String participantId, OrganizationType type) {
        return participantId + ":" + type.name();
    }

    /**
     * Claims the participant's place of this type for {@code organizationId}. True if this call made the claim,
     * false if it was already held for this organisation (then only its maker may release it).
     *
     * @throws ConflictException if the participant already belongs to (or is joining) another organisation of this type
     */
    boolean claim(String participantId, OrganizationType type, String organizationId) {
        Membership claim = new Membership(idOf(participantId, type), participantId, type, organizationId,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        try {
            mongo.insert(claim);
            return true;
        } catch (DuplicateKeyException taken) {
            Membership held = mongo.findById(claim.id(), Membership.class);
            if (held != null && organizationId.equals(held.organizationId())) {
                return false; // already claimed for this organisation (a join in progress, or interrupted and resumed)
            }
            if (held == null || !isStale(held)) {
                throw oneOfThisType(type);
            }
            mongo.remove(new Query(Criteria.where("_id").is(held.id()).and("organizationId").is(held.organizationId())
                    .and("claimedAt").is(held.claimedAt())), Membership.class);
        }
        try {
            mongo.insert(claim);
            return true;
        } catch (DuplicateKeyException takenMeanwhile) {
            throw oneOfThisType(type);
        }
    }

    /** Frees the claim on {@code organizationId} (not a newer one on another organisation). */
    void release(String participantId, OrganizationType type, String organizationId) {
        mongo.remove(new Query(Criteria.where("_id").is(idOf(participantId, type)).and("organizationId").is(organizationId)),
                Membership.class);
    }

    void releaseAll(String participantId) {
        mongo.remove(new Query(Criteria.where("participantId").is(participantId)), Membership.class);
    }

    private boolean isStale(Membership held) {
        if (held.claimedAt() == null || held.claimedAt().isAfter(Instant.now(clock).minus(GRACE))) {
            return false;
        }
        return !mongo.exists(new Query(Criteria.where("_id").is(held.organizationId())
                .and("members.participantId").is(held.participantId())), Organization.class);
    }

    private static ConflictException oneOfThisType(OrganizationType type) {
        return new ConflictException("organization.one-per-type", new DefaultMessageSourceResolvable("organization.type." + type.name()));
    }
}
