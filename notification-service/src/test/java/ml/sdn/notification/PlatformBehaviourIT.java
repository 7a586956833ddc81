package ml.sdn.notification;

import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.testing.CreatingEndpoint;
import ml.sdn.testing.PlatformContract;
import ml.sdn.testing.TestIssuer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** What the platform gives this service (token checks, roles, country, problems, probes, OpenAPI), against the running service. */
class PlatformBehaviourIT extends IntegrationTestSupport implements PlatformContract {

    @Autowired
    MongoTemplate mongo;

    @Override
    public TestIssuer issuer() {
        return ISSUER;
    }

    @Override
    public String apiPrefix() {
        return "/api/notifications";
    }

    /** A message to a group, sent by an organizer to Niger (someone of Niger known here first, so it reaches someone). */
    @Override
    public List<CreatingEndpoint> creatingEndpoints() {
        return List.of(new CreatingEndpoint("POST /api/notifications/admin/broadcasts", username -> {
            Participant reader = Participant.named("Hadiza Moussa", "NE", "fr");
            publish(ParticipantRegistered.TYPE, reader.id(), reader.registered());
            await().atMost(Duration.ofSeconds(60)).until(() -> mongo.exists(query(where("_id").is(reader.id())), "recipients"));
            String organizer = ISSUER.token(username, "ML", "organizer");
            return new CreatingEndpoint.Creation(organizer,
                    new CreatingEndpoint.Request("/api/notifications/admin/broadcasts", message("Rappel")),
                    new CreatingEndpoint.Request("/api/notifications/admin/broadcasts", message("Autre rappel")),
                    () -> (int) mongo.getCollection("broadcasts").countDocuments(new Document("sentBy", TestIssuer.subjectOf(username))));
        }));
    }

    private static String message(String subject) {
        return """
                {"audience":"COUNTRY","country":"NE","subjectFr":"%s","bodyFr":"Rendez-vous à 9 h.","subjectEn":"Reminder",
                 "bodyEn":"See you at 9 a.m."}""".formatted(subject);
    }
}
