package ml.sdn.incubation.kpis;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One incubatee's indicators for one month (id {@code <incubateeId>:<yyyy-MM>}: one report per month;
 * reporting the month again replaces the figures, {@code updatedAt} says when, {@code revisions} how
 * many times it was sent, {@code firstReportedAt} when it first was).
 */
@Document(KpiReport.COLLECTION)
public record KpiReport(@Id String id, String incubateeId, String cohortId, String month, int jobsCreated, int customers,
                        RevenueBand revenueBand, long fundingRaisedXof, String reportedBy, Instant firstReportedAt,
                        Instant updatedAt, int revisions) {

    public static final String COLLECTION = "incubation_kpis";

    static String idOf(String incubateeId, String month) {
        return incubateeId + ":" + month;
    }
}
