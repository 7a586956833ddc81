package ml.sdn.incubation.kpis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One month's indicators, reported by the incubatee. {@code month} {@code yyyy-MM}; {@code jobsCreated}
 * the jobs created during the month; {@code customers} the number of customers at the end of the month;
 * {@code revenueBand} the month's revenue; {@code fundingRaisedXof} the funding raised during the month,
 * in XOF. Every field is required (0 is an answer; a missing value is not).
 */
public record KpiRequest(
        @NotNull(message = "{kpi.month.invalid}")
        @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "{kpi.month.invalid}") String month,
        @NotNull(message = "{kpi.jobsCreated.range}")
        @Min(value = 0, message = "{kpi.jobsCreated.range}")
        @Max(value = 100_000, message = "{kpi.jobsCreated.range}") Integer jobsCreated,
        @NotNull(message = "{kpi.customers.range}")
        @Min(value = 0, message = "{kpi.customers.range}")
        @Max(value = 10_000_000, message = "{kpi.customers.range}") Integer customers,
        @NotNull(message = "{kpi.revenueBand.required}") RevenueBand revenueBand,
        @NotNull(message = "{kpi.fundingRaisedXof.range}")
        @Min(value = 0, message = "{kpi.fundingRaisedXof.range}")
        @Max(value = 1_000_000_000_000L, message = "{kpi.fundingRaisedXof.range}") Long fundingRaisedXof) {
}
