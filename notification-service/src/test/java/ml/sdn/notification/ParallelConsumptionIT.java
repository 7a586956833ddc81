package ml.sdn.notification;

import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.EmailDelivery;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The listeners read their topic's partitions in parallel (one consumer per partition), and that changes
 * neither what each recipient gets (once per event, recipient and channel) nor the order of one
 * recipient's notices (their events share a key, so a partition, so a thread).
 */
class ParallelConsumptionIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Recipients recipients;

    @Test
    void each_partition_of_the_participant_topic_has_its_own_consumer() {
        ConcurrentMessageListenerContainer<?, ?> container = containerOf(Topics.REGISTRATION_PARTICIPANTS);

        assertThat(container.getConcurrency()).isEqualTo(3);
        await().atMost(WAIT).untilAsserted(() -> {
            List<? extends MessageListenerContainer> consumers = container.getContainers();
            assertThat(consumers).hasSize(3);
            Set<Integer> partitions = consumers.stream()
                    .map(MessageListenerContainer::getAssignedPartitions)
                    .peek(assigned -> assertThat(assigned).as("one partition per consumer").hasSize(1))
                    .flatMap(Collection::stream)
                    .map(TopicPartition::partition)
                    .collect(Collectors.toSet());
            assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2);
        });
    }

    @Test
    void events_read_in_parallel_give_each_recipient_one_notice_and_one_email_per_event_in_their_order() {
        List<Participant> people = IntStream.range(0, 12)
                .mapToObj(i -> Participant.named("Personne " + i, "ML", "fr")).toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int registrations = 3;
        List<List<String>> eventIds = new ArrayList<>();
        people.forEach(person -> eventIds.add(new ArrayList<>()));

        // each person registers 3 times (3 events, names "… #1" to "… #3"), every event delivered twice,
        // the people interleaved so that all three partitions have work at once
        for (int round = 1; round <= registrations; round++) {
            for (int p = 0; p < people.size(); p++) {
                Participant person = people.get(p);
                String eventId = UUID.randomUUID().toString();
                eventIds.get(p).add(eventId);
                ParticipantRegistered registered = new ParticipantRegistered(person.id(), person.username(),
                        person.displayName() + " #" + round, person.email(), "ML", "fr", start.plusSeconds(round),
                        null, null, null);
                publish(ParticipantRegistered.TYPE, person.id(), registered, eventId);
                publish(ParticipantRegistered.TYPE, person.id(), registered, eventId);
            }
        }
        // same key as each person's registrations, so read after them: once it shows, they were all handled
        for (Participant person : people) {
            publish(ParticipantProfileUpdated.TYPE, person.id(), new ParticipantProfileUpdated(person.id(), person.username(),
                    "done", person.email(), "ML", "fr", start, start.plusSeconds(10), null, null, null));
        }

        await().atMost(WAIT).until(() -> people.stream().allMatch(person ->
                recipients.find(person.id()).map(Recipient::displayName).filter("done"::equals).isPresent()));
        await().atMost(WAIT).until(() -> people.stream().allMatch(person -> mailsTo(person.email()).size() >= registrations));

        for (int p = 0; p < people.size(); p++) {
            Participant person = people.get(p);
            List<InboxItem> items = mongo.find(query(where("recipientId").is(person.id()))
                    .with(Sort.by("createdAt", "id")), InboxItem.class);
            assertThat(items).as("one notice per event, in the order of the events")
                    .extracting(InboxItem::eventId).containsExactlyElementsOf(eventIds.get(p));
            assertThat(items).extracting(InboxItem::kind).containsOnly(NotificationKind.PROFILE_CREATED);
            assertThat(items).as("each written with the name its own event carried")
                    .extracting(InboxItem::subject).containsExactly(
                            "Bienvenue à la Semaine du Numérique, " + person.displayName() + " #1",
                            "Bienvenue à la Semaine du Numérique, " + person.displayName() + " #2",
                            "Bienvenue à la Semaine du Numérique, " + person.displayName() + " #3");
            assertThat(mongo.find(query(where("recipientId").is(person.id())), EmailDelivery.class))
                    .extracting(EmailDelivery::eventId).containsExactlyInAnyOrderElementsOf(eventIds.get(p));
            assertThat(mailsTo(person.email())).hasSize(registrations);
        }
    }

    private ConcurrentMessageListenerContainer<?, ?> containerOf(String topic) {
        return listeners.getListenerContainers().stream()
                .filter(container -> container.getContainerProperties().getTopics() != null
                        && List.of(container.getContainerProperties().getTopics()).contains(topic))
                .map(container -> (ConcurrentMessageListenerContainer<?, ?>) container)
                .findFirst().orElseThrow();
    }
}
