package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.cohorts.CohortMembers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The cohorts' seats, as the cohorts feature asks for them: incubatees not dropped. */
@Service
class CohortSeats implements CohortMembers {

    private final MongoTemplate mongo;

    CohortSeats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A cohort per edition: a handful of counts. */
    @Override
    public Map<String, Long> seatsTaken(Collection<String> cohortIds) {
        return cohortIds.stream().distinct().collect(Collectors.toMap(id -> id, id -> mongo.count(
                query(where("cohortId").is(id).and("status").ne(Incubatee.IncubateeStatus.DROPPED)), Incubatee.class)));
    }
}
