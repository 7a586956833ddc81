package ml.sdn.registration.organizations;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.events.registration.MemberInvited;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Members join by invitation: the owner invites an e-mail address, the invitee signs in with it and
 * accepts with the one-time token from the link. The token is spent by one atomic
 * PENDING → ACCEPTED change, so two people cannot both use it; the organisation records the invitation
 * in the write that adds the member, so the link lets its invitee in once (a second click during the
 * join finishes that same join; after it, or after the owner removed them, it is 409 used).
 */
@Service
class Invitations {

    /** Where the portal takes the invitee; the token follows. */
    static final String ACCEPT_PATH = "/invitations/accept?token=";
    /** How long a spent or expired invitation is kept (so that its link still says why it no longer works). */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);
    private static final int LISTED = 100;
    /** Pending invitations of one organisation: each sends an e-mail, so an owner cannot use the platform to spam. */
    static final int MAX_PENDING = 20;

    private final MongoTemplate mongo;
    private final Organizations organizations;
    private final Memberships memberships;
    private final ParticipantProfiles profiles;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();

    Invitations(MongoTemplate mongo, Organizations organizations, Memberships memberships, ParticipantProfiles profiles,
                @Value("${sdn.organizations.invitation-ttl:7d}") Duration ttl) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.memberships = memberships;
        this.profiles = profiles;
        this.ttl = ttl;
    }

    InvitationView invite(Caller caller, String organizationId, InvitationRequest request) {
        Organization organization = organizations.owned(caller, organizationId);
        if (request.memberId() != null && organization.declaredMember(request.memberId()).isEmpty()) {
            throw new FieldRejectedException("memberId", "invitation.member.unknown");
        }
        if (request.memberId() == null && organization.isFull()) {
            throw new ConflictException("organization.full", Organization.MAX_MEMBERS);
        }
        if (mongo.count(new Query(Criteria.where("organizationId").is(organizationId).and("status").is(Invitation.Status.PENDING)
                .and("expiresAt").gt(now())), Invitation.class) >= MAX_PENDING) {
            throw new ConflictException("invitation.too-many", MAX_PENDING);
        }
        String email = request.email().strip();
        String emailKey = email.toLowerCase(Locale.ROOT);
        Optional<ParticipantProfiles.Profile> invitee = profiles.byEmail(emailKey);
        if (invitee.isPresent() && organization.hasMember(invitee.get().id())) {
            throw new ConflictException("invitation.already-member");
        }
        // French unless the invitee is a participant who chose English
        String language = invitee.map(ParticipantProfiles.Profile::preferredLanguage).filter("en"::equals).orElse("fr");
        Instant now = now();
        Instant expiresAt = now.plus(ttl);
        InvitationToken token = InvitationToken.generate();
        String id = UUID.randomUUID().toString();
        String inviterName = Organizations.nameOf(caller, profiles.of(caller.id()).orElse(null));
        // keyed by the organisation, so that its invitations and its other events stay in order on one partition
        PendingEvent invited = PendingEvent.of(MemberInvited.TYPE, organizationId, new MemberInvited(id, organizationId,
                organization.name(), caller.id(), inviterName, email, request.role().strip(), language,
                ACCEPT_PATH + token.value(), expiresAt));
        Invitation invitation = new Invitation(id, organizationId, organization.name(), email, emailKey, request.role().strip(),
                request.gender() == null ? null : Gender.valueOf(request.gender()), request.memberId(),
                invitee.map(ParticipantProfiles.Profile::id).orElse(null), token.hash(), Invitation.Status.PENDING,
                caller.id(), now, expiresAt, expiresAt.plus(KEPT_AFTER_EXPIRY), null, null, List.of(invited));
        // inviting the same address again (a lost e-mail) replaces the pending invitation: its link stops working,
        // and its e-mail, if still waiting, is not sent
        mongo.updateMulti(new Query(Criteria.where("organizationId").is(organizationId).and("emailKey").is(emailKey)
                .and("status").is(Invitation.Status.PENDING)), withdrawn(), Invitation.class);
        return InvitationView.of(mongo.insert(invitation), now);
    }

    List<InvitationView> of(Caller caller, String organizationId) {
        organizations.owned(caller, organizationId);
        Instant now = now();
        Query query = new Query(Criteria.where("organizationId").is(organizationId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(LISTED);
        return mongo.find(query, Invitation.class).stream().map(invitation -> InvitationView.of(invitation, now)).toList();
    }

    void revoke(Caller caller, String organizationId, String invitationId) {
        organizations.owned(caller, organizationId);
        Criteria ofOrganization = Criteria.where("_id").is(invitationId).and("organizationId").is(organizationId);
        Invitation revoked = mongo.findAndModify(new Query(Criteria.where("_id").is(invitationId).and("organizationId")
                        .is(organizationId).and("status").is(Invitation.Status.PENDING)), withdrawn(), Invitation.class);
        if (revoked == null) {
            if (mongo.exists(new Query(ofOrganization), Invitation.class)) {
                throw new ConflictException("invitation.not-pending");
            }
            throw new NotFoundException("invitation.not-found");
        }
    }

    /** A withdrawn invitation: its link stops working and its e-mail, if the relay has not sent it yet, never goes. */
    private static Update withdrawn() {
        return new Update().set("status", Invitation.Status.REVOKED).set("outbox", List.of());
    }

    OrganizationView accept(Caller caller, String token) {
        ParticipantProfiles.Profile profile = organizations.requireProfile(caller);
        Invitation invitation = mongo.findOne(new Query(Criteria.where("tokenHash").is(InvitationToken.hashOf(token))),
                Invitation.class);
        if (invitation == null) {
            throw new NotFoundException("invitation.not-found");
        }
        // The link travels by e-mail and can be forwarded, leaked, or left in a shared phone's history: only the
        // account signed in with the invited address may use it, so holding the link is not enough to join a team.
        if (caller.email() == null || !invitation.emailKey().equals(caller.email().strip().toLowerCase(Locale.ROOT))) {
            throw new OrganizationProblem(Refusal.NOT_ALLOWED, "invitation.other-email");
        }
        // … and that address must be proven theirs: anyone can sign up with an address they do not read
        if (!caller.emailVerified()) {
            throw new OrganizationProblem(Refusal.NOT_ALLOWED, "invitation.email-unverified");
        }
        Organization organization = mongo.findById(invitation.organizationId(), Organization.class);
        if (organization == null) {
            throw new NotFoundException("invitation.not-found");
        }
        Instant now = now();
        if (invitation.status() == Invitation.Status.ACCEPTED) {
            // accepted, but the join was interrupted before the organisation was written: finish it. Not when the
            // organisation has recorded a join with it: the person was a member since, and the owner removed them.
            if (caller.id().equals(invitation.acceptedBy()) && !organization.hasMember(caller.id())
                    && !organization.usedInvitation(invitation.id())) {
                boolean claimed = memberships.claim(caller.id(), organization.type(), organization.id());
                return joinOrGiveBack(caller, profile, invitation, claimed);
            }
            throw new ConflictException("invitation.used");
        }
        refuseUnusable(invitation, now);
        if (organization.hasMember(caller.id())) {
            throw new ConflictException("invitation.already-member");
        }
        if (!organization.hasRoomFor(invitation.memberId())) {
            throw new ConflictException("organization.full", Organization.MAX_MEMBERS);
        }
        boolean claimed = memberships.claim(caller.id(), organization.type(), organization.id());
        Invitation spent = mongo.findAndModify(new Query(Criteria.where("_id").is(invitation.id())
                        .and("status").is(Invitation.Status.PENDING).and("expiresAt").gt(now)),
                new Update().set("status", Invitation.Status.ACCEPTED).set("acceptedBy", caller.id()).set("acceptedAt", now),
                FindAndModifyOptions.options().returnNew(true), Invitation.class);
        if (spent == null) {
            Invitation current = mongo.findById(invitation.id(), Invitation.class);
            // the claim is shared with a concurrent accept of the same link by the same person: if that one won, it keeps it
            boolean wonByThisCaller = current != null && caller.id().equals(current.acceptedBy());
            if (claimed && !wonByThisCaller) {
                memberships.release(caller.id(), organization.type(), organization.id());
            }
            if (current != null) {
                refuseUnusable(current, now);
            }
            throw new ConflictException("invitation.used");
        }
        return joinOrGiveBack(caller, profile, spent, claimed);
    }

    /**
     * Joins; if the organisation has filled up since the checks (another invitee was quicker), the invitation is
     * pending again, usable once a place frees up, and the person's claim on the type is released if this call made it.
     */
    private OrganizationView joinOrGiveBack(Caller caller, ParticipantProfiles.Profile profile, Invitation invitation,
                                            boolean claimed) {
        try {
            return join(caller, profile, invitation);
        } catch (NoRoom full) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(invitation.id()).and("status").is(Invitation.Status.ACCEPTED)
                            .and("acceptedBy").is(caller.id())),
                    new Update().set("status", Invitation.Status.PENDING).unset("acceptedBy").unset("acceptedAt"), Invitation.class);
            if (claimed) {
                memberships.release(caller.id(), full.organization().type(), full.organization().id());
            }
            throw new ConflictException("organization.full", Organization.MAX_MEMBERS);
        }
    }

    /** The organisation filled up between the checks and the join. */
    private static final class NoRoom extends RuntimeException {

        private final transient Organization organization;

        NoRoom(Organization organization) {
            super(null, null, false, false);
            this.organization = organization;
        }

        Organization organization() {
            return organization;
        }
    }

    private OrganizationView join(Caller caller, ParticipantProfiles.Profile profile, Invitation invitation) {
        return organizations.retrying(() -> {
            Organization organization = mongo.findById(invitation.organizationId(), Organization.class);
            if (organization == null) {
                throw new NotFoundException("invitation.not-found");
            }
            if (organization.hasMember(caller.id())) {
                // a concurrent accept of the same link by the same person has just let them in
                return OrganizationView.of(organization, caller);
            }
            if (organization.usedInvitation(invitation.id())) {
                throw new ConflictException("invitation.used");
            }
            // checked again here, on the copy that is saved: two invitees accepting at once could both have passed
            // the first check; the save's version check makes the one that loses the race read again and stop here
            if (!organization.hasRoomFor(invitation.memberId())) {
                throw new NoRoom(organization);
            }
            // the person's own statement first, then the owner's
            Gender gender = profile.gender() != null ? profile.gender()
                    : invitation.gender() != null ? invitation.gender()
                    : Optional.ofNullable(invitation.memberId()).flatMap(organization::declaredMember).map(Member::gender)
                    .orElse(Gender.NOT_STATED);
            organization.join(caller.id(), Organizations.nameOf(caller, profile), invitation.role(), gender,
                    invitation.memberId(), invitation.id(), now());
            return OrganizationView.of(mongo.save(organization), caller);
        });
    }

    private static void refuseUnusable(Invitation invitation, Instant now) {
        if (invitation.status() == Invitation.Status.ACCEPTED) {
            throw new ConflictException("invitation.used");
        }
        if (invitation.status() == Invitation.Status.REVOKED) {
            throw new OrganizationProblem(Refusal.GONE, "invitation.revoked");
        }
        if (invitation.expiredAt(now)) {
            throw new OrganizationProblem(Refusal.GONE, "invitation.expired");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
