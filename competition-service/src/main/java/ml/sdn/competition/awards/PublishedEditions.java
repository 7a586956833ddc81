package ml.sdn.competition.awards;

import ml.sdn.competition.editions.ResultsPublication;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Published results are stored under their edition's id, once: their presence is the publication. */
@Component
class PublishedEditions implements ResultsPublication {

    private final MongoTemplate mongo;

    PublishedEditions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean published(String editionId) {
        return mongo.exists(query(where("id").is(editionId)), PublishedResults.class);
    }
}
