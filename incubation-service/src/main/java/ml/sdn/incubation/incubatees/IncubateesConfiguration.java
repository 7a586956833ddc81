package ml.sdn.incubation.incubatees;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class IncubateesConfiguration {

    /** The indexes enrolment and the lists rely on, created at start-up. */
    @Bean
    EnrolmentIndexes enrolmentIndexes(MongoTemplate mongo) {
        return new EnrolmentIndexes(mongo);
    }

    static final class EnrolmentIndexes {

        EnrolmentIndexes(MongoTemplate mongo) {
            // the candidates waiting for their edition's cohort
            mongo.indexOps(PendingEnrolment.COLLECTION).createIndex(new Index().on("editionId", Sort.Direction.ASC)
                    .named("edition"));
        }
    }
}
