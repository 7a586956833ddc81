package ml.sdn.incubation.sessions;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.incubation.SessionLogged;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Coaching sessions: logged by the coach, read by the incubatee without private notes, attendance confirmed once. */
class SessionsIT extends CoachingIT {

    private static String sessionJson(String heldAt, String privateNotes) {
        return """
                {"heldAt": "%s", "durationMinutes": 90, "mode": "AT_THE_CENTRE",
                 "topics": ["Modèle économique", "Tarification"],
                 "notes": "Revoir la grille tarifaire avec deux clients pilotes.",
                 "privateNotes": "%s",
                 "actions": [{"description": "Appeler deux maraîchers de Ségou", "dueDate": "%s"}]}
                """.formatted(heldAt, privateNotes, LocalDate.now(BAMAKO).plusDays(7));
    }

    private String logged(Incubation incubation, String heldAt) {
        ServiceApi.Response response = api().postJson(API + "/incubatees/" + incubation.id() + "/sessions",
                incubation.coach().token(), sessionJson(heldAt, "Fragile sur la trésorerie"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private Incubatee reload(Incubation incubation) {
        return mongo.findById(incubation.id(), Incubatee.class);
    }

    @Test
    void a_coach_logs_a_session_and_session_logged_goes_out_without_the_private_notes() {
        Incubation incubation = incubation(40);
        String heldAt = minutesAgo(120);

        ServiceApi.Response response = api().postJson(API + "/incubatees/" + incubation.id() + "/sessions",
                incubation.coach().token(), sessionJson(heldAt, "Tensions entre associés"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode session = response.json();
        String id = session.get("id").asString();
        assertThat(response.header("Location")).isEqualTo(API + "/sessions/" + id);
        assertThat(session.get("incubateeId").asString()).isEqualTo(incubation.id());
        assertThat(session.get("coachId").asString()).isEqualTo(incubation.coach().id());
        assertThat(session.get("coachName").asString()).isEqualTo(incubation.coach().username());
        assertThat(LocalDateTime.parse(session.get("heldAt").asString())).isEqualTo(LocalDateTime.parse(heldAt));
        assertThat(session.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(session.get("mode").asString()).isEqualTo("AT_THE_CENTRE");
        assertThat(session.get("topics").toString()).isEqualTo("[\"Modèle économique\",\"Tarification\"]");
        assertThat(session.get("privateNotes").asString()).isEqualTo("Tensions entre associés");
        assertThat(session.get("actions").get(0).get("dueDate").asString()).isEqualTo(LocalDate.now(BAMAKO).plusDays(7).toString());
        assertThat(session.get("attendanceConfirmedAt").isNull()).isTrue();
        assertThat(session.get("loggedAt").isNull()).isFalse();

        ConsumerRecord<String, String> record = events(Topics.INCUBATION_SESSIONS).awaitRecord(incubation.id(),
                SessionLogged.TYPE.type(), event -> id.equals(event.get("sessionId").asString()));
        JsonNode event = PublishedEvents.payload(record);
        assertThat(event.get("participantId").asString()).isEqualTo(incubation.participant().id());
        assertThat(event.get("coachId").asString()).isEqualTo(incubation.coach().id());
        assertThat(event.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(event.get("mode").asString()).isEqualTo("AT_THE_CENTRE");
        assertThat(Instant.parse(event.get("heldAt").asString()))
                .isEqualTo(LocalDateTime.parse(heldAt).atZone(BAMAKO).toInstant());
        assertThat(record.value()).doesNotContain("Tensions").doesNotContain("grille tarifaire");
        assertThat(PublishedEvents.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/sdn/incubation-service");
        assertThat(reload(incubation).lastSessionAt()).isEqualTo(LocalDateTime.parse(heldAt).atZone(BAMAKO).toInstant());
    }

    @Test
    void the_most_recent_session_is_the_last_contact_however_late_an_older_one_is_logged() {
        Incubation incubation = incubation(40);
        String twoDaysAgo = minutesAgo(2 * 24 * 60);
        logged(incubation, twoDaysAgo);
        logged(incubation, minutesAgo(5 * 24 * 60));

        assertThat(reload(incubation).lastSessionAt()).isEqualTo(LocalDateTime.parse(twoDaysAgo).atZone(BAMAKO).toInstant());
        JsonNode page = api().get(API + "/incubatees/" + incubation.id() + "/sessions", incubation.coach().token()).json();
        assertThat(page.get("totalElements").asInt()).isEqualTo(2);
        assertThat(LocalDateTime.parse(page.get("content").get(0).get("heldAt").asString()))
                .as("most recent first").isEqualTo(LocalDateTime.parse(twoDaysAgo));
    }

    @Test
    void the_incubatee_never_reads_the_private_notes_their_coach_and_organizers_do() {
        Incubation incubation = incubation(40);
        String id = logged(incubation, minutesAgo(60));
        String list = API + "/incubatees/" + incubation.id() + "/sessions";

        ServiceApi.Response ownList = api().get(list, incubation.participant().token());
        ServiceApi.Response ownOne = api().get(API + "/sessions/" + id, incubation.participant().token());
        ServiceApi.Response confirmed = api().post(API + "/sessions/" + id + "/attendance", incubation.participant().token());

        for (ServiceApi.Response response : new ServiceApi.Response[]{ownList, ownOne, confirmed}) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).doesNotContain("privateNotes").doesNotContain("trésorerie");
        }
        assertThat(ownList.json().get("content").get(0).get("notes").asString()).startsWith("Revoir la grille");
        assertThat(api().get(list, incubation.coach().token()).json().get("content").get(0).get("privateNotes").asString())
                .isEqualTo("Fragile sur la trésorerie");
        assertThat(api().get(API + "/sessions/" + id, organizer().token()).json().get("privateNotes").asString())
                .isEqualTo("Fragile sur la trésorerie");
    }

    @Test
    void the_incubatee_confirms_attendance_once() {
        Incubation incubation = incubation(40);
        String id = logged(incubation, minutesAgo(60));
        String attendance = API + "/sessions/" + id + "/attendance";

        assertProblem(api().post(attendance, incubation.coach().token()), 403);
        ServiceApi.Response first = api().post(attendance, incubation.participant().token());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("attendanceConfirmedAt").isNull()).isFalse();
        ServiceApi.Response again = api().post(attendance, incubation.participant().token());
        assertProblem(again, 409);
        assertThat(api().get(API + "/sessions/" + id, incubation.coach().token()).json().get("attendanceConfirmedAt").asString())
                .isEqualTo(first.json().get("attendanceConfirmedAt").asString());
    }

    @Test
    void the_same_session_sent_twice_is_logged_once() {
        Incubation incubation = incubation(40);
        String heldAt = minutesAgo(30);
        logged(incubation, heldAt);

        ServiceApi.Response again = api().postJson(API + "/incubatees/" + incubation.id() + "/sessions",
                organizer().token(), sessionJson(heldAt, ""), "Accept-Language", "en");

        assertProblem(again, 409);
        assertThat(again.json().get("detail").asString()).contains("already logged");
        assertThat(api().get(API + "/incubatees/" + incubation.id() + "/sessions", incubation.coach().token())
                .json().get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void an_organizer_logs_a_session_for_an_incubatee_without_a_coach() {
        Incubation incubation = incubation(40);
        mongo.updateFirst(query(where("id").is(incubation.id())), new Update().unset("coachId"), Incubatee.class);
        ServiceApi.Response response = api().postJson(API + "/incubatees/" + incubation.id() + "/sessions",
                organizer().token(), sessionJson(minutesAgo(10), ""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("privateNotes").isNull()).as("blank private notes are kept as none").isTrue();
    }

    @Test
    void a_session_cannot_be_in_the_future_nor_before_the_cohort_nor_agree_actions_due_before_it() {
        Incubation incubation = incubation(10);
        String sessions = API + "/incubatees/" + incubation.id() + "/sessions";
        String token = incubation.coach().token();

        assertRejected(api().postJson(sessions, token, sessionJson(minutesAgo(-24 * 60), "")), "heldAt");
        ServiceApi.Response beforeCohort = api().postJson(sessions, token, sessionJson(minutesAgo(11 * 24 * 60), ""),
                "Accept-Language", "en");
        assertRejected(beforeCohort, "heldAt");
        assertThat(beforeCohort.body()).contains(incubation.cohort().startDate());
        String lateAction = """
                {"heldAt": "%s", "durationMinutes": 30, "mode": "REMOTE", "topics": ["Suivi"],
                 "actions": [{"description": "Déjà fait ?", "dueDate": "%s"}]}
                """.formatted(minutesAgo(60), LocalDate.now(BAMAKO).minusDays(3));
        assertRejected(api().postJson(sessions, token, lateAction), "actions[0].dueDate");
        assertThat(reload(incubation).lastSessionAt()).isNull();
    }

    @Test
    void every_fault_of_a_session_form_comes_in_one_answer_the_rules_with_the_field_checks() {
        Incubation incubation = incubation(10);
        String sessions = API + "/incubatees/" + incubation.id() + "/sessions";
        ServiceApi.Response refused = api().postJson(sessions, incubation.coach().token(), """
                {"heldAt": "%s", "durationMinutes": 2, "mode": "REMOTE", "topics": [],
                 "actions": [{"description": "Tester trois prix", "dueDate": "%s"}, {"description": "", "dueDate": "%s"}]}
                """.formatted(minutesAgo(60), LocalDate.now(BAMAKO).minusDays(3), LocalDate.now(BAMAKO).plusDays(7)));

        assertRejected(refused, "durationMinutes", "topics", "actions[0].dueDate", "actions[1].description");
        assertThat(reload(incubation).lastSessionAt()).isNull();
    }

    @Test
    void bad_bodies_are_refused_naming_each_field() {
        Incubation incubation = incubation(40);
        String sessions = API + "/incubatees/" + incubation.id() + "/sessions";
        String token = incubation.coach().token();

        assertRejected(api().postJson(sessions, token, "{}"), "heldAt", "durationMinutes", "mode", "topics");
        assertRejected(api().postJson(sessions, token, """
                {"heldAt": "%s", "durationMinutes": 4, "mode": "REMOTE", "topics": []}
                """.formatted(minutesAgo(10))), "durationMinutes", "topics");
        assertRejected(api().postJson(sessions, token, """
                {"heldAt": "%s", "durationMinutes": 601, "mode": "REMOTE", "topics": ["ok", " ", "%s"],
                 "notes": "%s", "privateNotes": "%s",
                 "actions": [{"description": "", "dueDate": null}, null]}
                """.formatted(minutesAgo(10), "x".repeat(101), "n".repeat(4001), "p".repeat(4001))),
                "durationMinutes", "topics[1]", "topics[2]", "notes", "privateNotes", "actions[0].description",
                "actions[0].dueDate", "actions[1]");
        assertRejected(api().postJson(sessions, token, """
                {"heldAt": "%s", "durationMinutes": 30, "mode": "BY_PIGEON", "topics": ["ok"]}
                """.formatted(minutesAgo(10))), "mode");
        assertRejected(api().postJson(sessions, token, """
                {"heldAt": "hier", "durationMinutes": 30, "mode": "REMOTE", "topics": ["ok"]}
                """), "heldAt");
        assertRejected(api().postJson(sessions, token, """
                {"heldAt": "%s", "durationMinutes": 30, "mode": "REMOTE", "topics": ["ok"],
                 "actions": [{"description": "x", "dueDate": "2026-02-30"}]}
                """.formatted(minutesAgo(10))), "actions[0].dueDate");
        String eleven = "[" + "\"t\",".repeat(10) + "\"t\"]";
        String tooMany = "[" + "{\"description\": \"a\", \"dueDate\": \"2099-01-01\"},".repeat(20)
                + "{\"description\": \"a\", \"dueDate\": \"2099-01-01\"}]";
        assertRejected(api().postJson(sessions, token, """
                {"heldAt": "%s", "durationMinutes": 30, "mode": "REMOTE", "topics": %s, "actions": %s}
                """.formatted(minutesAgo(10), eleven, tooMany)), "topics", "actions");
        assertRejected(api().postJson(sessions, token, "pas du json"), "body");
        assertRejected(api().get(API + "/incubatees/" + incubation.id() + "/sessions?page=-1&size=101", token), "page", "size");
        assertRejected(api().get(API + "/incubatees/" + incubation.id() + "/sessions?size=abc", token), "size");
    }

    @Test
    void nobody_else_logs_reads_or_confirms_a_session() {
        Incubation incubation = incubation(40);
        String id = logged(incubation, minutesAgo(60));
        String sessions = API + "/incubatees/" + incubation.id() + "/sessions";
        String body = sessionJson(minutesAgo(30), "intrus");
        Person otherCoach = person("coach-other", "ML", "coach");
        Person otherParticipant = person("participant-other", "NE", "participant");
        String coordinator = person("coordinator", "NE", "coordinator").token();
        String juror = person("juror", "NE", "jury").token();

        assertProblem(api().postJson(sessions, otherCoach.token(), body), 404);
        assertProblem(api().get(sessions, otherCoach.token()), 404);
        assertProblem(api().get(API + "/sessions/" + id, otherCoach.token()), 404);
        assertProblem(api().post(API + "/sessions/" + id + "/attendance", otherCoach.token()), 404);
        assertProblem(api().postJson(sessions, incubation.participant().token(), body), 403);
        for (String stranger : new String[]{otherParticipant.token(), coordinator, juror}) {
            assertProblem(api().postJson(sessions, stranger, body), 403);
            assertProblem(api().get(sessions, stranger), 404);
            assertProblem(api().get(API + "/sessions/" + id, stranger), 404);
            assertProblem(api().post(API + "/sessions/" + id + "/attendance", stranger), 404);
        }
        assertProblem(api().postJson(sessions, null, body), 401);
        assertProblem(api().get(sessions, null), 401);
        assertProblem(api().get(API + "/incubatees/nope/sessions", organizer().token()), 404);
        assertProblem(api().get(API + "/sessions/6b0b0371896fa35d8103b999", organizer().token()), 404);
        // a coach who was replaced no longer reads the sessions they logged
        mongo.updateFirst(query(where("id").is(incubation.id())), new Update().set("coachId", otherCoach.id()), Incubatee.class);
        assertProblem(api().get(sessions, incubation.coach().token()), 404);
        assertThat(api().get(sessions, otherCoach.token()).status()).isEqualTo(200);
    }

    @Test
    void no_session_is_logged_once_the_incubation_has_ended() {
        Incubation incubation = incubation(40);
        mongo.updateFirst(query(where("id").is(incubation.id())),
                new Update().set("status", Incubatee.IncubateeStatus.GRADUATED), Incubatee.class);

        ServiceApi.Response response = api().postJson(API + "/incubatees/" + incubation.id() + "/sessions",
                incubation.coach().token(), sessionJson(minutesAgo(10), ""));

        assertProblem(response, 409);
        assertThat(response.json().get("detail").asString()).contains("GRADUATED");
    }
}
