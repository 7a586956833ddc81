package ml.sdn.registration.attendance;

import ml.sdn.registration.participants.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Attendance's part of a person's export and erasure. */
@Component
class AttendancePersonalData implements PersonalData {

    private final Attendances attendances;
    private final WalkInCodes walkInCodes;
    private final MongoTemplate mongo;

    AttendancePersonalData(Attendances attendances, WalkInCodes walkInCodes, MongoTemplate mongo) {
        this.attendances = attendances;
        this.walkInCodes = walkInCodes;
        this.mongo = mongo;
    }

    @Override
    public String section() {
        return "attendance";
    }

    @Override
    public AttendanceExport exportOf(String participantId) {
        return attendances.exportOf(participantId);
    }

    /**
     * Future registrations are cancelled (their places go to the waiting lists), then the person is cut from every
     * attendance. The record of the badge they claimed (registered without an account: name, phone, e-mail) goes
     * with the codes' link to it, and, for door staff, the codes set aside for their phones.
     */
    @Override
    public void erase(String participantId) {
        attendances.erase(participantId);
        for (WalkIn claimed : mongo.find(query(where("claimedBy").is(participantId)), WalkIn.class)) {
            walkInCodes.forgetWalkIn(claimed.id());
            mongo.remove(query(where("_id").is(claimed.id())), WalkIn.class);
        }
        walkInCodes.forgetStaff(participantId);
    }
}
