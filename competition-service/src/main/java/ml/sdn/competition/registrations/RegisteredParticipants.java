package ml.sdn.competition.registrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Objects;

/** Keeps the local copy of registered participants; applying the same or an older event again changes nothing. */
@Service
public class RegisteredParticipants {

    private static final Logger log = LoggerFactory.getLogger(RegisteredParticipants.class);

    private final RegisteredParticipantRepository repository;

    RegisteredParticipants(RegisteredParticipantRepository repository) {
        this.repository = repository;
    }

    void apply(String participantId, String country, String displayName, String preferredLanguage, Instant asOf) {
        if (participantId == null || participantId.isBlank()) {
            throw new IllegalArgumentException("Registration event without participantId");
        }
        Instant eventTime = Objects.requireNonNullElse(asOf, Instant.EPOCH);
        RegisteredParticipant current = repository.findById(participantId).orElse(null);
        if (current != null && current.asOf() != null && current.asOf().isAfter(eventTime)) {
            log.debug("Ignoring an older event for participant {}", participantId);
            return;
        }
        repository.save(new RegisteredParticipant(participantId, country, displayName, preferredLanguage, eventTime));
    }
}
