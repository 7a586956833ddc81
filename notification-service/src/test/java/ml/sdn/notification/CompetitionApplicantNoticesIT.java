package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.ApplicationNotPreselected;
import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.ApplicationWithdrawn;
import ml.sdn.events.competition.AwardGranted;
import ml.sdn.events.competition.DraftReleased;
import ml.sdn.events.competition.FinalistRanked;
import ml.sdn.events.competition.ResultsPublished;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.EmailDelivery;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

/** Competition events about one's own application, from the real broker into the inbox and e-mails over SMTP. */
class CompetitionApplicantNoticesIT extends NoticesIT {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-01-12T14:05:00Z");

    @Test
    void an_applicant_gets_one_receipt_with_the_reference_in_the_inbox_and_by_email_even_if_the_event_comes_twice() throws Exception {
        Participant moussa = welcomed(Participant.named("Moussa Issa", "NE", "en"));
        String edition = id("edition");
        String application = id("application");
        ApplicationSubmitted submitted = new ApplicationSubmitted(application, "SDN3-SUC-0042", edition, id("category"),
                "START_UP_CHALLENGE", moussa.id(), id("organization"), "NE", "Kalanso Agri", SUBMITTED_AT);
        String eventId = UUID.randomUUID().toString();

        publish(ApplicationSubmitted.TYPE, application, submitted, eventId);
        publish(ApplicationSubmitted.TYPE, application, submitted, eventId);
        // same key, so read after both copies: once it shows, the redelivery was handled
        publish(FinalistRanked.TYPE, application, new FinalistRanked(application, edition, submitted.categoryId(),
                moussa.id(), 1, 8.7, Instant.now()));
        publish(ApplicationWithdrawn.TYPE, application, new ApplicationWithdrawn(application, "SDN3-SUC-0042", edition,
                submitted.categoryId(), moussa.id(), "NE", SUBMITTED_AT.plusSeconds(3600)));

        await().atMost(WAIT).until(() -> inboxOf(moussa).size() == 3);
        String subject = "Application received: reference SDN3-SUC-0042";
        await().atMost(WAIT).until(() -> mailsWithSubject(moussa, subject).size() == 1);
        MimeMessage receipt = mailsWithSubject(moussa, subject).get(0);
        assertThat(receipt.getHeader("Content-Language")).containsExactly("en");
        assertThat(text(receipt)).startsWith("Hello Moussa Issa,")
                .contains("Reference number: SDN3-SUC-0042\nProject: Kalanso Agri\nCategory: Start-up Challenge\n"
                        + "Submitted on Monday, January 12, 2026 at 14:05 (Bamako time, GMT)");
        assertThat(inboxOf(moussa)).filteredOn(item -> item.kind() == NotificationKind.APPLICATION_SUBMITTED)
                .singleElement().satisfies(item -> {
                    assertThat(item.subject()).isEqualTo(subject);
                    assertThat(item.eventId()).isEqualTo(eventId);
                    assertThat(item.body()).contains("Reference number: SDN3-SUC-0042");
                });
        // the withdrawal names the application by what the submission told, in English too; the final rank tells nothing
        assertThat(inboxOf(moussa)).extracting(InboxItem::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.APPLICATION_SUBMITTED, NotificationKind.APPLICATION_WITHDRAWN);
        assertThat(inboxOf(moussa)).filteredOn(item -> item.kind() == NotificationKind.APPLICATION_WITHDRAWN)
                .singleElement().satisfies(item -> assertThat(item.body())
                        .contains("Your application \"Kalanso Agri\" (reference SDN3-SUC-0042, category \"Start-up Challenge\")")
                        .contains("was withdrawn on Monday, January 12, 2026 at 15:05 (Bamako time, GMT)"));
        await().atMost(WAIT).until(() -> mailsTo(moussa.email()).size() == 3);
        assertThat(deliveriesTo(moussa)).extracting(EmailDelivery::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.APPLICATION_SUBMITTED, NotificationKind.APPLICATION_WITHDRAWN);
    }

