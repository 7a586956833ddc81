package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.incubation.CoachAssigned;
import ml.sdn.events.incubation.IncubateeAtRisk;
import ml.sdn.events.incubation.IncubateeDropped;
import ml.sdn.events.incubation.IncubateeEnrolled;
import ml.sdn.events.incubation.IncubateeGraduated;
import ml.sdn.events.incubation.MilestoneOverdue;
import ml.sdn.events.incubation.MilestoneSentBack;
import ml.sdn.events.incubation.MilestoneSubmitted;
import ml.sdn.events.incubation.MilestoneValidated;
import ml.sdn.events.incubation.SessionLogged;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.EmailDelivery;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Incubation events, from the real broker (the three incubation topics are created only after the service
 * is ready, as when incubation-service starts later) into the inbox and e-mails over SMTP: each notice for
 * the right person, in their language, once.
 */
class IncubationNoticesIT extends NoticesIT {

    private static final Instant ENROLLED_AT = Instant.parse("2026-02-02T08:00:00Z");
    private static final String[] PERSONAL_FIELDS = {"participantId", "applicationId", "editionId", "title", "organizationName",
            "coachId"};

    @Test
    void the_incubatee_hears_of_enrolment_coach_and_sessions_once_in_french_and_the_coach_of_the_new_incubatee_in_english() throws Exception {
        Participant awa = welcomed(Participant.named("Awa Traoré", "ML", "fr"));
        Participant coach = welcomed(Participant.named("Mariam Diallo", "BF", "en"));
        String incubatee = id("incubatee");
        IncubateeEnrolled enrolled = new IncubateeEnrolled(incubatee, id("cohort"), id("edition"), id("application"), awa.id(),
                "Kalanso", "Kalanso Agri", "ML", "START_UP_CHALLENGE", true, ENROLLED_AT);
        String enrolment = UUID.randomUUID().toString();
        publish(IncubateeEnrolled.TYPE, incubatee, enrolled, enrolment);
        publish(IncubateeEnrolled.TYPE, incubatee, enrolled, enrolment);
        CoachAssigned assigned = new CoachAssigned(incubatee, awa.id(), coach.id(), null, "Kalanso Agri",
                ENROLLED_AT.plus(1, ChronoUnit.DAYS));
        String assignment = UUID.randomUUID().toString();
        publish(CoachAssigned.TYPE, incubatee, assigned, assignment);
        publish(CoachAssigned.TYPE, incubatee, assigned, assignment);

        // a session, as a producer that wrongly let the notes travel would send it, twice
        String session = UUID.randomUUID().toString();
        byte[] logged = ("{\"sessionId\":\"" + id("session") + "\",\"incubateeId\":\"" + incubatee + "\",\"participantId\":\""
                + awa.id() + "\",\"coachId\":\"" + coach.id() + "\",\"heldAt\":\"2026-02-03T23:30:00Z\",\"durationMinutes\":90,"
                + "\"mode\":\"REMOTE\",\"loggedAt\":\"2026-02-04T08:00:00Z\",\"notes\":\"Revoir le prix de vente\","
                + "\"privateNotes\":\"Equipe fragile, associe sur le depart\",\"topics\":[\"finance\"]}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(CloudEventHeaders.ID, session, CloudEventHeaders.TYPE, SessionLogged.TYPE.type());
        publishRaw(Topics.INCUBATION_SESSIONS, incubatee, logged, headers);
        publishRaw(Topics.INCUBATION_SESSIONS, incubatee, logged, headers);
        // read after both copies (same key): once it shows, the redelivery was handled
        String marker = publish(SessionLogged.TYPE, incubatee, new SessionLogged(id("session"), incubatee, awa.id(), coach.id(),
                Instant.parse("2026-02-10T10:00:00Z"), 60, "AT_THE_CENTRE", Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(awa).stream().anyMatch(item -> item.eventId().equals(marker)));
        await().atMost(WAIT).until(() -> inboxOf(coach).size() == 2);
        assertThat(inboxOf(awa)).extracting(InboxItem::kind).containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED,
                NotificationKind.INCUBATION_ENROLLED, NotificationKind.COACH_ASSIGNED, NotificationKind.SESSION_LOGGED,
                NotificationKind.SESSION_LOGGED);
        assertThat(inboxOf(coach)).extracting(InboxItem::kind)
                .as("the coach, who logged the sessions, is told of the new incubatee only")
                .containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED, NotificationKind.COACH_ASSIGNED);
        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 5 && mailsTo(coach.email()).size() == 2);

