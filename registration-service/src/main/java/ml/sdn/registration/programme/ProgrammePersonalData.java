package ml.sdn.registration.programme;

import ml.sdn.registration.participants.PersonalData;
import org.springframework.stereotype.Component;

/** The agenda's part of a person's export and erasure. */
@Component
class ProgrammePersonalData implements PersonalData {

    private final Programme programme;

    ProgrammePersonalData(Programme programme) {
        this.programme = programme;
    }

    @Override
    public String section() {
        return "agenda";
    }

    @Override
    public Object exportOf(String participantId) {
        return programme.exportOf(participantId);
    }

    /** Places go to the people waiting, then the agenda is deleted (sessions keep no trace of the person). */
    @Override
    public void erase(String participantId) {
        programme.erase(participantId);
    }
}
