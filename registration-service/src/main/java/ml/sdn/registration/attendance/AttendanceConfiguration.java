package ml.sdn.registration.attendance;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class AttendanceConfiguration {

    /** Attendance documents carry their pending events; the platform's relay publishes them. */
    @Bean
    OutboxCollection attendancesOutbox() {
        return new OutboxCollection(Attendance.COLLECTION);
    }

    /** The indexes the rules rely on, created at start-up (the service does not start without them). */
    @Bean
    AttendanceIndexes attendanceIndexes(MongoTemplate mongo) {
        return new AttendanceIndexes(mongo);
    }

    static final class AttendanceIndexes {

        AttendanceIndexes(MongoTemplate mongo) {
            var attendances = mongo.indexOps(Attendance.COLLECTION);
            // one registration per person and day
            attendances.createIndex(new Index().on("participantId", Sort.Direction.ASC).on("day", Sort.Direction.ASC)
                    .unique().named("participant_day"));
            // one place, one person: a place reference is bound to at most one attendance
            attendances.createIndex(new Index().on("placeRef", Sort.Direction.ASC).unique().sparse().named("place"));
            // the waiting list in order, and the day's counts
            attendances.createIndex(new Index().on("day", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                    .on("sequence", Sort.Direction.ASC).named("day_status_sequence"));
            // check-in by scanned code
            attendances.createIndex(new Index().on("badgeCode", Sort.Direction.ASC).on("day", Sort.Direction.ASC)
                    .named("badge_day"));
            // one badge per code
            mongo.indexOps(Badge.COLLECTION).createIndex(new Index().on("code", Sort.Direction.ASC).unique().named("code"));
            // one walk-in per person: registering them again, or importing a file twice, finds them
            mongo.indexOps(WalkIn.COLLECTION).createIndex(new Index().on("identityKey", Sort.Direction.ASC).unique()
                    .named("identity"));
            // a device's unused walk-in codes for the day, found at each download
            mongo.indexOps(WalkInCode.COLLECTION).createIndex(new Index().on("staffId", Sort.Direction.ASC)
                    .on("device", Sort.Direction.ASC).on("day", Sort.Direction.ASC).named("staff_device_day"));
        }
    }
}
