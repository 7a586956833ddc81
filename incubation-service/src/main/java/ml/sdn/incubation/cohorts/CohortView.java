package ml.sdn.incubation.cohorts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A cohort as organizers and coaches read it. {@code seatsTaken} counts incubatees not dropped;
 * {@code overCapacity} is true when that exceeds {@code capacity} (enrolment never refuses a candidate
 * the competition preselected: the organizer sees the flag and decides).
 */
public record CohortView(String id, String editionId, String name, String startDate, String endDate, int capacity,
                         List<MilestoneView> milestones, long seatsTaken, boolean overCapacity, Instant createdAt) {

    /**
     * A template milestone with the day it falls due for incubatees enrolled by the cohort's start (one enrolled
     * later has it {@code dueOffsetDays} after their enrolment day).
     */
    public record MilestoneView(String code, String title, String description, int dueOffsetDays, String dueDate) {
    }

    static CohortView of(Cohort cohort, long seatsTaken) {
        LocalDate start = LocalDate.parse(cohort.startDate());
        List<MilestoneView> milestones = cohort.milestoneTemplate().stream()
                .map(m -> new MilestoneView(m.code(), m.title(), m.description(), m.dueOffsetDays(),
                        start.plusDays(m.dueOffsetDays()).toString()))
                .toList();
        return new CohortView(cohort.id(), cohort.editionId(), cohort.name(), cohort.startDate(), cohort.endDate(),
                cohort.capacity(), milestones, seatsTaken, seatsTaken > cohort.capacity(), cohort.createdAt());
    }
}
