package ml.sdn.registration.participants;

import java.util.List;

/** A person's delegation as organizers see it: who, which country now, and every move, oldest first. */
public record DelegationView(String participantId, String displayName, String country, List<DelegationChange> history) {

    static DelegationView of(Participant participant) {
        return new DelegationView(participant.id(), participant.displayName(), participant.country(),
                participant.delegationHistory());
    }
}
