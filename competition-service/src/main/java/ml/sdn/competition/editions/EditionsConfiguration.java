package ml.sdn.competition.editions;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class EditionsConfiguration {

    /**
     * The uniqueness rules, held by the store even when two organizers create at once: one edition per
     * number, one category per code in an edition; and the "current edition" lookup.
     */
    @Bean
    SmartInitializingSingleton editionIndexes(MongoTemplate mongo) {
        return () -> {
            mongo.indexOps(Edition.class).createIndex(new Index().on("number", Sort.Direction.ASC).unique()
                    .named("number_unique"));
            mongo.indexOps(Edition.class).createIndex(new Index().on("endDate", Sort.Direction.ASC)
                    .on("number", Sort.Direction.DESC).named("endDate_number"));
            mongo.indexOps(Category.class).createIndex(new Index().on("editionId", Sort.Direction.ASC)
                    .on("code", Sort.Direction.ASC).unique().named("editionId_code_unique"));
        };
    }
}
