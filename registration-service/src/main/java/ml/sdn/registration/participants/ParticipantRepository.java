package ml.sdn.registration.participants;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ParticipantRepository extends MongoRepository<Participant, String> {
}