        assertThat(text(mailWithSubject(awa, "Bienvenue dans la cohorte d'incubation de l'AGETIC : Kalanso Agri")))
                .startsWith("Bonjour Awa Traoré,")
                .contains("Votre projet « Kalanso Agri » (Kalanso) rejoint la cohorte d'incubation de l'AGETIC.");
        assertThat(text(mailWithSubject(awa, "Votre coach d'incubation : Mariam Diallo")))
                .contains("Mariam Diallo est votre coach pour l'incubation de votre projet « Kalanso Agri ».");
        MimeMessage toCoach = mailWithSubject(coach, "A new project to coach: Kalanso Agri");
        assertThat(toCoach.getHeader("Content-Language")).containsExactly("en");
        assertThat(text(toCoach)).startsWith("Hello Mariam Diallo,")
                .contains("Project: Kalanso Agri\nOrganisation: Kalanso\nProject lead: Awa Traoré\n");
        MimeMessage sessionMail = mailWithSubject(awa,
                "Votre séance de coaching du mardi 3 février 2026 à 23:30 (heure de Bamako, GMT)");
        assertThat(text(sessionMail)).contains("Votre coach, Mariam Diallo, a enregistré votre séance de coaching :")
                .contains("Durée : 90 minutes\nLieu : à distance\n");
        assertThat(inboxOf(awa)).filteredOn(item -> item.eventId().equals(session)).singleElement()
                .satisfies(item -> assertThat(item.subject()).isEqualTo(subject(sessionMail)));

