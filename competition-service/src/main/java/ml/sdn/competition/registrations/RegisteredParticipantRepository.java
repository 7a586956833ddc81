package ml.sdn.competition.registrations;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface RegisteredParticipantRepository extends MongoRepository<RegisteredParticipant, String> {
}
