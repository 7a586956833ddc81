package ml.sdn.registration.participants;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

interface ParticipantRepository extends MongoRepository<Participant, String> {

    /** The person's profile, unless it was erased (an erased document is no one's profile). */
    Optional<Participant> findByIdAndErasedAtIsNull(String id);
}
