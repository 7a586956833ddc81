package ml.sdn.portal.incubation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** incubation-service's answers the organizer's incubation pages read, as typed records of its JSON. */
final class Incubation {

    private Incubation() {
    }

    /** {@code GET /cohorts}, {@code GET /cohorts/{id}}: a cohort with its milestone template. */
    record Cohort(String id, String editionId, String name, String startDate, String endDate, int capacity,
                  List<TemplateMilestone> milestones, long seatsTaken, boolean overCapacity) {
    }

    /** A milestone of the template and the day it falls due for those enrolled by the cohort's start. */
    record TemplateMilestone(String code, String title, String description, int dueOffsetDays, String dueDate) {
    }

    /** {@code GET /cohorts/{id}/summary}: the cohort's figures (each breakdown adds up to {@code total}). */
    record Summary(Integer capacity, Integer seatsTaken, int total, Map<String, Integer> byStatus,
                   Map<String, Integer> byCountry, Map<String, Integer> byCategory, Map<String, Integer> byWomenLed,
                   BigDecimal averageProgressPercent, int atRisk) {
    }

    /** {@code GET /coaches}: a coach and their load (active incubatees); {@code onRoster} false: no new incubatees. */
    record CoachLoad(String id, String name, boolean onRoster, boolean verified, long activeIncubatees) {
    }

    record CoachRef(String id, String name) {
    }

    record Progress(int percent, int validated, int total, int overdue) {
    }

    record Risk(boolean atRisk) {
    }

    /** One assignment of the incubatee's coach history ({@code unassignedAt} null: the current one). */
    record Assignment(String coachId, String coachName, Instant assignedAt, Instant unassignedAt) {
    }

    /** {@code GET /incubatees/{id}} (and each line of {@code GET /incubatees}) as an organizer reads it. */
    record Incubatee(String id, String cohortId, String title, String organizationName, String country, String categoryCode,
                     boolean womenLed, String status, String statusReason, CoachRef coach, Progress progress, int sessions,
                     Instant lastContactAt, Risk risk, Instant enrolledAt, Instant updatedAt, List<Assignment> coachHistory) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        public boolean atRisk() {
            return risk != null && risk.atRisk();
        }
    }

    record IncubateePage(List<Incubatee> content, long totalElements) {
    }
}