    @Test
    void the_preselection_decision_reaches_the_applicant_in_french() throws Exception {
        Participant awa = welcomed(Participant.named("Awa Traoré", "BF", "fr"));
        String edition = id("edition");
        String chosen = id("application");
        String notChosen = id("application");
        String startUps = id("category");
        String projects = id("category");
        publish(ApplicationSubmitted.TYPE, notChosen, new ApplicationSubmitted(notChosen, "SDN3-PRJ-0007", edition, projects,
                "PROJECT_CONTEST", awa.id(), null, "BF", "Jigi Santé", SUBMITTED_AT));
        await().atMost(WAIT).until(() -> inboxOf(awa).size() == 2);

        publish(ApplicationPreselected.TYPE, chosen, new ApplicationPreselected(chosen, "SDN3-SUC-0042", edition, startUps,
                "START_UP_CHALLENGE", awa.id(), id("organization"), "Kalanso", "BF", "Kalanso Agri", true, 2,
                "rang 4, dossier plus complet", Instant.now()));
        publish(ApplicationNotPreselected.TYPE, notChosen, new ApplicationNotPreselected(notChosen, "SDN3-PRJ-0007", edition,
                projects, "PROJECT_CONTEST", awa.id(), "BF", Instant.now(), true));

        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 4);
        MimeMessage preselected = mailWithSubject(awa, "Félicitations : votre candidature SDN3-SUC-0042 est présélectionnée");
        assertThat(text(preselected)).startsWith("Bonjour Awa Traoré,")
                .contains("votre candidature « Kalanso Agri » (référence SDN3-SUC-0042, catégorie\n« Start-up Challenge »)")
                .as("the rank and the organizer's reason stay with the organizers")
                .doesNotContain("rang 4").doesNotContain("dossier plus complet");
        MimeMessage notPreselected = mailWithSubject(awa, "Résultat de la présélection pour votre candidature SDN3-PRJ-0007");
        assertThat(text(notPreselected))
                .as("the title comes from the submission: the decision event does not carry it")
                .contains("Merci pour votre candidature « Jigi Santé » (référence SDN3-PRJ-0007, catégorie\n« Concours de projets »)")
                .as("the category shares the jury's comments: the notice says where to read them")
                .contains("Les commentaires du jury sur votre candidature (sans le nom des jurés) sont à lire sur sa page :")
                .contains("/me/applications/" + notChosen + "#jury-feedback");
        assertThat(mongo.find(query(where("key").in(chosen, notChosen)), Document.class, "dead_letters")).isEmpty();
    }

    @Test
    void a_member_learns_in_words_that_the_owner_took_over_then_deleted_their_drafts() throws Exception {
        Participant moussa = welcomed(Participant.named("Moussa Diallo", "NE", "fr"));
        String taken = id("application");
        String deleted = id("application");
        String organization = id("organization");
        publish(DraftReleased.TYPE, taken, new DraftReleased(taken, id("edition"), id("category"), "START_UP_CHALLENGE",
                organization, "Kalanso", "Kalanso Agri", moussa.id(), id("owner"), DraftReleased.TAKEN_OVER, Instant.now()));
        publish(DraftReleased.TYPE, deleted, new DraftReleased(deleted, id("edition"), id("category"), "PROJECT_CONTEST",
                organization, "Kalanso", "Jigi Santé", moussa.id(), id("owner"), DraftReleased.DELETED, Instant.now()));

        await().atMost(WAIT).until(() -> mailsTo(moussa.email()).size() == 3);
        assertThat(text(mailWithSubject(moussa, "Votre brouillon « Kalanso Agri » est repris par votre organisation")))
                .startsWith("Bonjour Moussa Diallo,")
                .contains("l'organisation\n« Kalanso » (catégorie « Start-up Challenge ») est repris par la personne")
                .doesNotContain("START_UP_CHALLENGE", "TAKEN_OVER");
        assertThat(text(mailWithSubject(moussa, "Votre brouillon « Jigi Santé » est supprimé par votre organisation")))
                .contains("(catégorie « Concours de projets ») est supprimé par la personne");
        assertThat(inboxOf(moussa)).extracting(InboxItem::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.DRAFT_TAKEN_OVER, NotificationKind.DRAFT_DELETED);
    }

    @Test
    void required_kinds_are_e_mailed_even_when_switched_off_and_optional_ones_are_not() throws Exception {
        Participant salif = welcomed(Participant.named("Salif Ouédraogo", "BF", "fr"));
        // the API refuses to switch a required kind off...
        mvc.perform(put("/api/notifications/me/preferences").header("Authorization", "Bearer " + salif.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": {\"AWARD_GRANTED\": false}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email.AWARD_GRANTED"));
        mvc.perform(put("/api/notifications/me/preferences").header("Authorization", "Bearer " + salif.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": {\"APPLICATION_WITHDRAWN\": false, \"RESULTS_PUBLISHED\": false}}"))
                .andExpect(status().isOk());
        // ...and a choice stored before the kinds were required (or written by anything else) changes nothing
        mongo.getCollection("email_preferences").updateOne(new Document("_id", salif.id()), new Document("$set", new Document()
                .append("email.APPLICATION_SUBMITTED", false).append("email.PRESELECTED", false)
                .append("email.NOT_PRESELECTED", false).append("email.AWARD_GRANTED", false)));
        mvc.perform(get("/api/notifications/me/preferences").header("Authorization", "Bearer " + salif.token()))
                .andExpect(jsonPath("$.email.AWARD_GRANTED").value(true))
                .andExpect(jsonPath("$.email.RESULTS_PUBLISHED").value(false));

        String edition = id("edition");
        String category = id("category");
        String first = id("application");
        String second = id("application");
        publish(ApplicationSubmitted.TYPE, first, new ApplicationSubmitted(first, "SDN3-SUC-0101", edition, category,
                "START_UP_CHALLENGE", salif.id(), id("organization"), "BF", "Faso Pay", SUBMITTED_AT));
        publish(ApplicationSubmitted.TYPE, second, new ApplicationSubmitted(second, "SDN3-SUC-0102", edition, category,
                "START_UP_CHALLENGE", salif.id(), id("organization"), "BF", "Faso Route", SUBMITTED_AT));
        publish(ApplicationWithdrawn.TYPE, second, new ApplicationWithdrawn(second, "SDN3-SUC-0102", edition, category,
                salif.id(), "BF", SUBMITTED_AT.plusSeconds(60)));
        publish(ApplicationPreselected.TYPE, first, new ApplicationPreselected(first, "SDN3-SUC-0101", edition, category,
                "START_UP_CHALLENGE", salif.id(), null, null, "BF", "Faso Pay", false, 1, null, Instant.now()));
        await().atMost(WAIT).until(() -> inboxOf(salif).size() == 5);
        publish(AwardGranted.TYPE, edition, new AwardGranted(edition, category, "START_UP_CHALLENGE", "SECOND", first,
                salif.id(), null, "Faso Pay", "BF", Instant.now()));
        publish(ResultsPublished.TYPE, edition, new ResultsPublished(edition, 3, Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(salif).size() == 7);
        assertThat(inboxOf(salif)).extracting(InboxItem::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.APPLICATION_SUBMITTED, NotificationKind.APPLICATION_SUBMITTED,
                NotificationKind.APPLICATION_WITHDRAWN, NotificationKind.PRESELECTED, NotificationKind.AWARD_GRANTED,
                NotificationKind.RESULTS_PUBLISHED);
        assertThat(deliveriesTo(salif)).extracting(EmailDelivery::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.APPLICATION_SUBMITTED, NotificationKind.APPLICATION_SUBMITTED,
                NotificationKind.PRESELECTED, NotificationKind.AWARD_GRANTED);
        await().atMost(WAIT).until(() -> mailsTo(salif.email()).size() == 5);
        assertThat(text(mailWithSubject(salif, "Félicitations : vous remportez le 2e prix")))
                .contains("Votre projet « Faso Pay » remporte le 2e prix de la\ncatégorie « Start-up Challenge »");
    }

    @Test
    void a_winner_in_english_learns_the_prize_and_gets_the_link_to_the_public_results() throws Exception {
        Participant aminata = welcomed(Participant.named("Aminata Maïga", "ML", "en"));
        String edition = id("edition");
        String application = id("application");
        publish(ApplicationSubmitted.TYPE, application, new ApplicationSubmitted(application, "SDN3-PRJ-0012", edition,
                id("category"), "PROJECT_CONTEST", aminata.id(), id("organization"), "ML", "Jigi Santé", SUBMITTED_AT));
        await().atMost(WAIT).until(() -> inboxOf(aminata).size() == 2);

        publish(AwardGranted.TYPE, edition, new AwardGranted(edition, null, null, "WOMEN_LED_SPECIAL_PRIZE", application,
                aminata.id(), null, "Jigi Santé", "ML", Instant.now()));
        publish(ResultsPublished.TYPE, edition, new ResultsPublished(edition, 3, Instant.now()));

        await().atMost(WAIT).until(() -> mailsTo(aminata.email()).size() == 4);
        assertThat(text(mailWithSubject(aminata,
                "Congratulations: you win the Special Prize for the best women-led initiative")))
                .contains("Your project \"Jigi Santé\" wins the Special Prize for the best women-led initiative at the Semaine")
                .doesNotContain("category");
        assertThat(text(mailWithSubject(aminata, "The results of the Semaine du Numérique are published")))
                .contains("The results of the 3rd edition of the Semaine du Numérique")
                .contains("\nhttp://localhost:8080/results?edition=" + edition + "\n");
    }

    @Test
    void a_receipt_for_someone_whose_profile_has_not_arrived_waits_for_it() throws Exception {
        Participant binta = Participant.named("Binta Sow", "ML", "fr");
        String application = id("application");
        publish(ApplicationSubmitted.TYPE, application, new ApplicationSubmitted(application, "SDN3-SUC-0077", id("edition"),
                id("category"), "START_UP_CHALLENGE", binta.id(), id("organization"), "ML", "Sahel Solaire", SUBMITTED_AT));
        await().atMost(WAIT).until(() -> mongo.exists(query(where("recipientId").is(binta.id())), "held_notices"));
        assertThat(inboxOf(binta)).isEmpty();

        publish(ParticipantRegistered.TYPE, binta.id(), binta.registered());

        await().atMost(WAIT).until(() -> mailsTo(binta.email()).size() == 2);
        assertThat(text(mailWithSubject(binta, "Candidature reçue : référence SDN3-SUC-0077")))
                .contains("Numéro de référence : SDN3-SUC-0077");
        assertThat(mongo.exists(query(where("recipientId").is(binta.id())), "held_notices")).isFalse();
    }

    @Test
    void a_competition_event_that_breaks_its_contract_is_dead_lettered_and_the_consumer_keeps_going() throws Exception {
        String key = "no-applicant-" + UUID.randomUUID();
        publish(ApplicationSubmitted.TYPE, key, new ApplicationSubmitted(key, "SDN3-SUC-0999", id("edition"), id("category"),
                "START_UP_CHALLENGE", null, null, "ML", "Sans porteur", SUBMITTED_AT));
        String unknownKey = "unknown-" + UUID.randomUUID();
        publishRaw(Topics.COMPETITION_APPLICATIONS, unknownKey, "{\"applicationId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, "sdn.competition.application-archived.v1"));
        Participant next = welcomed(Participant.named("Hawa Koné", "ML", "fr"));
        String application = id("application");
        publish(ApplicationSubmitted.TYPE, application, new ApplicationSubmitted(application, "SDN3-SUC-1000", id("edition"),
                id("category"), "START_UP_CHALLENGE", next.id(), null, "ML", "Suite", SUBMITTED_AT));

        await().atMost(WAIT).until(() -> inboxOf(next).size() == 2);
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                        .header("Authorization", "Bearer " + organizer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.key == '%s')].eventType", key).value(ApplicationSubmitted.TYPE.type()))
                .andExpect(jsonPath("$.items[?(@.key == '%s')].id", key).value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith("competition.applications.notification-service.DLT-")))));
        assertThat(mongo.find(query(where("key").is(unknownKey)), Document.class, "dead_letters"))
                .as("an event type this service does not know is skipped, not dead-lettered").isEmpty();
    }
}
