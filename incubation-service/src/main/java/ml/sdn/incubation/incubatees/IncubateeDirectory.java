package ml.sdn.incubation.incubatees;

import ml.sdn.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The one place that answers "may this person see this incubatee": organizers all, a coach the
 * incubatees assigned to them, the incubatee (the applicant) their own record; coordinators read
 * summaries only, not records. Sessions and milestones ask it before showing anything.
 */
@Service
public class IncubateeDirectory {

    private final MongoTemplate mongo;

    IncubateeDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Incubatee> find(String incubateeId) {
        return Optional.ofNullable(mongo.findById(incubateeId, Incubatee.class));
    }

    /** The incubatee if {@code caller} may see it; empty otherwise (callers answer 404, revealing nothing). */
    public Optional<Incubatee> visibleTo(Caller caller, String incubateeId) {
        return find(incubateeId).filter(incubatee -> caller.hasRole("organizer")
                || caller.hasRole("coach") && caller.id().equals(incubatee.coachId())
                || caller.id().equals(incubatee.participantId()));
    }

    /**
     * Erasure: the coach's name leaves incubatees' coach histories (the id stays) and their roster entry is
     * named by their id, as one enlisted without a name is. Returns the documents changed (none the second time).
     */
    public long forgetNameOf(String personId) {
        long incubatees = mongo.updateMulti(query(where("coachHistory").elemMatch(where("coachId").is(personId)
                                .and("coachName").ne(null))),
                        new Update().set("coachHistory.$[assignment].coachName", null)
                                .filterArray(where("assignment.coachId").is(personId)),
                        Incubatee.class)
                .getModifiedCount();
        long roster = mongo.updateFirst(query(where("_id").is(personId).and("name").ne(personId)),
                new Update().set("name", personId), CoachRosterEntry.COLLECTION).getModifiedCount();
        return incubatees + roster;
    }

    /** Whether {@code caller} is the incubatee's current coach. */
    public static boolean isCoachOf(Caller caller, Incubatee incubatee) {
        return caller.hasRole("coach") && caller.id().equals(incubatee.coachId());
    }
}
