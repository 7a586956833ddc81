package ml.sdn.registration.participants;

import java.time.Instant;
import java.util.List;

/** A person's page for organizers and their delegation's coordinator: who, their organisations, their days. */
public record ParticipantDetail(ParticipantSummary person, List<AttendanceDay> attendance) {

    /** One organisation a person owns or belongs to ({@code role}: as the team lists them, when it does). */
    public record Membership(String id, String name, String type, String sector, String country, boolean womenLed,
                             boolean owner, String role) {
    }

    /** One day a person registered for: {@code day} an ISO date, {@code status} CONFIRMED, WAITING or CANCELLED. */
    public record AttendanceDay(String day, String status, Instant checkedInAt) {
    }
}
