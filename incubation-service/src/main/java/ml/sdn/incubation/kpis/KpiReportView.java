package ml.sdn.incubation.kpis;

import java.time.Instant;

/** One month's report as stored, with when it was first sent and last changed. */
public record KpiReportView(String incubateeId, String month, int jobsCreated, int customers, RevenueBand revenueBand,
                            long fundingRaisedXof, Instant firstReportedAt, Instant updatedAt, int revisions) {

    static KpiReportView of(KpiReport report) {
        return new KpiReportView(report.incubateeId(), report.month(), report.jobsCreated(), report.customers(),
                report.revenueBand(), report.fundingRaisedXof(), report.firstReportedAt(), report.updatedAt(),
                report.revisions());
    }
}
