package ml.sdn.incubation.kpis;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** An incubatee's monthly indicators: reported by the incubatee, read by them, their coach and organizers. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/incubatees/{id}/kpis")
class KpiController {

    private final Kpis kpis;
    private final String apiPrefix;

    KpiController(Kpis kpis, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.kpis = kpis;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Report one month's indicators (the incubatee)",
            description = "201 the first time for that month, 200 when it replaces the month's previous report (updatedAt "
                    + "and revisions say so). 400 naming the field: month yyyy-MM, not after the current month (Bamako) "
                    + "nor before the cohort's start month; jobsCreated 0–100000, customers 0–10000000, revenueBand "
                    + "NONE|UNDER_1M_XOF|1M_10M_XOF|10M_50M_XOF|OVER_50M_XOF, fundingRaisedXof 0–10^12, all required. "
                    + "Their coach or an organizer: 403; anyone else: 404. 409 once dropped.")
    @PostMapping
    @AcceptsIdempotencyKey
    @PreAuthorize("hasRole('participant')")
    ResponseEntity<KpiReportView> report(Caller caller, @PathVariable String id, @Valid @RequestBody KpiRequest request) {
        Kpis.Reported reported = kpis.report(caller, id, request);
        if (reported.created()) {
            return ResponseEntity.created(URI.create(apiPrefix + "/incubatees/" + id + "/kpis")).body(reported.report());
        }
        return ResponseEntity.status(HttpStatus.OK).body(reported.report());
    }

    @Operation(summary = "The indicators as a time series (the incubatee, their coach, organizers)",
            description = "{incubateeId, months: [yyyy-MM…] every month from the first reported to the last, series: "
                    + "{jobsCreated, customers, revenueBand, fundingRaisedXof} one value per month (null where a month "
                    + "was not reported), updatedAt: per month}. 404 for anyone else; coordinators 403.")
    @GetMapping
    @PreAuthorize("hasAnyRole('organizer', 'coach', 'participant')")
    KpiSeries series(Caller caller, @PathVariable String id) {
        return kpis.series(caller, id);
    }
}
