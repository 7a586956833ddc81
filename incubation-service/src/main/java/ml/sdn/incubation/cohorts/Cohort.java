package ml.sdn.incubation.cohorts;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * AGETIC's incubation cohort of one edition: dates (ISO {@code yyyy-MM-dd}, calendar days in Bamako),
 * capacity, and the milestone template every incubatee starts with, each milestone due
 * {@code dueOffsetDays} after the cohort's start.
 */
@Document(Cohort.COLLECTION)
public record Cohort(
        @Id String id,
        String editionId,
        String name,
        String startDate,
        String endDate,
        int capacity,
        List<MilestoneTemplate> milestoneTemplate,
        String createdBy,
        Instant createdAt,
        @Version Long version) {

    public static final String COLLECTION = "incubation_cohorts";

    public Cohort {
        milestoneTemplate = milestoneTemplate == null ? List.of() : List.copyOf(milestoneTemplate);
    }

    /** One milestone of the template, e.g. ("mvp", "MVP", 60). */
    public record MilestoneTemplate(String code, String title, String description, int dueOffsetDays) {
    }
}
