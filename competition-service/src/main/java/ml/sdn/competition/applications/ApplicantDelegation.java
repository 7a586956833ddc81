package ml.sdn.competition.applications;

import ml.sdn.competition.registrations.ParticipantCopyChanged;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A person moved to another delegation by an organizer: their drafts take the new country (a coordinator
 * sees their delegation's drafts). Submitted and withdrawn applications keep the delegation they were
 * submitted in: their receipts, rankings and awards were decided under it. Idempotent.
 */
@Service
public class ApplicantDelegation {

    private final MongoTemplate mongo;

    ApplicantDelegation(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener
    void on(ParticipantCopyChanged.Moved moved) {
        follow(moved.participantId(), moved.country());
    }

    public void follow(String participantId, String country) {
        mongo.updateMulti(query(where("applicantId").is(participantId).and("status").is(ApplicationStatus.DRAFT)
                        .and("country").ne(country)),
                new Update().set("country", country).inc("version", 1), Application.class);
    }
}
