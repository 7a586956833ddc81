package ml.sdn.registration.organizations;

import ml.sdn.platform.security.Caller;
import ml.sdn.registration.participants.PersonalData;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organisations part of a person's export and erasure.
 * <p>
 * Export: the organisations they own or belong to (as they see them), and the invitations sent to them.
 * <p>
 * Erasure: organisations belong to a team, so they stay; the person's member entry keeps its role and lead
 * flag but loses their account id, name (null) and gender (NOT_STATED), so the team's size does not change
 * but nothing points to the person any more. An organisation they owned passes to its lead if the lead has
 * an account, else to the first member with one, else to nobody (it stays visible to organizers, and
 * nobody can edit it). {@code womenLed} is recomputed; each organisation changed gets an OrganizationUpdated
 * event (which also carries the anonymised members to the other services). Invitations addressed to them
 * are deleted, their memberships freed. Running it again changes nothing.
 */
@Component
class OrganizationsPersonalData implements PersonalData {

    private final MongoTemplate mongo;
    private final Organizations organizations;
    private final Memberships memberships;
    private final ParticipantProfiles profiles;
    private final Clock clock = Clock.systemUTC();

    OrganizationsPersonalData(MongoTemplate mongo, Organizations organizations, Memberships memberships,
                              ParticipantProfiles profiles) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.memberships = memberships;
        this.profiles = profiles;
    }

    @Override
    public String section() {
        return "organizations";
    }

    @Override
    public Object exportOf(String participantId) {
        Caller person = new Caller(participantId, null, null, null, Set.of("participant"), null);
        Instant now = now();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("organizations", organizations.mine(person));
        export.put("invitations", mongo.find(new Query(addressedTo(participantId)).with(Sort.by("createdAt")), Invitation.class)
                .stream().map(invitation -> InvitationView.of(invitation, now)).toList());
        return export;
    }

    @Override
    public void erase(String participantId) {
        for (Organization organization : mongo.find(new Query(Organizations.mineCriteria(participantId)), Organization.class)) {
            organizations.retrying(() -> {
                Organization current = mongo.findById(organization.id(), Organization.class);
                if (current != null && current.erase(participantId, now())) {
                    mongo.save(current);
                }
                return null;
            });
        }
        mongo.remove(new Query(addressedTo(participantId)), Invitation.class);
        memberships.releaseAll(participantId);
    }

    /** Invitations to the person: known as the invitee, accepted by them, or sent to their profile's address. */
    private Criteria addressedTo(String participantId) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("inviteeId").is(participantId));
        any.add(Criteria.where("acceptedBy").is(participantId));
        profiles.of(participantId).map(ParticipantProfiles.Profile::email).filter(email -> email != null && email.contains("@"))
                .ifPresent(email -> any.add(Criteria.where("emailKey").is(email.strip().toLowerCase(Locale.ROOT))));
        return new Criteria().orOperator(any);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
