package ml.sdn.incubation.erasure;

import ml.sdn.incubation.incubatees.IncubateeDirectory;
import ml.sdn.incubation.milestones.MilestoneDirectory;
import ml.sdn.incubation.sessions.SessionDirectory;
import org.springframework.stereotype.Service;

/**
 * A person erased on the platform: the names this service copied from their token (milestone history entries,
 * sessions they logged, coach histories, the coach roster) are removed; their ids stay, so histories, counts and
 * who-coached-whom stay consistent. Each step matches only documents that still carry the name: a redelivered
 * event changes nothing.
 */
@Service
public class ParticipantErasure {

    private final MilestoneDirectory milestones;
    private final SessionDirectory sessions;
    private final IncubateeDirectory incubatees;

    ParticipantErasure(MilestoneDirectory milestones, SessionDirectory sessions, IncubateeDirectory incubatees) {
        this.milestones = milestones;
        this.sessions = sessions;
        this.incubatees = incubatees;
    }

    /** The documents changed (0 when the person's names were already gone). */
    public long forget(String personId) {
        if (personId == null || personId.isBlank()) {
            // matching a null id would strip the names of entries without one: a bad record, for the dead letters
            throw new IllegalArgumentException("participant-erased without participantId");
        }
        return milestones.forgetNameOf(personId) + sessions.forgetNameOf(personId) + incubatees.forgetNameOf(personId);
    }
}
