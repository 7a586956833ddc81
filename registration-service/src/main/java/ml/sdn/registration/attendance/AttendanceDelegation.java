package ml.sdn.registration.attendance;

import ml.sdn.registration.participants.DelegationFollower;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A person moved to another delegation is counted in it: every attendance of theirs takes the new country
 * (the statistics count attendances by country). One idempotent multi-update.
 */
@Component
class AttendanceDelegation implements DelegationFollower {

    private final MongoTemplate mongo;

    AttendanceDelegation(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void follow(String participantId, String country) {
        mongo.updateMulti(query(where("participantId").is(participantId).and("country").ne(country)),
                new Update().set("country", country), Attendance.class);
    }
}
