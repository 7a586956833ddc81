package ml.sdn.competition.jury;

import ml.sdn.competition.ServiceIT;
import ml.sdn.events.Topics;
import ml.sdn.testing.PublishedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the jury ITs share: the store, the fixtures, and one reader of what the service published on competition.jury. */
abstract class JuryIT extends ServiceIT {

    protected static final String API = "/api/competitions";
    protected static PublishedEvents juryEvents;

    @Autowired
    protected MongoTemplate mongo;

    protected JuryFixtures fixtures;

    @BeforeEach
    void setUpJury() {
        fixtures = new JuryFixtures(mongo);
        if (juryEvents == null) {
            juryEvents = new PublishedEvents(broker.getBrokersAsString(), Topics.COMPETITION_JURY);
        }
    }

    @AfterAll
    static void closeJuryEvents() {
        if (juryEvents != null) {
            juryEvents.close();
            juryEvents = null;
        }
    }
}
