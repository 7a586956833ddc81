package ml.sdn.incubation.incubatees;

import ml.sdn.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.util.Optional;

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

    /** Whether {@code caller} is the incubatee's current coach. */
    public static boolean isCoachOf(Caller caller, Incubatee incubatee) {
        return caller.hasRole("coach") && caller.id().equals(incubatee.coachId());
    }
}
