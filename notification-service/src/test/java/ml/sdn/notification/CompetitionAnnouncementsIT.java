package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.ApplicationWithdrawn;
import ml.sdn.events.competition.AwardGranted;
import ml.sdn.events.competition.DeadlineExtended;
import ml.sdn.events.competition.ResultsPublished;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.templates.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Notices for everyone concerned by a category's deadline extension or an edition's results: each known
 * applicant once, whatever the number of their applications or of deliveries of the event.
 */
class CompetitionAnnouncementsIT extends NoticesIT {

    private static final Instant NEW_DEADLINE = Instant.parse("2099-01-16T23:59:00Z");

    @Autowired
    Inbox inbox;

    @Test
    void a_category_wide_extension_reaches_each_known_applicant_of_the_category_once() throws Exception {
        String edition = id("edition");
        String projects = id("category");
        Participant awa = welcomed(Participant.named("Awa Traoré", "BF", "fr"));
        Participant ibrahim = welcomed(Participant.named("Ibrahim Hama", "NE", "en"));
        Participant kadi = welcomed(Participant.named("Kadi Touré", "ML", "fr"));
        Participant elsewhere = welcomed(Participant.named("Oumou Sangaré", "ML", "fr"));
        submitted(awa, edition, projects);
        String withdrawn = submitted(ibrahim, edition, projects);
        publish(ApplicationWithdrawn.TYPE, withdrawn, new ApplicationWithdrawn(withdrawn, "SDN3-PRJ-0002", edition, projects,
                ibrahim.id(), "NE", Instant.now()));
        submitted(kadi, edition, projects);
        submitted(kadi, edition, projects);
        submitted(elsewhere, edition, id("category"));
        await().atMost(WAIT).until(() -> inboxOf(awa).size() == 2 && inboxOf(ibrahim).size() == 3
                && inboxOf(kadi).size() == 3 && inboxOf(elsewhere).size() == 2);

        String extension = UUID.randomUUID().toString();
        DeadlineExtended extended = new DeadlineExtended(projects, edition, "PROJECT_CONTEST", null, NEW_DEADLINE,
                "Coupure d'internet à Niamey le 14 janvier", "organizer-ml", Instant.now());
        publish(DeadlineExtended.TYPE, projects, extended, extension);
        publish(DeadlineExtended.TYPE, projects, extended, extension);
        // same key, so read after both copies: once it shows, the redelivery was handled
        String forAwa = publish(DeadlineExtended.TYPE, projects, new DeadlineExtended(projects, edition, "PROJECT_CONTEST",
                awa.id(), NEW_DEADLINE.plusSeconds(3600), "Pièce jointe illisible", "organizer-ml", Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(awa).stream().anyMatch(item -> item.eventId().equals(forAwa)));
        for (Participant told : List.of(awa, ibrahim, kadi)) {
            assertThat(inboxOf(told)).filteredOn(item -> item.eventId().equals(extension)).singleElement()
                    .satisfies(item -> assertThat(item.kind()).isEqualTo(NotificationKind.DEADLINE_EXTENDED));
        }
        assertThat(inboxOf(elsewhere)).noneMatch(item -> item.kind() == NotificationKind.DEADLINE_EXTENDED);

        await().atMost(WAIT).until(() -> mailsTo(kadi.email()).size() == 4);
        MimeMessage french = mailWithSubject(kadi, "Date limite prolongée : Concours de projets");
        assertThat(text(french)).contains("La date limite de dépôt des candidatures de la catégorie « Concours de projets »\n"
                        + "est prolongée jusqu'au vendredi 16 janvier 2099 à 23:59 (heure de Bamako, GMT).")
                .as("the organizer's reason is for the audit trail").doesNotContain("Niamey");
        await().atMost(WAIT).until(() -> mailsTo(ibrahim.email()).size() == 4);
        assertThat(text(mailWithSubject(ibrahim, "Deadline extended: Project Contest")))
                .contains("is extended until\nFriday, January 16, 2099 at 23:59 (Bamako time, GMT).");
        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 4);
        assertThat(text(mailWithSubject(awa, "Votre date limite de dépôt est prolongée")))
                .contains("Vous pouvez déposer votre candidature jusqu'au\nsamedi 17 janvier 2099 à 00:59 (heure de Bamako, GMT).")
                .doesNotContain("illisible");
        assertThat(mailsWithSubject(kadi, "Date limite prolongée : Concours de projets")).hasSize(1);
    }

