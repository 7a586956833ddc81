package ml.sdn.registration.attendance;

import ml.sdn.registration.participants.PersonalData;
import org.springframework.stereotype.Component;

/** Attendance's part of a person's export and erasure. */
@Component
class AttendancePersonalData implements PersonalData {

    private final Attendances attendances;

    AttendancePersonalData(Attendances attendances) {
        this.attendances = attendances;
    }

    @Override
    public String section() {
        return "attendance";
    }

    @Override
    public AttendanceExport exportOf(String participantId) {
        return attendances.exportOf(participantId);
    }

    /** Future registrations are cancelled (their places go to the waiting lists), then the person is cut from every attendance. */
    @Override
    public void erase(String participantId) {
        attendances.erase(participantId);
    }
}
