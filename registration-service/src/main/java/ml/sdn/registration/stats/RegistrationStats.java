package ml.sdn.registration.stats;

import java.util.List;
import java.util.Map;

/**
 * The registration figures of one scope: every country ({@code scope = "ALL"}) or one country's.
 * Counts only people who have not asked for erasure; gender counts are aggregates, never a list of people.
 */
public record RegistrationStats(
        String scope,
        Participants participants,
        Organizations organizations,
        List<AttendanceDay> attendance) {

    public record Participants(long total, Map<String, Long> byCountry, Map<String, Long> byGender) {
    }

    public record Organizations(long total, Map<String, Long> byCountry, Map<String, Long> byType,
                                Map<String, Long> bySector, long womenLed) {
    }

    /** One day of the week: places, confirmed and waiting people, and how many came (checked in). */
    public record AttendanceDay(String day, Long capacity, long confirmed, long waiting, long checkedIn) {
    }
}
