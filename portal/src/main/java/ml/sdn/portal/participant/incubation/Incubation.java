package ml.sdn.portal.participant.incubation;

import ml.sdn.portal.participant.BamakoTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The incubatee's own record, milestones and sessions, as incubation-service shows them to the incubatee. */
final class Incubation {

    private Incubation() {
    }

    record Incubatee(String id, String title, String organizationName, String status, Coach coach, Progress progress,
                     int sessions, Instant lastContactAt, Instant enrolledAt) {

        public LocalDateTime lastContactLocal() {
            return BamakoTime.of(lastContactAt);
        }
    }

    record Coach(String id, String name) {
    }

    record Progress(int percent, int validated, int total, int overdue) {
    }

    record Page(List<Incubatee> content) {
    }

    record Milestone(String id, String code, String title, String description, LocalDate dueDate, String status,
                     boolean overdue, String evidenceUrl, String comment, String feedback, List<String> allowedActions) {

        public boolean may(String step) {
            return allowedActions != null && allowedActions.contains(step);
        }
    }

    record Session(String id, String coachName, LocalDateTime heldAt, int durationMinutes, String mode, List<String> topics,
                   String notes, List<AgreedAction> actions, Instant attendanceConfirmedAt) {

        public boolean confirmed() {
            return attendanceConfirmedAt != null;
        }
    }

    record AgreedAction(String description, LocalDate dueDate) {
    }

    record Sessions(List<Session> content, int page, int totalPages) {
    }
}
