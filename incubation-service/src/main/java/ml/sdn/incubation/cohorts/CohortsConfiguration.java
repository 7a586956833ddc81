package ml.sdn.incubation.cohorts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class CohortsConfiguration {

    /** The indexes the rules rely on, created at start-up (the service does not start without them). */
    @Bean
    CohortIndexes cohortIndexes(MongoTemplate mongo) {
        return new CohortIndexes(mongo);
    }

    static final class CohortIndexes {

        CohortIndexes(MongoTemplate mongo) {
            // one cohort per edition, even when two organizers create it at the same moment
            mongo.indexOps(Cohort.COLLECTION).createIndex(new Index().on("editionId", Sort.Direction.ASC)
                    .unique().named("edition"));
        }
    }
}
