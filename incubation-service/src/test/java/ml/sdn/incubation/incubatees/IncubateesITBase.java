package ml.sdn.incubation.incubatees;

import ml.sdn.events.Topics;
import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.incubation.IncubationFixtures;
import ml.sdn.incubation.ServiceIT;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** What the incubatee ITs share: the store, fixtures, preselections sent to the real broker, published events. */
abstract class IncubateesITBase extends ServiceIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;

    private PublishedEvents incubateeEvents;

    IncubationFixtures fixtures() {
        return new IncubationFixtures(mongo);
    }

    /** The events published on incubation.incubatees, read from the beginning of the topic. */
    PublishedEvents incubateeEvents() {
        if (incubateeEvents == null) {
            incubateeEvents = new PublishedEvents(broker.getBrokersAsString(), Topics.INCUBATION_INCUBATEES);
        }
        return incubateeEvents;
    }

    @AfterEach
    void closeEvents() {
        if (incubateeEvents != null) {
            incubateeEvents.close();
            incubateeEvents = null;
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A token and its subject. */
    record Person(String username, String token) {

        String id() {
            return TestIssuer.subjectOf(username);
        }
    }

    Person person(String prefix, String country, String... roles) {
        String username = unique(prefix);
        return new Person(username, ISSUER.token(username, country, roles));
    }

    static ApplicationPreselected preselection(String applicationId, String editionId, String applicantId, String country,
                                               String categoryCode, boolean womenLed) {
        return new ApplicationPreselected(applicationId, "SDN3-SUC-0001", editionId, "category-" + categoryCode,
                categoryCode, applicantId, "organization-" + applicationId, "Sahel Agri Lab", country,
                "Irrigation solaire " + applicationId, womenLed, 1, null, Instant.now());
    }

    /** Sends the preselection as competition-service's relay would, to {@code partition} (null: by key). */
    void publish(ApplicationPreselected event, Integer partition, String eventId) {
        send(Topics.COMPETITION_APPLICATIONS, partition, event.applicationId(), eventId, ApplicationPreselected.TYPE.type(),
                JSON.writeValueAsString(event));
    }

    void publish(ApplicationPreselected event) {
        publish(event, null, UUID.randomUUID().toString());
    }

    /** The incubatee made of this application, waiting for the listener (up to 20 s). */
    Incubatee awaitIncubatee(String applicationId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> mongo.findOne(query(where("applicationId").is(applicationId)), Incubatee.class), found -> found != null);
    }

    List<Incubatee> incubateesOf(String applicationId) {
        return mongo.find(query(where("applicationId").is(applicationId)), Incubatee.class);
    }

    /** An incubatee enrolled straight into the store, with a coach (null for none). */
    Incubatee incubatee(Cohort cohort, String participantId, String coachId, String country) {
        return fixtures().incubatee(cohort, participantId, coachId, country);
    }

    /** Sets what the scheduled check would have found. */
    void flagAtRisk(String incubateeId, List<String> reasons, int overdue) {
        mongo.updateFirst(query(where("id").is(incubateeId)), new Update().set("risk",
                new Incubatee.Risk(true, reasons, overdue, Instant.now(), Instant.now())), Incubatee.class);
    }

    void lastSessionAt(String incubateeId, Instant at) {
        mongo.updateFirst(query(where("id").is(incubateeId)), new Update().set("lastSessionAt", at), Incubatee.class);
    }
}
