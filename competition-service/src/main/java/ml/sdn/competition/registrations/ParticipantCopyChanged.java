package ml.sdn.competition.registrations;

import java.time.Instant;

/**
 * What happened to a participant's copy that other features follow (published in-process, in the Kafka
 * listener's thread, so that a failure of a follower fails the event's handling and the broker redelivers
 * it). The copy's features come first: they tell, the others listen, and no feature below depends on one above.
 */
public sealed interface ParticipantCopyChanged {

    String participantId();

    /** An organizer moved the person to another delegation; {@code country} is the copy's country now. */
    record Moved(String participantId, String country) implements ParticipantCopyChanged {
    }

    /** The person was erased as of {@code erasedAt}. */
    record Erased(String participantId, Instant erasedAt) implements ParticipantCopyChanged {
    }
}
