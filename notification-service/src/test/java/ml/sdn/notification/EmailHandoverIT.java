package ml.sdn.notification;

import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An e-mail is sent as it is queued, not at the next poll: here the poll (which ran once at start-up) is an
 * hour away, and the e-mails still arrive.
 */
@TestPropertySource(properties = "sdn.mail.poll-interval=1h")
class EmailHandoverIT extends IntegrationTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void emails_leave_as_they_are_queued_without_waiting_for_the_poll() {
        Participant awa = Participant.named("Awa Koné", "ML", "fr");
        Participant issa = Participant.named("Issa Sawadogo", "BF", "en");

        publish(ParticipantRegistered.TYPE, awa.id(), awa.registered());
        publish(ParticipantRegistered.TYPE, issa.id(), issa.registered());

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(awa.email()).size() == 1 && mailsTo(issa.email()).size() == 1);
        for (Participant person : new Participant[] {awa, issa}) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(mongo.find(query(where("recipientId").is(person.id())), EmailDelivery.class))
                            .singleElement().satisfies(delivery -> {
                                assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
                                assertThat(delivery.attempts()).isEqualTo(1);
                                assertThat(delivery.claim()).isNull();
                            }));
        }
    }
}
