package ml.sdn.notification;

import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.ApplicationWithdrawn;
import ml.sdn.events.competition.JurorAssigned;
import ml.sdn.events.competition.JurorUnassigned;
import ml.sdn.events.incubation.CoachAssigned;
import ml.sdn.events.incubation.IncubateeEnrolled;
import ml.sdn.events.notification.BroadcastRequested;
import ml.sdn.events.registration.CheckedIn;
import ml.sdn.events.registration.AttendanceCancelled;
import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.EmailDelivery;
import ml.sdn.smsc.SmppSink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Messages to groups through the service's API, delivered through its own topic by the real broker, SMTP server
 * and SMSC: each person of the audience once per channel in their language, nobody else, whatever is sent again.
 */
class BroadcastsIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROADCASTS = "/api/notifications/admin/broadcasts";

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_message_to_niger_reaches_each_person_of_niger_once_in_their_language_by_inbox_email_and_sms_and_nobody_else()
            throws Exception {
        Participant mariama = registered(Participant.named("Mariama Issoufou", "NE", "fr").withPhone("+22790" + digits(6)));
        Participant john = registered(Participant.named("John Abdou", "NE", "en"));
        Participant awa = registered(Participant.named("Awa Traoré", "ML", "fr").withPhone("+22376" + digits(6)));
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
        String key = UUID.randomUUID().toString();

        long niger = audience(organizer, "COUNTRY", "NE");
        JsonNode sent = send(organizer, key, message("COUNTRY", "NE", true)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString().transform(JSON::readTree);
        String id = sent.path("id").asString();
        assertThat(sent.path("recipients").asLong()).isEqualTo(niger);
        assertThat(sent.path("country").asString()).isEqualTo("NE");

        await().atMost(WAIT).until(() -> mails(mariama, "Changement de salle").size() == 1
                && mails(john, "Room change").size() == 1 && received(mariama.phone()).size() == 1);
        // the same click again (the same key): the first answer, nothing more sent
        send(organizer, key, message("COUNTRY", "NE", true)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id));
        // and the event itself redelivered (a restart before its offset was committed): nothing twice
        publish(BroadcastRequested.TYPE, id, new BroadcastRequested(id, "organizer-ml", "NE", "Changement de salle",
                "Le pitch a lieu en salle Niger.", "Room change", "The pitch is in the Niger room.", true,
                List.of(mariama.id(), john.id()), Instant.now()));
        // a second message on the same key (so the same partition, read in order): once it is in, the redelivery was handled
        Participant late = registered(Participant.named("Late Reader", "NE", "fr"));
        String marker = UUID.randomUUID().toString();
        publish(BroadcastRequested.TYPE, id, new BroadcastRequested(marker, "organizer-ml", "NE", "Repère", "Repère.", "Marker",
                "Marker.", false, List.of(late.id()), Instant.now()));
        await().atMost(WAIT).until(() -> inboxOf(late, marker).size() == 1);

        assertThat(mails(mariama, "Changement de salle")).singleElement().extracting(IntegrationTestSupport::text).asString()
                .contains("Bonjour Mariama Issoufou", "Le pitch a lieu en salle Niger.");
        assertThat(mails(john, "Room change")).singleElement().extracting(IntegrationTestSupport::text).asString()
                .contains("The pitch is in the Niger room.").doesNotContain("salle Niger");
        assertThat(mails(john, "Changement de salle")).isEmpty();
        assertThat(received(mariama.phone())).singleElement().extracting(SmppSink.Message::text)
                .isEqualTo("Changement de salle : Le pitch a lieu en salle Niger.");
        assertThat(inboxOf(mariama, id)).hasSize(1);
        assertThat(inboxOf(john, id)).hasSize(1);
        assertThat(inboxOf(late, id)).isEmpty(); // registered after the send: not in its audience
        // Mali is not Niger
        assertThat(inboxOf(awa, id)).isEmpty();
        assertThat(mails(awa, "Changement de salle")).isEmpty();
        assertThat(received(awa.phone())).isEmpty();
        assertThat(mongo.count(query(where("eventId").is(id).and("recipientId").is(mariama.id())), EmailDelivery.class))
                .isEqualTo(2);

        // the report: every inbox written, every e-mail sent, the one SMS delivered (the others have no phone)
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get(BROADCASTS + "/" + id).header("Authorization", "Bearer " + organizer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inbox").value(niger))
                .andExpect(jsonPath("$.email.SENT").value(
                        mongo.count(query(where("eventId").is(id).and("channel").is("EMAIL")), EmailDelivery.class)))
                .andExpect(jsonPath("$.email.FAILED").value(0))
                .andExpect(jsonPath("$.smsDeliveries.DELIVERED").value(
                        mongo.count(query(where("eventId").is(id).and("channel").is("SMS")), EmailDelivery.class))));
    }

    @Test
    void every_field_at_fault_is_named_at_once_and_nothing_is_sent() throws Exception {
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
        long before = mongo.getCollection("broadcasts").countDocuments();

        send(organizer, null, Map.of("audience", "COUNTRY", "subjectFr", "x".repeat(121), "bodyFr", "",
                "subjectEn", "Room", "bodyEn", "y".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("country", "subjectFr", "bodyFr", "bodyEn")))
                .andExpect(jsonPath("$.errors[?(@.field == 'subjectFr')].message").value("l'objet dépasse 120 caractères"));
        send(organizer, null, Map.of("audience", "EVERYONE_EVER", "subjectFr", "a", "bodyFr", "b", "subjectEn", "a", "bodyEn", "b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("audience"));
        send(organizer, null, Map.of("audience", "COUNTRY", "country", "SN", "subjectFr", "a", "bodyFr", "b", "subjectEn", "a",
                "bodyEn", "b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        // a delegation nobody belongs to: an empty audience is said, not sent to no one
        send(ISSUER.tokenWithDelegation("coordinator-xx", "ML", "TD", "coordinator"), null, message(null, null, false))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"))
                .andExpect(jsonPath("$.errors[0].message").value("personne dans ce public : le message n'irait à personne"));

        assertThat(mongo.getCollection("broadcasts").countDocuments()).isEqualTo(before);
    }

    @Test
    void a_coordinator_writes_to_their_own_delegation_only() throws Exception {
        Participant issa = registered(Participant.named("Issa Ouédraogo", "BF", "fr"));
        Participant moussa = registered(Participant.named("Moussa Diallo", "ML", "fr"));
        String coordinator = ISSUER.token("coordinator-bf", "BF", "coordinator");
        long before = mongo.getCollection("broadcasts").countDocuments();

        // the attacker's side: another country, everyone, another delegation's report
        send(coordinator, null, message("COUNTRY", "ML", false)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        send(coordinator, null, message("EVERYONE", null, false)).andExpect(status().isForbidden());
        mvc.perform(get(BROADCASTS + "/audience?audience=COUNTRY&country=NE").header("Authorization", "Bearer " + coordinator))
                .andExpect(status().isForbidden());
        assertThat(mongo.getCollection("broadcasts").countDocuments()).isEqualTo(before);
        for (String role : List.of("participant", "jury", "coach", "staff")) {
            send(ISSUER.token(role + "-bf", "BF", role), null, message("COUNTRY", "BF", false)).andExpect(status().isForbidden());
        }

        // their own delegation, named or not
        assertThat(audience(coordinator, null, null)).isEqualTo(audience(ISSUER.token("organizer-ml", "ML", "organizer"), "COUNTRY", "BF"));
        String id = send(coordinator, null, message(null, null, false)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.country").value("BF")).andReturn().getResponse().getContentAsString()
                .transform(JSON::readTree).path("id").asString();
        await().atMost(WAIT).until(() -> inboxOf(issa, id).size() == 1);
        assertThat(inboxOf(moussa, id)).isEmpty();
        mvc.perform(get(BROADCASTS + "/" + id).header("Authorization", "Bearer " + coordinator)).andExpect(status().isOk());
        mvc.perform(get(BROADCASTS + "/" + id).header("Authorization", "Bearer " + ISSUER.token("coordinator-ne", "NE", "coordinator")))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_message_to_the_people_of_niger_holding_a_place_for_a_day_reaches_them_and_nobody_else() throws Exception {
        // a day of its own, so that other tests' places do not count
        LocalDate day = LocalDate.of(2031, 1, 29).plusDays(ThreadLocalRandom.current().nextInt(3000));
        Participant coming = registered(Participant.named("Hadiza Coming", "NE", "fr"));
        Participant cancelled = registered(Participant.named("Ibrahim Cancelled", "NE", "fr"));
        Participant otherDay = registered(Participant.named("Zeinab Other Day", "NE", "fr"));
        Participant mali = registered(Participant.named("Oumar Mali", "ML", "fr"));
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        publish(AttendanceConfirmed.TYPE, "a-1" + day, new AttendanceConfirmed("a-1" + day, coming.id(), "NE", day, "SDN-1", t));
        // out of order: the cancellation arrives, then the older confirmation it cancelled
        publish(AttendanceCancelled.TYPE, "a-2" + day, new AttendanceCancelled("a-2" + day, cancelled.id(), "NE", day, t.plusSeconds(5)));
        publish(AttendanceConfirmed.TYPE, "a-2" + day, new AttendanceConfirmed("a-2" + day, cancelled.id(), "NE", day, "SDN-2", t));
        // on the same key, so read after it: once this one is kept, the older confirmation was handled
        publish(AttendanceConfirmed.TYPE, "a-2" + day, new AttendanceConfirmed("a-5" + day, otherDay.id(), "NE", day.plusDays(2), "SDN-5", t));
        publish(AttendanceConfirmed.TYPE, "a-3" + day, new AttendanceConfirmed("a-3" + day, otherDay.id(), "NE", day.plusDays(1), "SDN-3", t));
        publish(AttendanceConfirmed.TYPE, "a-4" + day, new AttendanceConfirmed("a-4" + day, mali.id(), "ML", day, "SDN-4", t));
        await().atMost(WAIT).until(() -> mongo.count(query(where("day").in(day.toString(), day.plusDays(1).toString())),
                "known_attendance") == 4 && mongo.exists(query(where("_id").is("a-5" + day)), "known_attendance"));
        assertThat(mongo.exists(query(where("_id").is("a-2" + day).and("holdsPlace").is(false)), "known_attendance")).isTrue();
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");

        MvcResult counted = mvc.perform(get(BROADCASTS + "/audience").header("Authorization", "Bearer " + organizer)
                .param("audience", "COUNTRY").param("country", "NE").param("day", day.toString())).andExpect(status().isOk()).andReturn();
        Map<String, Object> body = message("COUNTRY", "NE", false);
        body.put("day", day.toString());
        JsonNode sent = send(organizer, null, body).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString().transform(JSON::readTree);

        assertThat(JSON.readTree(counted.getResponse().getContentAsString()).path("people").asLong()).isEqualTo(1);
        assertThat(sent.path("recipients").asLong()).isEqualTo(1);
        assertThat(sent.path("day").asString()).isEqualTo(day.toString());
        String id = sent.path("id").asString();
        await().atMost(WAIT).until(() -> mails(coming, "Changement de salle").size() == 1);
        assertThat(inboxOf(cancelled, id)).isEmpty();
        assertThat(inboxOf(otherDay, id)).isEmpty();
        assertThat(inboxOf(mali, id)).isEmpty();

        // a day that is not a date, and a day nobody holds a place for: named, nothing sent
        body.put("day", "demain");
        send(organizer, null, body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
        body.put("day", day.plusDays(3).toString());
        send(organizer, null, body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
    }

    @Test
    void each_audience_reaches_the_people_its_copies_name_and_a_coordinator_only_those_of_their_delegation() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String edition = "ed-" + suffix;
        String startups = "cat-startups-" + suffix;
        String other = "cat-other-" + suffix;
        LocalDate day = LocalDate.of(2031, 1, 29).plusDays(ThreadLocalRandom.current().nextInt(3000));
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Participant preselectedNe = registered(Participant.named("Aïcha Preselected", "NE", "fr"));
        Participant submittedBf = registered(Participant.named("Boukary Submitted", "BF", "fr"));
        Participant withdrawnNe = registered(Participant.named("Chaibou Withdrawn", "NE", "fr"));
        Participant otherCategoryNe = registered(Participant.named("Djibo Other", "NE", "fr"));
        Participant jurorNe = registered(Participant.named("Fati Juror", "NE", "fr"));
        Participant formerJurorBf = registered(Participant.named("Gaston Former Juror", "BF", "fr"));
        Participant incubateeBf = registered(Participant.named("Hamidou Incubatee", "BF", "fr"));
        Participant coachMl = registered(Participant.named("Inna Coach", "ML", "fr"));
        Participant checkedInNe = registered(Participant.named("Kadi Checked In", "NE", "fr"));

        submitted("a1-" + suffix, preselectedNe, edition, startups, t);
        publish(ApplicationPreselected.TYPE, "a1-" + suffix, new ApplicationPreselected("a1-" + suffix, "R-1", edition, startups,
                "STARTUP", preselectedNe.id(), null, null, "NE", "Projet", false, 1, null, t.plusSeconds(10)));
        submitted("a2-" + suffix, submittedBf, edition, startups, t);
        submitted("a3-" + suffix, withdrawnNe, edition, startups, t);
        publish(ApplicationWithdrawn.TYPE, "a3-" + suffix, new ApplicationWithdrawn("a3-" + suffix, "R-3", edition, startups,
                withdrawnNe.id(), "NE", t.plusSeconds(5)));
        submitted("a4-" + suffix, otherCategoryNe, edition, other, t);
        publish(JurorAssigned.TYPE, "a2-" + suffix, new JurorAssigned("a2-" + suffix, edition, startups, "STARTUP", jurorNe.id(),
                "PRESELECTION", true, t));
        publish(JurorAssigned.TYPE, "a2-" + suffix, new JurorAssigned("a2-" + suffix, edition, startups, "STARTUP",
                formerJurorBf.id(), "PRESELECTION", true, t));
        publish(JurorUnassigned.TYPE, "a2-" + suffix, new JurorUnassigned("a2-" + suffix, edition, startups, formerJurorBf.id(),
                "PRESELECTION", "REMOVED", t.plusSeconds(5)));
        publish(IncubateeEnrolled.TYPE, "i1-" + suffix, new IncubateeEnrolled("i1-" + suffix, "cohort", edition, "a2-" + suffix,
                incubateeBf.id(), "Org", "Projet", "BF", "STARTUP", false, t));
        publish(CoachAssigned.TYPE, "i1-" + suffix, new CoachAssigned("i1-" + suffix, incubateeBf.id(), coachMl.id(), null, "Projet",
                t.plusSeconds(5)));
        publish(CheckedIn.TYPE, "c1-" + suffix, new CheckedIn("c1-" + suffix, checkedInNe.id(), "NE", day, "staff-ne", t));
        publish(CheckedIn.TYPE, "c2-" + suffix, new CheckedIn("c2-" + suffix, otherCategoryNe.id(), "NE", day.plusDays(1), "staff-ne", t));
        await().atMost(WAIT).until(() -> mongo.exists(query(where("_id").is("a1-" + suffix).and("decision").is("PRESELECTED")),
                "known_applications")
                && mongo.exists(query(where("_id").is("a3-" + suffix).and("status").is("WITHDRAWN")), "known_applications")
                && mongo.exists(query(where("_id").is("a4-" + suffix)), "known_applications")
                && mongo.exists(query(where("jurorId").is(formerJurorBf.id()).and("assigned").is(false)), "known_jury_assignments")
                && mongo.exists(query(where("jurorId").is(jurorNe.id())), "known_jury_assignments")
                && mongo.exists(query(where("_id").is("i1-" + suffix).and("coachId").is(coachMl.id())), "known_incubatees")
                && mongo.exists(query(where("_id").is("c2-" + suffix).and("checkedIn").is(true)), "known_attendance")
                && mongo.exists(query(where("_id").is("c1-" + suffix).and("checkedIn").is(true)), "known_attendance"));
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");

        Map<Map<String, String>, List<Participant>> expected = new java.util.LinkedHashMap<>();
        expected.put(Map.of("audience", "APPLICANTS", "category", startups), List.of(preselectedNe, submittedBf, withdrawnNe));
        expected.put(Map.of("audience", "APPLICANTS", "edition", edition, "status", "SUBMITTED"),
                List.of(preselectedNe, submittedBf, otherCategoryNe));
        expected.put(Map.of("audience", "APPLICANTS", "category", startups, "status", "PRESELECTED"), List.of(preselectedNe));
        expected.put(Map.of("audience", "APPLICANTS", "category", startups, "status", "WITHDRAWN", "country", "NE"),
                List.of(withdrawnNe));
        expected.put(Map.of("audience", "CHECKED_IN", "day", day.toString(), "country", "NE"), List.of(checkedInNe));
        expected.put(Map.of("audience", "JURORS", "category", startups), List.of(jurorNe));
        expected.put(Map.of("audience", "INCUBATEES", "edition", edition), List.of(incubateeBf));
        expected.put(Map.of("audience", "COACHES", "edition", edition), List.of(coachMl));
        for (var entry : expected.entrySet()) {
            var count = get(BROADCASTS + "/audience").header("Authorization", "Bearer " + organizer);
            entry.getKey().forEach(count::param);
            mvc.perform(count).andExpect(status().isOk()).andExpect(jsonPath("$.people").value(entry.getValue().size()));
        }
        mvc.perform(get(BROADCASTS + "/audience").header("Authorization", "Bearer " + organizer).param("audience", "JURORS")
                .param("category", startups)).andExpect(jsonPath("$.categoryCode").value("STARTUP"));

        // the preselected of the category: one person, once, and not the others of the category
        Map<String, Object> body = message("APPLICANTS", null, false);
        body.put("category", startups);
        body.put("status", "PRESELECTED");
        String id = send(organizer, null, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.audience").value("APPLICANTS")).andExpect(jsonPath("$.categoryCode").value("STARTUP"))
                .andExpect(jsonPath("$.status").value("PRESELECTED")).andExpect(jsonPath("$.recipients").value(1))
                .andReturn().getResponse().getContentAsString().transform(JSON::readTree).path("id").asString();
        await().atMost(WAIT).until(() -> mails(preselectedNe, "Changement de salle").size() == 1);
        for (Participant notChosen : List.of(submittedBf, withdrawnNe, otherCategoryNe, jurorNe)) {
            assertThat(inboxOf(notChosen, id)).isEmpty();
        }

        // a coordinator: the category's applicants of their delegation only, whatever they type
        String coordinator = ISSUER.token("coordinator-bf", "BF", "coordinator");
        mvc.perform(get(BROADCASTS + "/audience").header("Authorization", "Bearer " + coordinator).param("audience", "APPLICANTS")
                .param("category", startups)).andExpect(status().isOk()).andExpect(jsonPath("$.people").value(1))
                .andExpect(jsonPath("$.country").value("BF"));
        Map<String, Object> tampered = message("APPLICANTS", "NE", false);
        tampered.put("category", startups);
        send(coordinator, null, tampered).andExpect(status().isForbidden());
        mvc.perform(get(BROADCASTS + "/audience").header("Authorization", "Bearer " + coordinator).param("audience", "CHECKED_IN")
                .param("day", day.toString()).param("country", "NE")).andExpect(status().isForbidden());
        Map<String, Object> ownJurors = message("JURORS", null, false);
        ownJurors.put("category", startups);
        // the category's only juror is of Niger: nobody of Burkina Faso, said on the category
        send(coordinator, null, ownJurors).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        Map<String, Object> ownApplicants = message("APPLICANTS", null, false);
        ownApplicants.put("category", startups);
        String bf = send(coordinator, null, ownApplicants).andExpect(status().isCreated()).andExpect(jsonPath("$.country").value("BF"))
                .andReturn().getResponse().getContentAsString().transform(JSON::readTree).path("id").asString();
        await().atMost(WAIT).until(() -> inboxOf(submittedBf, bf).size() == 1);
        assertThat(inboxOf(preselectedNe, bf)).isEmpty();
        assertThat(inboxOf(withdrawnNe, bf)).isEmpty();

        // the sent messages: the organizer's list holds both, Burkina's the second alone, Niger's not Burkina's
        mvc.perform(get(BROADCASTS).header("Authorization", "Bearer " + organizer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].recipients").value(1))
                .andExpect(jsonPath("$[?(@.id == '" + bf + "')].audience").value("APPLICANTS"));
        mvc.perform(get(BROADCASTS).header("Authorization", "Bearer " + coordinator)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + bf + "')]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").isEmpty())
                .andExpect(jsonPath("$[*].country", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("BF"))));
        mvc.perform(get(BROADCASTS).header("Authorization", "Bearer " + ISSUER.token("coordinator-ne", "NE", "coordinator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + bf + "')]").isEmpty());
        mvc.perform(get(BROADCASTS).header("Authorization", "Bearer " + ISSUER.token("participant-bf", "BF", "participant")))
                .andExpect(status().isForbidden());
    }

    private void submitted(String applicationId, Participant applicant, String edition, String category, Instant at) {
        publish(ApplicationSubmitted.TYPE, applicationId, new ApplicationSubmitted(applicationId, "R-" + applicationId, edition,
                category, "STARTUP", applicant.id(), null, applicant.country(), "Projet", at));
    }

    private Participant registered(Participant participant) {
        publish(ParticipantRegistered.TYPE, participant.id(), participant.registered());
        await().atMost(WAIT).until(() -> mongo.exists(query(where("_id").is(participant.id())), "recipients"));
        return participant;
    }

    private long audience(String token, String audience, String country) throws Exception {
        var request = get(BROADCASTS + "/audience").header("Authorization", "Bearer " + token);
        if (audience != null) {
            request.param("audience", audience);
        }
        if (country != null) {
            request.param("country", country);
        }
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).path("people").asLong();
    }

    private ResultActions send(String token, String key, Map<String, Object> body) throws Exception {
        var request = post(BROADCASTS).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private static Map<String, Object> message(String audience, String country, boolean sms) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("subjectFr", "Changement de salle",
                "bodyFr", "Le pitch a lieu en salle Niger.", "subjectEn", "Room change",
                "bodyEn", "The pitch is in the Niger room.", "sms", sms));
        if (audience != null) {
            body.put("audience", audience);
        }
        if (country != null) {
            body.put("country", country);
        }
        return body;
    }

    private List<InboxItem> inboxOf(Participant participant, String broadcastId) {
        return mongo.find(query(where("recipientId").is(participant.id()).and("eventId").is(broadcastId)), InboxItem.class);
    }

    private static List<jakarta.mail.internet.MimeMessage> mails(Participant participant, String subject) {
        return mailsTo(participant.email()).stream().filter(mail -> subject.equals(subject(mail))).toList();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SmppSink.Message> received(String phone) {
        return SMSC.messages().stream().filter(message -> message.to().equals(phone)).toList();
    }

    private static String digits(int count) {
        return UUID.randomUUID().toString().replaceAll("\\D", "").concat("0123456789").substring(0, count);
    }
}
