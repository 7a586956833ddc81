package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.registration.AttendanceCancelled;
import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.notification.attendance.DayBeforeReminders;
import ml.sdn.notification.attendance.DayRegistrations;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notifier;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import ml.sdn.smsc.SmppSink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The day-before reminder: the time is a fixed clock given to each instance (Bamako is on GMT), never the wall
 * clock; two instances run at once and one runs again after a "restart", and each person is reminded once.
 */
class DayBeforeRemindersIT extends NoticesIT {

    @Autowired
    DayRegistrations days;

    @Autowired
    Notifier notifier;

    @Test
    void each_person_holding_a_place_is_reminded_once_the_day_before_in_their_language_with_the_place_and_badge() throws Exception {
        // a day of its own, far from any other test's (every instance below reads the same store), and in January as
        // the week is: a day in August (« août », its û outside the GSM alphabet) made the SMS UCS-2, three segments
        // instead of one (CI, 7 December)
        LocalDate day = LocalDate.of(2040 + ThreadLocalRandom.current().nextInt(500), 1, 1 + ThreadLocalRandom.current().nextInt(31));
        Participant awa = welcomed(Participant.named("Awa Ouédraogo", "BF", "fr").withPhone("+22670" + digits(6)));
        Participant moussa = welcomed(Participant.named("Moussa Issa", "NE", "en"));
        Participant gone = welcomed(Participant.named("Fanta Keïta", "ML", "fr").withPhone("+22376" + digits(6)));
        String awaBadge = "SDN-" + digits(4);
        publish(AttendanceConfirmed.TYPE, "a-" + awa.id(), new AttendanceConfirmed("a-" + awa.id(), awa.id(), "BF", day,
                awaBadge, Instant.parse("2026-12-01T10:00:00Z")));
        publish(AttendancePromoted.TYPE, "a-" + moussa.id(), new AttendancePromoted("a-" + moussa.id(), moussa.id(), "NE", day,
                "SDN-M0U5", Instant.parse("2026-12-01T10:00:00Z")));
        publish(AttendanceConfirmed.TYPE, "a-" + gone.id(), new AttendanceConfirmed("a-" + gone.id(), gone.id(), "ML", day,
                "SDN-G0NE", Instant.parse("2026-12-01T10:00:00Z")));
        publish(AttendanceCancelled.TYPE, "a-" + gone.id(), new AttendanceCancelled("a-" + gone.id(), gone.id(), "ML", day,
                Instant.parse("2026-12-02T10:00:00Z")));
        // the cancellation follows the confirmation on its key: once it is told, all four events are kept
        await().atMost(WAIT).until(() -> inboxOf(gone).stream().anyMatch(i -> i.kind() == NotificationKind.ATTENDANCE_CANCELLED)
                && days.placesOn(day).size() == 2);
        assertThat(days.placesOn(day)).extracting(DayRegistrations.Place::participantId, DayRegistrations.Place::badgeCode)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(awa.id(), awaBadge),
                        org.assertj.core.groups.Tuple.tuple(moussa.id(), "SDN-M0U5"));

        // at 15:00 the day before, nobody yet
        assertThat(instanceAt(day.minusDays(1).atTime(15, 0)).run()).isZero();
        assertThat(reminders(awa)).isEmpty();

        // at 18:00 two instances run at once, and one again later (a restart)
        DayBeforeReminders first = instanceAt(day.minusDays(1).atTime(18, 0));
        DayBeforeReminders second = instanceAt(day.minusDays(1).atTime(18, 0));
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first::run);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(second::run);
        assertThat(one.get() + two.get()).isBetween(2, 4);
        assertThat(instanceAt(day.minusDays(1).atTime(20, 0)).run()).as("already reminded: nothing more").isZero();

        String awaSubject = "C'est demain : la Semaine du Numérique vous attend le " + frenchDay(day) + " au CICB";
        await().atMost(WAIT).until(() -> mailsWithSubject(awa, awaSubject).size() == 1);
        MimeMessage mail = mailsWithSubject(awa, awaSubject).get(0);
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).startsWith("Bonjour Awa Ouédraogo,")
                .contains("Centre\nInternational de Conférence de Bamako (CICB)")
                .contains("Votre code de badge : " + awaBadge);
        await().atMost(WAIT).until(() -> reminderSms(awa).size() == 1);
        assertThat(reminderSms(awa).get(0).text()).contains("au CICB").contains(awaBadge);
        assertThat(reminderSms(awa).get(0).segments()).isEqualTo(1);
        await().atMost(WAIT).until(() -> mailsTo(moussa.email()).stream()
                .anyMatch(m -> subject(m).startsWith("Tomorrow: the Semaine du Numérique expects you on")));

        assertThat(reminders(awa)).hasSize(1);
        assertThat(reminders(moussa)).hasSize(1);
        assertThat(reminders(gone)).isEmpty();
        assertThat(reminderSms(gone)).isEmpty();
        String awaEvent = "day-before-reminder:" + day + ":" + awa.id();
        assertThat(mongo.find(query(where("eventId").is(awaEvent)), EmailDelivery.class))
                .extracting(EmailDelivery::channel).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(mongo.find(query(where("eventId").regex("^day-before-reminder:" + day + ":")
                .and("recipientId").is(moussa.id())), EmailDelivery.class))
                .as("no phone: e-mail only").extracting(EmailDelivery::channel).containsExactly("EMAIL");
        assertThat(mongo.find(query(where("recipientId").is(gone.id()).and("kind").is(NotificationKind.ATTENDANCE_REMINDER)),
                EmailDelivery.class)).isEmpty();
        await().atMost(WAIT).until(() -> mailsWithSubject(awa, awaSubject).size() == 1
                && mongo.find(query(where("eventId").is(awaEvent)), EmailDelivery.class).stream()
                .allMatch(d -> d.status() == DeliveryStatus.SENT || d.status() == DeliveryStatus.DELIVERED));
    }

    private DayBeforeReminders instanceAt(java.time.LocalDateTime bamako) {
        return new DayBeforeReminders(days, notifier, mongo, Clock.fixed(bamako.toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                LocalTime.of(16, 0), Duration.ofMinutes(5));
    }

    private List<InboxItem> reminders(Participant participant) {
        return inboxOf(participant).stream().filter(item -> item.kind() == NotificationKind.ATTENDANCE_REMINDER).toList();
    }

    private static String frenchDay(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL)
                .withLocale(java.util.Locale.FRENCH).format(day);
    }

    private static List<SmppSink.Message> reminderSms(Participant participant) {
        return SMSC.messages().stream().filter(message -> message.to().equals(participant.phone())
                && message.text().contains("c'est demain")).toList();
    }

    private static String digits(int count) {
        return UUID.randomUUID().toString().replaceAll("\\D", "").concat("0123456789").substring(0, count);
    }
}