    @Test
    void an_extension_for_one_applicant_reaches_them_alone() {
        String edition = id("edition");
        String startUps = id("category");
        Participant late = welcomed(Participant.named("Seydou Keïta", "ML", "fr"));
        Participant onTime = welcomed(Participant.named("Fanta Camara", "ML", "fr"));
        submitted(onTime, edition, startUps);
        await().atMost(WAIT).until(() -> inboxOf(onTime).size() == 2);

        String forLate = publish(DeadlineExtended.TYPE, startUps, new DeadlineExtended(startUps, edition, "START_UP_CHALLENGE",
                late.id(), NEW_DEADLINE, "Panne de courant", "organizer-ml", Instant.now()));
        // same key, read after it: once the whole category hears of this one, the first was handled
        String forAll = publish(DeadlineExtended.TYPE, startUps, new DeadlineExtended(startUps, edition, "START_UP_CHALLENGE",
                null, NEW_DEADLINE, "Prolongation générale", "organizer-ml", Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(onTime).stream().anyMatch(item -> item.eventId().equals(forAll)));
        assertThat(inboxOf(onTime)).noneMatch(item -> item.eventId().equals(forLate));
        await().atMost(WAIT).until(() -> inboxOf(late).stream().anyMatch(item -> item.eventId().equals(forLate)));
        assertThat(inboxOf(late)).filteredOn(item -> item.eventId().equals(forLate)).singleElement()
                .satisfies(item -> assertThat(item.subject()).isEqualTo("Votre date limite de dépôt est prolongée"));
        assertThat(inboxOf(late)).as("no application of theirs is known: only a draft, perhaps")
                .noneMatch(item -> item.eventId().equals(forAll));
    }

    @Test
    void the_results_reach_every_known_applicant_of_the_edition_once_even_after_a_crash_half_way() throws Exception {
        String edition = id("edition");
        Participant halfway = welcomed(Participant.named("Mariam Diarra", "ML", "fr"));
        Participant twice = welcomed(Participant.named("Boubacar Diallo", "BF", "en"));
        Participant withdrew = welcomed(Participant.named("Zara Hama", "NE", "fr"));
        Participant otherEdition = welcomed(Participant.named("Adama Cissé", "ML", "fr"));
        submitted(halfway, edition, id("category"));
        String category = id("category");
        String winning = submitted(twice, edition, category);
        submitted(twice, edition, id("category"));
        String gone = submitted(withdrew, edition, category);
        publish(ApplicationWithdrawn.TYPE, gone, new ApplicationWithdrawn(gone, "SDN3-PRJ-0003", edition, category,
                withdrew.id(), "NE", Instant.now()));
        submitted(otherEdition, id("edition"), category);
        await().atMost(WAIT).until(() -> inboxOf(halfway).size() == 2 && inboxOf(twice).size() == 3
                && inboxOf(withdrew).size() == 3 && inboxOf(otherEdition).size() == 2);
        String publication = UUID.randomUUID().toString();
        // as if the service died half-way through the list: this one has the inbox item, not yet the e-mail
        inbox.deliver(publication, halfway.id(), NotificationKind.RESULTS_PUBLISHED,
                new RenderedMessage(Language.FR, "Les résultats de la Semaine du Numérique sont publiés", "…"));

        publish(ResultsPublished.TYPE, edition, new ResultsPublished(edition, 3, Instant.now()), publication);
        publish(ResultsPublished.TYPE, edition, new ResultsPublished(edition, 3, Instant.now()), publication);
        // same key, so read after both copies
        String award = publish(AwardGranted.TYPE, edition, new AwardGranted(edition, category, "PROJECT_CONTEST", "THIRD",
                winning, twice.id(), null, "Sahel Logistique", "BF", Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(twice).stream().anyMatch(item -> item.eventId().equals(award)));
        for (Participant told : List.of(halfway, twice)) {
            assertThat(inboxOf(told)).filteredOn(item -> item.eventId().equals(publication)).hasSize(1);
            await().atMost(WAIT).until(() -> deliveriesTo(told).stream().anyMatch(delivery ->
                    delivery.eventId().equals(publication) && delivery.status() == DeliveryStatus.SENT));
            assertThat(deliveriesTo(told)).filteredOn(delivery -> delivery.eventId().equals(publication)).hasSize(1);
        }
        assertThat(inboxOf(withdrew)).noneMatch(item -> item.eventId().equals(publication));
        assertThat(inboxOf(otherEdition)).noneMatch(item -> item.eventId().equals(publication));
        assertThat(text(mailWithSubject(halfway, "Les résultats de la Semaine du Numérique sont publiés")))
                .contains("Les résultats de la 3e édition de la Semaine du Numérique sont publiés")
                .contains("Consultez-les ici :\nhttp://localhost:8080/results?edition=" + edition + "\n");
        await().atMost(WAIT).until(() -> mailsTo(twice.email()).size() == 5);
        assertThat(text(mailWithSubject(twice, "Congratulations: you win the Third Prize")))
                .contains("Your project \"Sahel Logistique\" wins the Third Prize in the\ncategory \"Project Contest\"");
        assertThat(mailsWithSubject(twice, "The results of the Semaine du Numérique are published")).hasSize(1);
    }

    @Test
    void someone_whose_submission_is_learnt_after_the_results_or_an_extension_is_told_then() throws Exception {
        String edition = id("edition");
        String category = id("category");
        Instant extendedAt = Instant.now();
        String results = publish(ResultsPublished.TYPE, edition, new ResultsPublished(edition, 1, Instant.now()));
        String extension = publish(DeadlineExtended.TYPE, category, new DeadlineExtended(category, edition, "START_UP_CHALLENGE",
                null, NEW_DEADLINE, "Prolongation", "organizer-ml", extendedAt));
        await().atMost(WAIT).until(() -> mongo.exists(query(where("_id").in(results)), "competition_announcements")
                && mongo.exists(query(where("_id").in(extension)), "competition_announcements"));
        Participant before = welcomed(Participant.named("Nafissatou Diop", "ML", "fr"));
        Participant after = welcomed(Participant.named("Lassina Traoré", "BF", "fr"));

        // read late, as after a restart: submitted before the extension, and after it
        submitted(before, edition, category, extendedAt.minusSeconds(3600));
        submitted(after, edition, category, extendedAt.plusSeconds(60));

        await().atMost(WAIT).until(() -> mailsTo(before.email()).size() == 4);
        assertThat(inboxOf(before)).extracting(InboxItem::kind).containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED,
                NotificationKind.APPLICATION_SUBMITTED, NotificationKind.RESULTS_PUBLISHED, NotificationKind.DEADLINE_EXTENDED);
        assertThat(text(mailWithSubject(before, "Les résultats de la Semaine du Numérique sont publiés")))
                .contains("Les résultats de la 1re édition de la Semaine du Numérique");
        await().atMost(WAIT).until(() -> inboxOf(after).size() == 3);
        assertThat(inboxOf(after)).extracting(InboxItem::kind).as("the extension was announced before they submitted")
                .containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED, NotificationKind.APPLICATION_SUBMITTED,
                        NotificationKind.RESULTS_PUBLISHED);
    }

    @Test
    void an_erased_applicant_leaves_no_application_behind() {
        Participant leaving = welcomed(Participant.named("Moussa Diallo", "ML", "fr"));
        String application = submitted(leaving, id("edition"), id("category"));
        await().atMost(WAIT).until(() -> mongo.exists(query(where("_id").is(application)), "known_applications"));

        publish(ParticipantErased.TYPE, leaving.id(), new ParticipantErased(leaving.id(), Instant.now()));

        await().atMost(WAIT).until(() -> !mongo.exists(query(where("applicantId").is(leaving.id())), "known_applications"));
    }

    private String submitted(Participant applicant, String edition, String category) {
        return submitted(applicant, edition, category, Instant.now());
    }

    private String submitted(Participant applicant, String edition, String category, Instant at) {
        String application = id("application");
        publish(ApplicationSubmitted.TYPE, application, new ApplicationSubmitted(application,
                "SDN3-PRJ-" + UUID.randomUUID().toString().substring(0, 4), edition, category, "PROJECT_CONTEST",
                applicant.id(), null, applicant.country(), "Projet de " + applicant.displayName(), at));
        return application;
    }
}
