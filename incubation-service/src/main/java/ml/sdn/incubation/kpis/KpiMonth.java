package ml.sdn.incubation.kpis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Which months an incubatee may report: from the month their cohort started to the current month in
 * Bamako (the current month may be reported before it ends and corrected later). Plain Java: the
 * message key of the broken rule, if any.
 */
public final class KpiMonth {

    private KpiMonth() {
    }

    public static Optional<String> problem(YearMonth month, LocalDate cohortStart, LocalDate today) {
        if (month.isAfter(YearMonth.from(today))) {
            return Optional.of("kpi.month.future");
        }
        if (month.isBefore(YearMonth.from(cohortStart))) {
            return Optional.of("kpi.month.before-cohort");
        }
        return Optional.empty();
    }
}
