package ml.sdn.registration.participants;

/**
 * A feature of this service that keeps a copy of a person's delegation (attendance counts people by
 * country): it takes the profile's delegation when an organizer moves the person. Runs when the
 * {@code ParticipantDelegationChanged} event comes back from Kafka, with the profile's country as it is
 * then, so it must be idempotent, and a late redelivery still ends with the current delegation.
 */
public interface DelegationFollower {

    void follow(String participantId, String country);
}
