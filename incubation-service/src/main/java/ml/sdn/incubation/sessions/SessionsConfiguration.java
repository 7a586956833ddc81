package ml.sdn.incubation.sessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class SessionsConfiguration {

    /** Created at start-up (the service does not start without it). */
    @Bean
    SessionIndexes sessionIndexes(MongoTemplate mongo) {
        return new SessionIndexes(mongo);
    }

    static final class SessionIndexes {

        SessionIndexes(MongoTemplate mongo) {
            // one session per incubatee and start time: a POST repeated on a bad connection logs it once;
            // also the order of an incubatee's sessions, most recent first
            mongo.indexOps(CoachingSession.COLLECTION).createIndex(new Index().on("incubateeId", Sort.Direction.ASC)
                    .on("heldAt", Sort.Direction.DESC).unique().named("incubatee_held"));
        }
    }
}
