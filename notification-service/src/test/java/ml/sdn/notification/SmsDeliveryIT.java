package ml.sdn.notification;

import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.mail.DeliveryAttempt;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import ml.sdn.notification.sms.SmsDelivery;
import ml.sdn.notification.sms.SmsSender;
import ml.sdn.smsc.SmppSink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The SMS channel against the local stack's SMSC (an SMPP sink in this JVM, real SMPP on a socket). */
class SmsDeliveryIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SmsSender sms;

    @Test
    void a_niger_applicant_with_a_phone_gets_the_receipt_by_sms_once_in_french_and_the_log_shows_it_delivered()
            throws Exception {
        Participant mariama = Participant.named("Mariama Issoufou", "NE", "fr").withPhone("+22790" + digits(6));
        publish(ParticipantRegistered.TYPE, mariama.id(), mariama.registered());
        String application = UUID.randomUUID().toString();
        ApplicationSubmitted submitted = new ApplicationSubmitted(application, "SDN3-SUC-0427", "edition-3", "category",
                "SUCCESS_STORY", mariama.id(), null, "NE", "Irrigation solaire à Tillabéri", Instant.now());
        String eventId = publish(ApplicationSubmitted.TYPE, application, submitted);

        await().atMost(WAIT).until(() -> smsOf(mariama).map(SmsDelivery::status).orElse(null) == DeliveryStatus.DELIVERED);
        // the same event again (a redelivery) sends nothing more
        publish(ApplicationSubmitted.TYPE, application, submitted, eventId);
        await().atMost(WAIT).until(() -> mailsTo(mariama.email()).size() == 2);

        List<SmppSink.Message> received = received(mariama.phone());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).text())
                .isEqualTo("Semaine du Numérique : votre candidature est bien reçue. Référence SDN3-SUC-0427. "
                        + "Conservez ce message, c'est votre accusé de réception.");
        assertThat(received.get(0).segments()).isEqualTo(3);
        assertThat(received.get(0).from()).isEqualTo("SDN");
        SmsDelivery delivered = smsOf(mariama).orElseThrow();
        assertThat(delivered.kind()).isEqualTo(NotificationKind.APPLICATION_SUBMITTED);
        assertThat(delivered.messageIds()).hasSize(3);
        assertThat(delivered.deliveredAt()).isNotNull();
        assertThat(mongo.count(query(where("recipientId").is(mariama.id()).and("channel").is("SMS")), SmsDelivery.class))
                .isEqualTo(1);

        // organizers read it in the one delivery log, beside the e-mail
        mvc.perform(get("/api/notifications/admin/deliveries?status=DELIVERED&size=100")
                        .header("Authorization", "Bearer " + ISSUER.token("organizer-ne", "NE", "organizer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.recipientId == '%s')].channel", mariama.id()).value("SMS"))
                .andExpect(jsonPath("$.items[?(@.recipientId == '%s')].to", mariama.id()).value(mariama.phone()))
                .andExpect(jsonPath("$.items[0].body").doesNotExist());
        // and by channel: the SMS alone, or the e-mails alone
        mvc.perform(get("/api/notifications/admin/deliveries?channel=SMS&size=100")
                        .header("Authorization", "Bearer " + ISSUER.token("organizer-ne", "NE", "organizer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.channel != 'SMS')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.recipientId == '%s')].channel", mariama.id()).value("SMS"));
        mvc.perform(get("/api/notifications/admin/deliveries?channel=EMAIL&size=100")
                        .header("Authorization", "Bearer " + ISSUER.token("organizer-ne", "NE", "organizer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.channel != 'EMAIL')]").isEmpty());
    }

    @Test
    void a_person_without_a_phone_number_gets_no_sms_and_the_e_mail_goes_as_before() {
        Participant ali = Participant.named("Ali Traoré", "ML", "fr");
        publish(ParticipantRegistered.TYPE, ali.id(), ali.registered());
        String application = UUID.randomUUID().toString();
        publish(ApplicationSubmitted.TYPE, application, new ApplicationSubmitted(application, "SDN3-SUC-0500", "edition-3",
                "category", "SUCCESS_STORY", ali.id(), null, "ML", "Projet", Instant.now()));

        await().atMost(WAIT).until(() -> mailsTo(ali.email()).size() == 2);
        assertThat(mongo.exists(query(where("recipientId").is(ali.id()).and("channel").is("SMS")), SmsDelivery.class)).isFalse();
        assertThat(mongo.find(query(where("recipientId").is(ali.id())), EmailDelivery.class))
                .allSatisfy(email -> assertThat(email.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void the_smsc_killed_in_the_middle_of_a_burst_of_200_and_started_again_loses_none_and_repeats_none() {
        String burst = digits(6);
        int before = SMSC.messages().size();
        SMSC.killAfter(before + 60);
        // every tenth one long and accented: three UCS-2 segments, so that the kill can fall between segments
        Map<String, String> texts = IntStream.range(0, 200).boxed().collect(Collectors.toMap(
                i -> "+22670" + burst.substring(0, 3) + String.format("%03d", i),
                i -> i % 10 == 0
                        ? "Rafale " + burst + " n° " + i + " : message long et accentué, découpé en segments, "
                                + "réassemblé à l'arrivée ; chaque segment porte la même référence. Ça marche ?"
                        : "Burst " + burst + " #" + i));
        texts.forEach((phone, text) -> sms.queue("burst-" + burst + "-" + phone, "recipient-" + phone, phone,
                NotificationKind.APPLICATION_SUBMITTED, "fr", text));

        await().atMost(WAIT).until(() -> !SMSC.running());
        SMSC.start();

        await().atMost(WAIT).untilAsserted(() -> assertThat(burstDeliveries(burst).stream()
                .collect(Collectors.groupingBy(SmsDelivery::status, Collectors.counting())))
                .isEqualTo(Map.of(DeliveryStatus.DELIVERED, 200L)));
        Map<String, List<SmppSink.Message>> byNumber = SMSC.messages().stream()
                .filter(message -> message.text().contains(burst))
                .collect(Collectors.groupingBy(SmppSink.Message::to));
        assertThat(byNumber).hasSize(200);
        byNumber.forEach((phone, messages) -> assertThat(messages).as("messages to " + phone)
                .extracting(SmppSink.Message::text).containsOnly(texts.get(phone)));
        // The kill falls after the SMSC took the 60th SMS and before it answered: that SMS is in doubt, not sent
        // again, and the receipt the restarted SMSC sends (echoing its user_message_reference) settles it. Each SMS
        // reaches its phone exactly once.
        assertThat(byNumber.values().stream().filter(messages -> messages.size() > 1).toList())
                .as("SMS received more than once").isEmpty();
        assertThat(burstDeliveries(burst)).as("an SMS in doubt, settled by its receipt")
                .anySatisfy(delivery -> assertThat(delivery.attemptLog()).extracting(DeliveryAttempt::error)
                        .anySatisfy(error -> assertThat(error).startsWith("in doubt settled")));
        // and no segment twice either (a long one whose second segment was in doubt sends only its third)
        Set<String> phones = texts.keySet();
        Map<String, List<SmppSink.Segment>> segmentsByNumber = SMSC.segments().stream()
                .filter(segment -> phones.contains(segment.to()))
                .collect(Collectors.groupingBy(SmppSink.Segment::to));
        assertThat(segmentsByNumber).hasSize(200);
        segmentsByNumber.forEach((phone, segments) -> assertThat(segments).as("segments to " + phone)
                .hasSize(segments.get(0).total()).doesNotHaveDuplicates());
        assertThat(byNumber.values().stream().filter(m -> m.get(0).segments() == 3).count()).isEqualTo(20);
    }

    @Test
    void while_the_smsc_is_down_the_sms_waits_and_arrives_once_it_is_back() {
        SMSC.stop();
        String phone = "+22376" + digits(6);
        sms.queue("outage-" + phone, "recipient-" + phone, phone, NotificationKind.AWARD_GRANTED, "en", "Outage " + phone);

        await().atMost(WAIT).until(() -> sms(phone).isPresent());
        assertThat(sms(phone).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        SMSC.start();

        await().atMost(WAIT).until(() -> sms(phone).orElseThrow().status() == DeliveryStatus.DELIVERED);
        assertThat(received(phone)).hasSize(1);
    }

    @Test
    void while_the_smsc_refuses_to_bind_the_sms_waits_its_attempts_untouched_and_arrives_once_binds_are_taken() {
        int refusedBefore = SMSC.bindsRefused();
        SMSC.stop();
        SMSC.refuseBinds(true);
        SMSC.start();
        // the situation under test starts once the service knows its session is gone: until it has been refused a
        // bind, it may still take the old session for a live one and try the SMS on it (an attempt, rightly counted)
        await().atMost(WAIT).until(() -> SMSC.bindsRefused() > refusedBefore);
        String phone = "+22377" + digits(6);
        sms.queue("refused-" + phone, "recipient-" + phone, phone, NotificationKind.PRESELECTED, "fr", "Bind refusé " + phone);

        await().atMost(WAIT).until(() -> SMSC.bindsRefused() >= refusedBefore + 2);
        assertThat(sms(phone).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(sms(phone).orElseThrow().attempts()).isZero();
        SMSC.refuseBinds(false);

        await().atMost(WAIT).until(() -> sms(phone).orElseThrow().status() == DeliveryStatus.DELIVERED);
        assertThat(received(phone)).hasSize(1);
        assertThat(received(phone).get(0).text()).isEqualTo("Bind refusé " + phone);
    }

    @Test
    void a_throttled_sms_is_tried_again_after_its_backoff_and_arrives_once() {
        String phone = "+22365" + digits(6);
        SMSC.throttleNext(2);
        sms.queue("throttled-" + phone, "recipient-" + phone, phone, NotificationKind.PRESELECTED, "en", "Throttled " + phone);

        await().atMost(WAIT).until(() -> sms(phone).map(SmsDelivery::status).orElse(null) == DeliveryStatus.DELIVERED);
        SmsDelivery delivered = sms(phone).orElseThrow();
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.attemptLog().subList(0, 2))
                .allSatisfy(attempt -> assertThat(attempt.error()).contains("ESME_RTHROTTLED"));
        assertThat(received(phone)).hasSize(1);
    }

    @Test
    void an_invalid_destination_is_given_up_at_once_with_the_smsc_reason_in_the_log() {
        String refused = SmppSink.INVALID_PREFIX + digits(8);
        sms.queue("invalid-" + refused, "recipient-" + refused, refused, NotificationKind.PRESELECTED, "en", "Nobody");
        String malformed = "+0" + digits(3);
        sms.queue("invalid-" + malformed, "recipient-" + malformed, malformed, NotificationKind.PRESELECTED, "en", "Nobody");

        await().atMost(WAIT).until(() -> sms(refused).map(SmsDelivery::status).orElse(null) == DeliveryStatus.FAILED);
        assertThat(sms(refused).orElseThrow().attempts()).isEqualTo(1);
        assertThat(sms(refused).orElseThrow().lastError()).contains("ESME_RINVDSTADR");
        await().atMost(WAIT).until(() -> sms(malformed).map(SmsDelivery::status).orElse(null) == DeliveryStatus.FAILED);
        assertThat(sms(malformed).orElseThrow().lastError()).contains("not an E.164");
        assertThat(received(refused)).isEmpty();
    }

    @Test
    void a_receipt_saying_undeliverable_marks_the_sms_failed_with_the_smsc_reason() {
        String phone = SmppSink.UNDELIVERABLE_PREFIX + digits(8);
        sms.queue("undeliverable-" + phone, "recipient-" + phone, phone, NotificationKind.PRESELECTED, "en", "Switched off");

        await().atMost(WAIT).until(() -> sms(phone).map(SmsDelivery::status).orElse(null) == DeliveryStatus.FAILED);
        assertThat(sms(phone).orElseThrow().lastError()).isEqualTo("SMSC: stat:UNDELIV err:001");
        assertThat(sms(phone).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void an_optional_kind_switched_off_for_sms_sends_no_sms_and_a_required_one_cannot_be() throws Exception {
        Participant awa = Participant.named("Awa Ouédraogo", "BF", "fr").withPhone("+22670" + digits(6));
        mvc.perform(get("/api/notifications/me/preferences").header("Authorization", "Bearer " + awa.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sms.MILESTONE_SENT_BACK").value(true))
                .andExpect(jsonPath("$.sms.PROFILE_CREATED").doesNotExist())
                .andExpect(jsonPath("$.smsRequired[0]").value("ATTENDANCE_PROMOTED"))
                .andExpect(jsonPath("$.smsTo").doesNotExist());

        mvc.perform(put("/api/notifications/me/preferences").header("Authorization", "Bearer " + awa.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sms\":{\"APPLICATION_SUBMITTED\":false}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("sms.APPLICATION_SUBMITTED"));
        mvc.perform(put("/api/notifications/me/preferences").header("Authorization", "Bearer " + awa.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sms\":{\"PROFILE_CREATED\":false}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sms.PROFILE_CREATED"));
        mvc.perform(put("/api/notifications/me/preferences").header("Authorization", "Bearer " + awa.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sms\":{\"ATTENDANCE_CONFIRMED\":false}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sms.ATTENDANCE_CONFIRMED").value(false))
                .andExpect(jsonPath("$.email.ATTENDANCE_CONFIRMED").value(true));

        publish(ParticipantRegistered.TYPE, awa.id(), awa.registered());
        String day = UUID.randomUUID().toString();
        publish(ml.sdn.events.registration.AttendanceConfirmed.TYPE, day, new ml.sdn.events.registration.AttendanceConfirmed(
                day, awa.id(), "BF", java.time.LocalDate.of(2026, 1, 29), "SDN-C0NF", Instant.now()));
        String promoted = UUID.randomUUID().toString();
        publish(ml.sdn.events.registration.AttendancePromoted.TYPE, promoted, new ml.sdn.events.registration.AttendancePromoted(
                promoted, awa.id(), "BF", java.time.LocalDate.of(2026, 1, 30), "SDN-PR0M", Instant.now()));

        await().atMost(WAIT).until(() -> received(awa.phone()).size() == 1);
        // the page tells her where her SMS go, masked
        mvc.perform(get("/api/notifications/me/preferences").header("Authorization", "Bearer " + awa.token()))
                .andExpect(jsonPath("$.smsTo").value("+226 … " + awa.phone().substring(awa.phone().length() - 2)));
        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 3);
        assertThat(received(awa.phone()).get(0).text()).contains("SDN-PR0M").contains("vendredi 30 janvier 2026");
        assertThat(mongo.count(query(where("recipientId").is(awa.id()).and("channel").is("SMS")), SmsDelivery.class))
                .isEqualTo(1);
    }

    private java.util.Optional<SmsDelivery> smsOf(Participant participant) {
        return java.util.Optional.ofNullable(mongo.findOne(query(where("recipientId").is(participant.id()).and("channel").is("SMS")),
                SmsDelivery.class));
    }

    private java.util.Optional<SmsDelivery> sms(String phone) {
        return java.util.Optional.ofNullable(mongo.findOne(query(where("to").is(phone).and("channel").is("SMS")), SmsDelivery.class));
    }

    private List<SmsDelivery> burstDeliveries(String burst) {
        return mongo.find(query(where("eventId").regex("^burst-" + burst + "-")), SmsDelivery.class);
    }

    private static List<SmppSink.Message> received(String phone) {
        return SMSC.messages().stream().filter(message -> message.to().equals(phone)).toList();
    }

    private static String digits(int count) {
        return UUID.randomUUID().toString().replaceAll("\\D", "").concat("0123456789").substring(0, count);
    }

}
