package ml.sdn.incubation.kpis;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incubatee's indicators as a chart reads them: one label per month from the first reported to the
 * last, and per indicator one value per label, null for a month not reported (a gap in the line, not a
 * zero). {@code updatedAt} per month is when its figures last changed. Plain Java.
 */
public record KpiSeries(String incubateeId, List<String> months, Map<String, List<Object>> series, List<Instant> updatedAt) {

    static final List<String> INDICATORS = List.of("jobsCreated", "customers", "revenueBand", "fundingRaisedXof");

    public static KpiSeries of(String incubateeId, List<KpiReport> reports) {
        Map<String, List<Object>> series = new LinkedHashMap<>();
        INDICATORS.forEach(name -> series.put(name, new ArrayList<>()));
        List<String> months = new ArrayList<>();
        List<Instant> updatedAt = new ArrayList<>();
        if (reports.isEmpty()) {
            return new KpiSeries(incubateeId, months, series, updatedAt);
        }
        Map<String, KpiReport> byMonth = new HashMap<>();
        reports.forEach(report -> byMonth.put(report.month(), report));
        List<YearMonth> reported = reports.stream().map(report -> YearMonth.parse(report.month()))
                .sorted(Comparator.naturalOrder()).toList();
        for (YearMonth month = reported.get(0); !month.isAfter(reported.get(reported.size() - 1)); month = month.plusMonths(1)) {
            String label = month.toString();
            KpiReport report = byMonth.get(label);
            months.add(label);
            series.get("jobsCreated").add(report == null ? null : report.jobsCreated());
            series.get("customers").add(report == null ? null : report.customers());
            series.get("revenueBand").add(report == null ? null : report.revenueBand());
            series.get("fundingRaisedXof").add(report == null ? null : report.fundingRaisedXof());
            updatedAt.add(report == null ? null : report.updatedAt());
        }
        return new KpiSeries(incubateeId, months, series, updatedAt);
    }
}