        // private data: the notes never reach anyone, in the inbox, the e-mails or the delivery log
        StringBuilder everything = new StringBuilder();
        for (Participant person : List.of(awa, coach)) {
            inboxOf(person).forEach(item -> everything.append(item.subject()).append(item.body()));
            mailsTo(person.email()).forEach(mail -> everything.append(subject(mail)).append(text(mail)));
            deliveriesTo(person).forEach(delivery -> everything.append(delivery.subject()).append(delivery.body()));
        }
        assertThat(everything.toString()).doesNotContain("prix de vente", "fragile", "finance", "REMOTE", "AT_THE_CENTRE");
    }

    @Test
    void milestones_reach_whoever_must_act_and_the_at_risk_alert_reaches_the_coach_and_not_the_participant() throws Exception {
        Participant moussa = welcomed(Participant.named("Moussa Issa", "NE", "en"));
        Participant coach = welcomed(Participant.named("Oumar Sidibé", "ML", "fr"));
        String incubatee = id("incubatee");
        publish(IncubateeEnrolled.TYPE, incubatee, new IncubateeEnrolled(incubatee, id("cohort"), id("edition"),
                id("application"), moussa.id(), "Sahel Solaire SARL", "Sahel Solaire", "NE", "PROJECT_CONTEST", false, ENROLLED_AT));
        publish(CoachAssigned.TYPE, incubatee, new CoachAssigned(incubatee, moussa.id(), coach.id(), null, "Sahel Solaire",
                ENROLLED_AT.plusSeconds(60)));
        await().atMost(WAIT).until(() -> inboxOf(moussa).size() == 3 && inboxOf(coach).size() == 2);

        String milestone = id("milestone");
        String submitted = publish(MilestoneSubmitted.TYPE, incubatee, new MilestoneSubmitted(milestone, incubatee, moussa.id(),
                coach.id(), "Étude de marché", Instant.now()));
        String sentBack = publish(MilestoneSentBack.TYPE, incubatee, new MilestoneSentBack(milestone, incubatee, moussa.id(),
                coach.id(), "Étude de marché", "Add the prices of the two competitors in Niamey.", Instant.now()));
        String validated = publish(MilestoneValidated.TYPE, incubatee, new MilestoneValidated(milestone, incubatee, moussa.id(),
                coach.id(), "Étude de marché", Instant.now()));
        String overdue = UUID.randomUUID().toString();
        MilestoneOverdue late = new MilestoneOverdue(id("milestone"), incubatee, moussa.id(), coach.id(), "Prototype",
                LocalDate.of(2026, 3, 15), Instant.now());
        publish(MilestoneOverdue.TYPE, incubatee, late, overdue);
        publish(MilestoneOverdue.TYPE, incubatee, late, overdue);
        String atRisk = publish(IncubateeAtRisk.TYPE, incubatee, new IncubateeAtRisk(incubatee, moussa.id(), coach.id(),
                "Sahel Solaire", List.of("NO_RECENT_SESSION", "OVERDUE_MILESTONES"), 1, Instant.parse("2026-02-03T09:30:00Z"),
                Instant.now()));

        // the overdue notice goes to both, one inbox item each, and on another topic than the at-risk alert:
        // wait for each item itself, not for one that merely came later
        await().atMost(WAIT).until(() -> inboxOf(coach).stream().anyMatch(item -> item.eventId().equals(atRisk)));
        await().atMost(WAIT).until(() -> inboxOf(coach).stream().anyMatch(item -> item.eventId().equals(overdue)));
        await().atMost(WAIT).until(() -> inboxOf(moussa).stream().anyMatch(item -> item.eventId().equals(overdue)));
        assertThat(inboxOf(coach)).extracting(InboxItem::kind).containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED,
                NotificationKind.COACH_ASSIGNED, NotificationKind.MILESTONE_SUBMITTED, NotificationKind.MILESTONE_OVERDUE,
                NotificationKind.INCUBATEE_AT_RISK);
        assertThat(inboxOf(moussa)).extracting(InboxItem::kind).containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED,
                NotificationKind.INCUBATION_ENROLLED, NotificationKind.COACH_ASSIGNED, NotificationKind.MILESTONE_SENT_BACK,
                NotificationKind.MILESTONE_VALIDATED, NotificationKind.MILESTONE_OVERDUE);
        assertThat(inboxOf(moussa)).extracting(InboxItem::eventId).contains(sentBack, validated)
                .as("the at-risk flag and the submission are for the coach").doesNotContain(atRisk, submitted);
        await().atMost(WAIT).until(() -> mailsTo(coach.email()).size() == 5 && mailsTo(moussa.email()).size() == 6);

        assertThat(text(mailWithSubject(coach, "Jalon à valider : Étude de marché")))
                .contains("Le projet « Sahel Solaire » (Sahel Solaire SARL) soumet le jalon « Étude de marché » à votre validation.");
        assertThat(text(mailWithSubject(moussa, "Milestone to rework: Étude de marché")))
                .contains("Their feedback:\nAdd the prices of the two competitors in Niamey.\n");
        assertThat(mailWithSubject(moussa, "Milestone validated: Étude de marché")).isNotNull();
        assertThat(text(mailWithSubject(moussa, "Milestone overdue: Prototype")))
                .contains("The milestone \"Prototype\" was due to be validated by Sunday, March 15, 2026, and it is not.");
        assertThat(text(mailWithSubject(coach, "Jalon en retard pour « Sahel Solaire » : Prototype")))
                .contains("devait être\nvalidé au plus tard le dimanche 15 mars 2026");
        MimeMessage alert = mailWithSubject(coach, "Projet à surveiller : Sahel Solaire");
        assertThat(text(alert)).contains("- pas de séance de coaching récente : la dernière date du mardi 3 février 2026 à 09:30"
                + " (heure de Bamako, GMT)\n- 1 jalon en retard\n").doesNotContain("NO_RECENT_SESSION", "OVERDUE_MILESTONES");
        assertThat(mailsTo(moussa.email())).extracting(NoticesIT::subject)
                .noneMatch(subject -> subject.contains("risk") || subject.contains("surveiller"));
        assertThat(mailsTo(moussa.email())).extracting(NoticesIT::subject).filteredOn(s -> s.startsWith("Milestone overdue"))
                .hasSize(1);
    }

    @Test
    void graduation_is_e_mailed_even_when_switched_off_and_an_outcome_read_before_the_enrolment_waits_for_it() throws Exception {
        Participant salif = welcomed(Participant.named("Salif Ouédraogo", "BF", "fr"));
        // optional kinds may be switched off; the outcomes may not, and a stored "off" for them changes nothing
        mvc.perform(put("/api/notifications/me/preferences").header("Authorization", "Bearer " + salif.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": {\"INCUBATEE_GRADUATED\": false}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email.INCUBATEE_GRADUATED"));
        mvc.perform(put("/api/notifications/me/preferences").header("Authorization", "Bearer " + salif.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": {\"COACH_ASSIGNED\": false}}"))
                .andExpect(status().isOk());
        mongo.getCollection("email_preferences").updateOne(new Document("_id", salif.id()), new Document("$set", new Document()
                .append("email.INCUBATEE_GRADUATED", false).append("email.INCUBATION_ENROLLED", false)));
        mvc.perform(get("/api/notifications/me/preferences").header("Authorization", "Bearer " + salif.token()))
                .andExpect(jsonPath("$.email.INCUBATEE_GRADUATED").value(true))
                .andExpect(jsonPath("$.email.COACH_ASSIGNED").value(false));

        // the graduation is read first (its enrolment was dead-lettered and is replayed later, say)
        String incubatee = id("incubatee");
        String graduation = publish(IncubateeGraduated.TYPE, incubatee, new IncubateeGraduated(incubatee, id("application"),
                id("edition"), id("category"), Instant.now()));
        await().atMost(WAIT).until(() -> mongo.exists(query(where("incubateeId").is(incubatee)), "held_incubation_outcomes"));
        assertThat(inboxOf(salif)).hasSize(1);

        publish(IncubateeEnrolled.TYPE, incubatee, new IncubateeEnrolled(incubatee, id("cohort"), id("edition"), id("application"),
                salif.id(), "Faso Pay SA", "Faso Pay", "BF", "START_UP_CHALLENGE", false, ENROLLED_AT));
        publish(CoachAssigned.TYPE, incubatee, new CoachAssigned(incubatee, salif.id(), id("coach-without-profile"), null,
                "Faso Pay", ENROLLED_AT.plusSeconds(60)));

        await().atMost(WAIT).until(() -> inboxOf(salif).size() == 4);
        assertThat(inboxOf(salif)).extracting(InboxItem::kind).containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED,
                NotificationKind.INCUBATION_ENROLLED, NotificationKind.COACH_ASSIGNED, NotificationKind.INCUBATEE_GRADUATED);
        assertThat(mongo.exists(query(where("incubateeId").is(incubatee)), "held_incubation_outcomes")).isFalse();
        assertThat(inboxOf(salif)).filteredOn(item -> item.kind() == NotificationKind.COACH_ASSIGNED).singleElement()
                .satisfies(item -> {
                    assertThat(item.subject()).as("the coach has no profile here: no name").isEqualTo("Votre coach d'incubation");
                    assertThat(item.body()).contains("Votre coach est désigné pour l'incubation de votre projet « Faso Pay ».");
                });
        assertThat(deliveriesTo(salif)).extracting(EmailDelivery::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.INCUBATION_ENROLLED, NotificationKind.INCUBATEE_GRADUATED);
        await().atMost(WAIT).until(() -> mailsTo(salif.email()).size() == 3);
        assertThat(text(mailWithSubject(salif, "Félicitations : vous terminez l'incubation de l'AGETIC")))
                .contains("Votre projet « Faso Pay » termine l'incubation de l'AGETIC")
                .contains("Il fait désormais partie des finalistes");
        assertThat(inboxOf(salif)).filteredOn(item -> item.kind() == NotificationKind.INCUBATEE_GRADUATED).singleElement()
                .satisfies(item -> assertThat(item.eventId()).isEqualTo(graduation));
    }

    @Test
    void a_drop_tells_the_participant_its_reason_in_english_and_a_coach_without_profile_hears_once_it_arrives() throws Exception {
        Participant aminata = welcomed(Participant.named("Aminata Maïga", "ML", "en"));
        Participant lateCoach = Participant.named("Ibrahim Keita", "ML", "fr");
        String incubatee = id("incubatee");
        publish(IncubateeEnrolled.TYPE, incubatee, new IncubateeEnrolled(incubatee, id("cohort"), id("edition"),
                id("application"), aminata.id(), null, "Jigi Santé", "ML", "PROJECT_CONTEST", true, ENROLLED_AT));
        publish(CoachAssigned.TYPE, incubatee, new CoachAssigned(incubatee, aminata.id(), lateCoach.id(), null, "Jigi Santé",
                ENROLLED_AT.plusSeconds(60)));
        String drop = UUID.randomUUID().toString();
        IncubateeDropped dropped = new IncubateeDropped(incubatee, id("application"), id("edition"), id("category"),
                "The team stopped the project in March.", Instant.now());
        publish(IncubateeDropped.TYPE, incubatee, dropped, drop);
        publish(IncubateeDropped.TYPE, incubatee, dropped, drop);

        await().atMost(WAIT).until(() -> mailsTo(aminata.email()).size() == 4);
        assertThat(text(mailWithSubject(aminata, "End of your AGETIC incubation")))
                .startsWith("Hello Aminata Maïga,")
                .contains("Your project \"Jigi Santé\" leaves the AGETIC incubation. It is therefore no longer one of the\nfinalists")
                .contains("Reason given by the organisers:\nThe team stopped the project in March.\n");
        assertThat(inboxOf(aminata)).filteredOn(item -> item.kind() == NotificationKind.INCUBATEE_DROPPED).hasSize(1);
        assertThat(mongo.exists(query(where("recipientId").is(lateCoach.id())), "held_notices")).isTrue();

        publish(ParticipantRegistered.TYPE, lateCoach.id(), lateCoach.registered());

        await().atMost(WAIT).until(() -> mailsTo(lateCoach.email()).size() == 2);
        assertThat(text(mailWithSubject(lateCoach, "Nouveau projet à accompagner : Jigi Santé")))
                .contains("Projet : Jigi Santé\nPorteur du projet : Aminata Maïga\n");
    }

    @Test
    void an_erased_participants_incubatee_copy_keeps_only_its_id_and_their_later_outcome_is_not_sent() throws Exception {
        Participant hawa = welcomed(Participant.named("Hawa Koné", "ML", "fr"));
        String incubatee = id("incubatee");
        publish(IncubateeEnrolled.TYPE, incubatee, new IncubateeEnrolled(incubatee, id("cohort"), id("edition"),
                id("application"), hawa.id(), "Koné & Filles", "Karité Plus", "ML", "PROJECT_CONTEST", true, ENROLLED_AT));
        await().atMost(WAIT).until(() -> inboxOf(hawa).size() == 2);

        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(ParticipantErased.TYPE, hawa.id(), new ParticipantErased(hawa.id(), erasedAt));
        await().atMost(WAIT).until(() -> {
            Document copy = mongo.findById(incubatee, Document.class, "known_incubatees");
            return copy != null && copy.containsKey("erasedAt");
        });
        Document copy = mongo.findById(incubatee, Document.class, "known_incubatees");
        assertThat(copy).containsKeys("asOf", "erasedAt").doesNotContainKeys(PERSONAL_FIELDS);

        // afterwards: her graduation, an enrolment produced before the erasure, then a marker on the same key
        publish(IncubateeGraduated.TYPE, incubatee, new IncubateeGraduated(incubatee, id("application"), id("edition"),
                id("category"), Instant.now()));
        publish(IncubateeEnrolled.TYPE, incubatee, new IncubateeEnrolled(incubatee, id("cohort"), id("edition"),
                id("application"), hawa.id(), "Koné & Filles", "Karité Plus", "ML", "PROJECT_CONTEST", true, ENROLLED_AT));
        Participant next = welcomed(Participant.named("Fanta Camara", "ML", "fr"));
        String other = id("incubatee");
        publish(IncubateeEnrolled.TYPE, incubatee, new IncubateeEnrolled(other, id("cohort"), id("edition"), id("application"),
                next.id(), null, "Suite", "ML", "PROJECT_CONTEST", false, ENROLLED_AT));

        await().atMost(WAIT).until(() -> inboxOf(next).size() == 2);
        assertThat(inboxOf(hawa)).isEmpty();
        assertThat(mongo.find(query(where("recipientId").is(hawa.id())), EmailDelivery.class)).extracting(EmailDelivery::kind)
                .doesNotContain(NotificationKind.INCUBATEE_GRADUATED);
        assertThat(mongo.findById(incubatee, Document.class, "known_incubatees"))
                .as("an older enrolment does not bring the copy back").doesNotContainKeys(PERSONAL_FIELDS);
        assertThat(mongo.exists(query(where("incubateeId").is(incubatee)), "held_incubation_outcomes")).isFalse();
        assertThat(mongo.find(query(where("key").is(incubatee)), Document.class, "dead_letters")).isEmpty();
    }

    @Test
    void an_incubation_event_that_breaks_its_contract_is_dead_lettered_and_the_consumer_keeps_going() throws Exception {
        String key = "no-coach-" + UUID.randomUUID();
        publish(CoachAssigned.TYPE, key, new CoachAssigned(key, id("participant"), null, null, "Sans coach", Instant.now()));
        String noParticipant = "no-participant-" + UUID.randomUUID();
        publish(MilestoneValidated.TYPE, noParticipant, new MilestoneValidated(id("milestone"), noParticipant, null, null,
                "Jalon", Instant.now()));
        String unknownKey = "unknown-" + UUID.randomUUID();
        publishRaw(Topics.INCUBATION_SESSIONS, unknownKey, "{\"sessionId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, "sdn.incubation.session-cancelled.v1"));
        Participant next = welcomed(Participant.named("Kadidia Coulibaly", "NE", "fr"));
        String incubatee = id("incubatee");
        publish(IncubateeEnrolled.TYPE, key, new IncubateeEnrolled(incubatee, id("cohort"), id("edition"), id("application"),
                next.id(), null, "Suite", "NE", "PROJECT_CONTEST", false, ENROLLED_AT));

        await().atMost(WAIT).until(() -> inboxOf(next).size() == 2);
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                        .header("Authorization", "Bearer " + organizer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.key == '%s')].eventType", key).value(CoachAssigned.TYPE.type()))
                .andExpect(jsonPath("$.items[?(@.key == '%s')].id", key).value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith("incubation.incubatees.notification-service.DLT-"))))
                .andExpect(jsonPath("$.items[?(@.key == '%s')].id", noParticipant).value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith("incubation.milestones.notification-service.DLT-")))));
        assertThat(mongo.find(query(where("key").is(unknownKey)), Document.class, "dead_letters"))
                .as("an event type this service does not know is skipped, not dead-lettered").isEmpty();
    }
}
