package ml.sdn.incubation.erasure;

import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.milestones.Milestone;
import ml.sdn.incubation.sessions.CoachingIT;
import ml.sdn.incubation.sessions.CoachingSession;
import ml.sdn.testing.ServiceApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** registration's participant-erased event, from the real broker: names go, ids stay. */
class ParticipantErasureIT extends CoachingIT {

    @Autowired
    ParticipantErasure erasure;

    private String session(Incubation incubation) {
        ServiceApi.Response response = api().postJson(API + "/incubatees/" + incubation.id() + "/sessions",
                incubation.coach().token(), """
                        {"heldAt": "%s", "durationMinutes": 60, "mode": "REMOTE", "topics": ["Tarification"]}
                        """.formatted(minutesAgo(90)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private void erased(String personId) {
        send(Topics.REGISTRATION_PARTICIPANTS, null, personId, UUID.randomUUID().toString(), ParticipantErased.TYPE.type(),
                "{\"participantId\": \"%s\", \"erasedAt\": \"%s\"}".formatted(personId, Instant.now()));
    }

    @Test
    void an_erased_person_keeps_their_ids_in_histories_and_sessions_but_loses_their_name() {
        Incubation incubation = incubationWithMilestones(40);
        String mvp = incubation.id() + ":mvp";
        assertThat(api().postJson(API + "/milestones/" + mvp + "/submit", incubation.participant().token(),
                "{\"evidenceUrl\": \"https://example.org/mvp\"}").status()).isEqualTo(200);
        assertThat(api().post(API + "/milestones/" + mvp + "/validate", incubation.coach().token()).status()).isEqualTo(200);
        String sessionId = session(incubation);
        mongo.getCollection("incubation_coaches").insertOne(new Document("_id", incubation.coach().id())
                .append("name", incubation.coach().username()).append("onRoster", true));
        // someone else's session keeps its name
        Incubation other = incubation(40);
        String otherSession = session(other);

        erased(incubation.coach().id());

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(sessionId, CoachingSession.class).coachName() == null);
        CoachingSession session = mongo.findById(sessionId, CoachingSession.class);
        assertThat(session.coachId()).isEqualTo(incubation.coach().id());
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(mvp, Milestone.class).history().get(1).byName() == null);
        Milestone milestone = mongo.findById(mvp, Milestone.class);
        assertThat(milestone.history()).extracting(Milestone.Transition::byId)
                .containsExactly(incubation.participant().id(), incubation.coach().id());
        assertThat(milestone.history().get(0).byName()).as("the incubatee was not erased")
                .isEqualTo(incubation.participant().username());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.findById(incubation.id(), Incubatee.class).coachHistory().get(0).coachName() == null);
        assertThat(mongo.findById(incubation.id(), Incubatee.class).coachHistory().get(0).coachId()).isEqualTo(incubation.coach().id());
        await().atMost(Duration.ofSeconds(20)).until(() -> incubation.coach().id().equals(
                mongo.getCollection("incubation_coaches").find(new Document("_id", incubation.coach().id())).first().get("name")));
        assertThat(mongo.findById(otherSession, CoachingSession.class).coachName()).isEqualTo(other.coach().username());

        // the incubatee erased too; the event delivered again changes nothing more
        erased(incubation.participant().id());
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(mvp, Milestone.class).history().get(0).byName() == null);
        assertThat(erasure.forget(incubation.participant().id())).as("documents changed by a second delivery").isZero();
        assertThat(erasure.forget(incubation.coach().id())).isZero();
        assertThat(mongo.findById(other.id(), Incubatee.class).coachHistory().get(0).coachName()).isNotNull();
    }
}
