package ml.sdn.notification;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.sms.SmsDelivery;
import ml.sdn.notification.sms.SmsSender;
import ml.sdn.smsc.SmppSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The SMS budget against the local stack's SMSC (the SMPP sink, real SMPP on a socket). */
class SmsBudgetIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SmsSender sms;

    @AfterEach
    void limitsBackToTheConfiguration() {
        mongo.remove(query(where("_id").is("limits")), "sms_budget_settings");
    }

    @Test
    void once_the_days_cap_is_reached_optional_sms_are_not_sent_required_ones_still_go_and_organizers_are_told_once()
            throws Exception {
        JsonNode before = smsFigures();
        long today = before.get("dayUsed").asLong();
        setLimits(0, today + 3);

        // optional SMS of one segment each until the cap refuses one (three fit, unless something else spends today)
        String run = digits(5);
        List<String> sent = new ArrayList<>();
        String refused = null;
        for (int i = 0; i < 5 && refused == null; i++) {
            String phone = "+22670" + run + i;
            SmsSender.Queued queued = sms.queue("budget-" + phone, "recipient-" + phone, phone,
                    NotificationKind.ATTENDANCE_CONFIRMED, "fr", "Place confirmée " + phone, "BF");
            if (queued == SmsSender.Queued.QUEUED) {
                sent.add(phone);
            } else {
                assertThat(queued).isEqualTo(SmsSender.Queued.NOT_SENT_BUDGET_REACHED);
                refused = phone;
            }
        }
        assertThat(refused).as("an optional SMS refused by the day's cap").isNotNull();
        // a required one still goes; another optional one does not
        String required = "+22790" + run + "8";
        assertThat(sms.queue("budget-" + required, "recipient-" + required, required, NotificationKind.APPLICATION_SUBMITTED,
                "fr", "Candidature reçue " + required, "NE")).isEqualTo(SmsSender.Queued.QUEUED);
        String alsoRefused = "+22670" + run + "9";
        assertThat(sms.queue("budget-" + alsoRefused, "recipient-" + alsoRefused, alsoRefused,
                NotificationKind.ATTENDANCE_REMINDER, "fr", "Rappel " + alsoRefused, "BF"))
                .isEqualTo(SmsSender.Queued.NOT_SENT_BUDGET_REACHED);
        // the same refused SMS asked for again (a redelivery) changes nothing
        assertThat(sms.queue("budget-" + refused, "recipient-" + refused, refused, NotificationKind.ATTENDANCE_CONFIRMED,
                "fr", "Place confirmée " + refused, "BF")).isEqualTo(SmsSender.Queued.ALREADY);

        await().atMost(WAIT).until(() -> smsTo(required).status() == DeliveryStatus.DELIVERED);
        for (String phone : sent) {
            await().atMost(WAIT).until(() -> smsTo(phone).status() == DeliveryStatus.DELIVERED);
            assertThat(received(phone)).hasSize(1);
        }
        assertThat(received(required)).hasSize(1);
        assertThat(received(refused)).isEmpty();
        assertThat(received(alsoRefused)).isEmpty();
        assertThat(smsTo(refused).status()).isEqualTo(DeliveryStatus.NOT_SENT);
        assertThat(smsTo(refused).attempts()).isZero();
        assertThat(smsTo(refused).nextAttemptAt()).as("never retried").isNull();

        // the delivery log says why, in the one log organizers read
        mvc.perform(get("/api/notifications/admin/deliveries?status=NOT_SENT&channel=SMS&size=100")
                        .header("Authorization", "Bearer " + organizer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.to == '%s')].lastError", refused).value("not sent: SMS budget reached"));

        // organizers are told once, in their inbox; a participant never sees it
        List<InboxItem> notices = mongo.find(query(where("recipientId").is(NotificationKind.ORGANIZERS)
                .and("eventId").is("sms-budget-reached:day:" + before.get("day").asString() + ":" + (today + 3))), InboxItem.class);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).kind()).isEqualTo(NotificationKind.SMS_BUDGET_REACHED);
        assertThat(notices.get(0).subject()).startsWith("Plafond SMS du ").endsWith("atteint : seuls les SMS obligatoires partent");
        String noticeId = notices.get(0).id();
        mvc.perform(get("/api/notifications/me?size=100").header("Authorization", "Bearer " + organizer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '%s')].kind", noticeId).value("SMS_BUDGET_REACHED"));
        Participant nosy = Participant.named("Curieux", "ML", "fr");
        mvc.perform(get("/api/notifications/me?size=100").header("Authorization", "Bearer " + nosy.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/notifications/me/" + noticeId + "/read").header("Authorization", "Bearer " + nosy.token()))
                .andExpect(status().isNotFound());

        // the statistics count them by kind and country
        JsonNode after = smsFigures();
        assertThat(after.get("dayUsed").asLong()).isGreaterThanOrEqualTo(today + 3);
        JsonNode optionalBf = row(after, "ATTENDANCE_CONFIRMED", "BF");
        assertThat(optionalBf.get("notSent").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(optionalBf.get("messages").asLong()).isGreaterThanOrEqualTo(sent.size());
        assertThat(row(after, "APPLICATION_SUBMITTED", "NE").get("segments").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void organizers_change_the_limits_each_wrong_value_is_named_and_nobody_else_may() throws Exception {
        mvc.perform(put("/api/notifications/admin/sms/budget").header("Authorization", "Bearer " + organizer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"editionSegments\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'editionSegments')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'dailySegments')]").isNotEmpty());
        Participant participant = Participant.named("Awa", "ML", "fr");
        mvc.perform(put("/api/notifications/admin/sms/budget").header("Authorization", "Bearer " + participant.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"editionSegments\": 0, \"dailySegments\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications/admin/sms").header("Authorization", "Bearer " + participant.token()))
                .andExpect(status().isForbidden());

        setLimits(5000, 700);
        JsonNode figures = smsFigures();
        assertThat(figures.get("editionSegments").asLong()).isEqualTo(5000);
        assertThat(figures.get("dailySegments").asLong()).isEqualTo(700);
        assertThat(figures.get("setByOrganizers").asBoolean()).isTrue();
    }

    private void setLimits(long edition, long day) throws Exception {
        mvc.perform(put("/api/notifications/admin/sms/budget").header("Authorization", "Bearer " + organizer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"editionSegments\": " + edition + ", \"dailySegments\": " + day + "}"))
                .andExpect(status().isOk());
    }

    private JsonNode smsFigures() throws Exception {
        return JSON.readTree(mvc.perform(get("/api/notifications/admin/sms").header("Authorization", "Bearer " + organizer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode row(JsonNode figures, String kind, String country) {
        for (JsonNode row : figures.get("counts")) {
            if (kind.equals(row.get("kind").asString()) && row.hasNonNull("country") && country.equals(row.get("country").asString())) {
                return row;
            }
        }
        throw new AssertionError("No row " + kind + "/" + country + " in " + figures);
    }

    private static String organizer() {
        return ISSUER.token("organizer-bf", "BF", "organizer");
    }

    private SmsDelivery smsTo(String phone) {
        return mongo.findOne(query(where("to").is(phone).and("channel").is("SMS")), SmsDelivery.class);
    }

    private static List<SmppSink.Message> received(String phone) {
        return SMSC.messages().stream().filter(message -> message.to().equals(phone)).toList();
    }

    private static String digits(int count) {
        return UUID.randomUUID().toString().replaceAll("\\D", "").concat("0123456789").substring(0, count);
    }
}
