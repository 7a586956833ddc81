package ml.sdn.portal.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** incubation-service's answers, as typed records of the JSON the coach's pages read. Times shown in Bamako. */
final class Coaching {

    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private Coaching() {
    }

    static LocalDateTime inBamako(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, BAMAKO);
    }

    record Progress(int percent, int validated, int total, int overdue) {
    }

    record Risk(boolean atRisk, List<String> reasons, int overdueMilestones, Instant since, Instant checkedAt) {
    }

    record CoachRef(String id, String name) {
    }

    /** {@code GET /dashboard}: the coach's active incubatees, most in need of attention first. */
    record Dashboard(int total, int atRisk, List<Entry> incubatees) {

        record Entry(String id, String cohortId, String title, String organizationName, String country, String categoryCode,
                     boolean womenLed, Progress progress, int sessions, Instant lastContactAt, Risk risk, Instant enrolledAt) {

            public LocalDateTime lastContact() {
                return inBamako(lastContactAt);
            }

            public boolean atRisk() {
                return risk != null && risk.atRisk();
            }
        }
    }

    /** {@code GET /incubatees/{id}}. */
    record Incubatee(String id, String cohortId, String editionId, String applicationId, String categoryId, String categoryCode,
                     String title, String organizationId, String organizationName, String country, boolean womenLed,
                     String status, String statusReason, CoachRef coach, Progress progress, int sessions,
                     Instant lastContactAt, Risk risk, Instant enrolledAt) {

        public LocalDateTime lastContact() {
            return inBamako(lastContactAt);
        }

        public boolean atRisk() {
            return risk != null && risk.atRisk();
        }
    }

    /** {@code GET /incubatees/{id}/milestones}; {@code allowedActions}: what the caller may do now (VALIDATE, SEND_BACK). */
    record Milestone(String id, String incubateeId, String code, String title, String description, LocalDate dueDate,
                     boolean custom, String status, boolean overdue, String evidenceUrl, String comment, String feedback,
                     List<String> allowedActions) {

        public boolean may(String step) {
            return allowedActions != null && allowedActions.contains(step);
        }
    }

    record Action(String description, LocalDate dueDate) {
    }

    /** One session as its coach reads it (private notes included); {@code heldAt} Bamako wall-clock time. */
    record Session(String id, String coachName, LocalDateTime heldAt, int durationMinutes, String mode, List<String> topics,
                   String notes, String privateNotes, List<Action> actions, Instant attendanceConfirmedAt) {
    }

    record Sessions(List<Session> content, int page, int size, long totalElements, int totalPages) {
    }

    /** {@code GET /incubatees/{id}/kpis}: one label per month, per indicator one value per month (null: not reported). */
    record KpiSeries(String incubateeId, List<String> months, Map<String, List<Object>> series) {
    }
}
