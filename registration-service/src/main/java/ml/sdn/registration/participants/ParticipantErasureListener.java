package ml.sdn.registration.participants;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Completes an erasure inside this service: when {@code ParticipantErased} comes back from Kafka,
 * every feature's {@link PersonalData#erase} runs, then the profile is marked {@code erasureCompletedAt}
 * (only if it is still that erasure's: same {@code erasedAt}). Until it is, the person cannot register
 * again (409), so nothing they enter anew can be taken for what the erasure removes. Driven by the event
 * rather than by the DELETE request, so that a crash after the profile was anonymised still ends with
 * every feature erased (the event waits in the outbox, then in Kafka until handled). Each {@code erase}
 * is idempotent, so a redelivered event runs them all again harmlessly; one that keeps failing goes,
 * after the platform's bounded retries, to {@code registration.participants.registration-service.DLT}
 * for an operator to replay (the person cannot register again meanwhile). A redelivery that comes after
 * the person registered again erases nothing. This is the service's only listener on the topic for its
 * consumer group: a second one in the same group would share the partitions and miss events, so add
 * handlers here instead.
 * <p>
 * It also completes a move to another delegation: each {@link DelegationFollower} takes the profile's
 * country as it is when the event is handled (not the event's), so a redelivered older move cannot undo
 * a newer one.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_PARTICIPANTS, groupId = "${spring.application.name}")
class ParticipantErasureListener {

    private static final Logger log = LoggerFactory.getLogger(ParticipantErasureListener.class);

    private final List<PersonalData> personalData;
    private final List<DelegationFollower> delegationFollowers;
    private final ParticipantRepository participants;
    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    ParticipantErasureListener(List<PersonalData> personalData, List<DelegationFollower> delegationFollowers,
                               ParticipantRepository participants, MongoTemplate mongo) {
        this.personalData = List.copyOf(personalData);
        this.delegationFollowers = List.copyOf(delegationFollowers);
        this.participants = participants;
        this.mongo = mongo;
    }

    @KafkaHandler
    void on(ParticipantErased event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.participantId() == null || event.participantId().isBlank()) {
            throw new IllegalArgumentException("ParticipantErased without participantId (event " + eventId + ")");
        }
        if (registeredAgainSince(event)) {
            // a late redelivery, after the erasure was completed, must not wipe what the person has entered since
            log.info("Participant {} registered again after erasure event {}: nothing erased", event.participantId(), eventId);
            return;
        }
        for (PersonalData feature : personalData) {
            feature.erase(event.participantId());
        }
        markCompleted(event);
        log.info("Personal data of participant {} erased in {} feature(s) (event {})", event.participantId(),
                personalData.size(), eventId);
    }

    @KafkaHandler
    void on(ParticipantDelegationChanged event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.participantId() == null || event.participantId().isBlank()) {
            throw new IllegalArgumentException("ParticipantDelegationChanged without participantId (event " + eventId + ")");
        }
        participants.findById(event.participantId()).map(Participant::country).ifPresent(country -> {
            for (DelegationFollower follower : delegationFollowers) {
                follower.follow(event.participantId(), country);
            }
            log.info("Participant {} now in delegation {} in {} feature(s) (event {})", event.participantId(), country,
                    delegationFollowers.size(), eventId);
        });
    }

    private boolean registeredAgainSince(ParticipantErased event) {
        return event.erasedAt() != null && participants.findById(event.participantId())
                .filter(profile -> profile.erasedAt() == null && profile.registeredAt() != null)
                .map(profile -> profile.registeredAt().isAfter(event.erasedAt()))
                .orElse(false);
    }

    /** One conditional write; the version moves, so that a copy of the profile read before cannot be saved over it. */
    private void markCompleted(ParticipantErased event) {
        Criteria erasure = Criteria.where("_id").is(event.participantId());
        erasure = event.erasedAt() == null ? erasure.and("erasedAt").ne(null) : erasure.and("erasedAt").is(event.erasedAt());
        mongo.updateFirst(new Query(erasure), new Update()
                        .set("erasureCompletedAt", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)).inc("version", 1),
                Participant.class);
    }

    /** Registered and updated events, and types this service does not know: nothing to do here. */
    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an event that is not an erasure");
    }
}
