package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.JurorAssigned;
import ml.sdn.events.competition.JurorUnassigned;
import ml.sdn.events.competition.PhaseChanged;
import ml.sdn.events.competition.ReviewReminder;
import ml.sdn.events.competition.ReviewSubmitted;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Jury events for the juror: told what to do and by when, never whose applications they are. */
class JuryNoticesIT extends NoticesIT {

    @Test
    void a_juror_hears_once_of_an_assignment_run_then_of_each_change_and_never_whose_applications_they_are() throws Exception {
        Participant juror = welcomed(Participant.named("Oumar Sidibé", "ML", "fr"));
        Participant applicant = welcomed(Participant.named("Kadidia Coulibaly", "NE", "fr"));
        String edition = id("edition");
        String category = id("category");
        String known = id("application");
        publish(ApplicationSubmitted.TYPE, known, new ApplicationSubmitted(known, "SDN3-SUC-0555", edition, category,
                "START_UP_CHALLENGE", applicant.id(), "org-kalanso-niamey", "NE", "Projet Secret Niamey", Instant.now()));
        await().atMost(WAIT).until(() -> inboxOf(applicant).size() == 2);
        List<String> applications = List.of(known, id("application"), id("application"));
        // one key for the whole story (competition-service keys by application): read in the order sent
        String key = category;
        String firstAssignment = UUID.randomUUID().toString();

        JurorAssigned first = new JurorAssigned(applications.get(0), edition, category, "START_UP_CHALLENGE", juror.id(),
                "PRESELECTION", false, Instant.now());
        publish(JurorAssigned.TYPE, key, first, firstAssignment);
        publish(JurorAssigned.TYPE, key, first, firstAssignment);
        for (String application : applications.subList(1, 3)) {
            publish(JurorAssigned.TYPE, key, new JurorAssigned(application, edition, category, "START_UP_CHALLENGE",
                    juror.id(), "PRESELECTION", false, Instant.now()));
        }
        publish(PhaseChanged.TYPE, key, new PhaseChanged(category, edition, "START_UP_CHALLENGE", "EVALUATION", Instant.now()));
        String byHand = publish(JurorAssigned.TYPE, key, new JurorAssigned(id("application"), edition, category,
                "START_UP_CHALLENGE", juror.id(), "PRESELECTION", true, Instant.now()));
        publish(JurorUnassigned.TYPE, key, new JurorUnassigned(applications.get(1), edition, category, juror.id(),
                "PRESELECTION", "CONFLICT", Instant.now()));
        publish(ReviewSubmitted.TYPE, key, new ReviewSubmitted(known, edition, category, juror.id(), "PRESELECTION", Instant.now()));
        String removed = publish(JurorUnassigned.TYPE, key, new JurorUnassigned(applications.get(2), edition, category,
                juror.id(), "PRESELECTION", "REMOVED", Instant.now()));
        String reminder = publish(ReviewReminder.TYPE, key, new ReviewReminder(category, edition, "START_UP_CHALLENGE",
                juror.id(), "PRESELECTION", 2, Instant.parse("2099-02-10T23:59:00Z"), Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(juror).stream().anyMatch(item -> item.eventId().equals(reminder)));
        assertThat(inboxOf(juror)).extracting(InboxItem::kind).containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED,
                NotificationKind.JUROR_ASSIGNED, NotificationKind.JUROR_ASSIGNED, NotificationKind.JUROR_UNASSIGNED,
                NotificationKind.REVIEW_REMINDER);
        assertThat(inboxOf(juror)).extracting(InboxItem::eventId).contains(byHand, removed, reminder)
                .doesNotContain(firstAssignment);
        await().atMost(WAIT).until(() -> mailsTo(juror.email()).size() == 5);
        assertThat(subjects(juror)).contains(
                "Jury : des candidatures à évaluer pour la présélection",
                "Jury : une candidature de plus à évaluer pour la présélection",
                "Jury : une candidature est retirée de votre liste",
                "Rappel : 2 évaluations à soumettre avant le mardi 10 février 2099 à 23:59 (heure de Bamako, GMT)");
        MimeMessage run = mailsTo(juror.email()).stream()
                .filter(mail -> subject(mail).equals("Jury : des candidatures à évaluer pour la présélection")).findFirst().orElseThrow();
        assertThat(text(run)).contains("Vous faites partie du jury de la catégorie « Start-up Challenge » pour\nla présélection.");

        // blind review: nothing of the applicant reaches the juror, in the inbox or by e-mail
        StringBuilder everything = new StringBuilder();
        inboxOf(juror).forEach(item -> everything.append(item.subject()).append(item.body()));
        mailsTo(juror.email()).forEach(mail -> everything.append(subject(mail)).append(text(mail)));
        assertThat(everything.toString()).doesNotContain("Kadidia", "Coulibaly", "Projet Secret", "SDN3-SUC-0555",
                "kalanso", applicant.id(), applicant.email(), known, applications.get(1), applications.get(2));
    }

    @Test
    void a_reminder_in_english_gives_the_pending_reviews_and_the_end_of_the_round_in_bamako_time() throws Exception {
        Participant juror = welcomed(Participant.named("Ibrahim Maïga", "NE", "en"));
        String category = id("category");
        String reminder = UUID.randomUUID().toString();
        ReviewReminder event = new ReviewReminder(category, id("edition"), "PROJECT_CONTEST", juror.id(), "FINAL", 4,
                Instant.parse("2099-03-02T17:00:00Z"), Instant.now());

        publish(ReviewReminder.TYPE, category, event, reminder);
        publish(ReviewReminder.TYPE, category, event, reminder);
        String nothingPending = publish(ReviewReminder.TYPE, category, new ReviewReminder(category, event.editionId(),
                "PROJECT_CONTEST", juror.id(), "FINAL", 0, event.endsAt(), Instant.now()));
        String later = publish(JurorAssigned.TYPE, category, new JurorAssigned(id("application"), event.editionId(), category,
                "PROJECT_CONTEST", juror.id(), "FINAL", true, Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(juror).stream().anyMatch(item -> item.eventId().equals(later)));
        assertThat(inboxOf(juror)).filteredOn(item -> item.kind() == NotificationKind.REVIEW_REMINDER).singleElement()
                .satisfies(item -> assertThat(item.eventId()).isEqualTo(reminder));
        assertThat(inboxOf(juror)).noneMatch(item -> item.eventId().equals(nothingPending));
        await().atMost(WAIT).until(() -> mailsTo(juror.email()).size() == 3);
        MimeMessage mail = mailsTo(juror.email()).stream()
                .filter(m -> subject(m).startsWith("Reminder:")).findFirst().orElseThrow();
        assertThat(subject(mail)).isEqualTo("Reminder: 4 reviews to submit before Monday, March 2, 2099 at 17:00 (Bamako time, GMT)");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        assertThat(text(mail)).contains("You still have 4 reviews to submit for the final round in the\ncategory \"Project Contest\".");
    }
}
