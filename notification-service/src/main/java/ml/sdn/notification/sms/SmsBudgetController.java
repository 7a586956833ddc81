package ml.sdn.notification.sms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import ml.sdn.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * SMS costs, for organizers: the limits in force and what was spent (the edition, today in Bamako), the SMS
 * counted by kind and country; and the change of both limits (segments, 0: none), each field at fault named in
 * one 400.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/admin/sms")
@PreAuthorize("hasRole('organizer')")
class SmsBudgetController {

    /** Far above any contract; keeps a typing slip from meaning "no limit in practice". */
    static final long MAX_SEGMENTS = 10_000_000;

    private final SmsBudget budget;
    private final SmsLog log;

    SmsBudgetController(SmsBudget budget, SmsLog log) {
        this.budget = budget;
        this.log = log;
    }

    record SmsView(String edition, long editionSegments, long dailySegments, boolean setByOrganizers, long editionUsed,
                   LocalDate day, long dayUsed, List<SmsLog.Count> counts) {

        static SmsView of(SmsBudget.Usage usage, List<SmsLog.Count> counts) {
            return new SmsView(usage.edition(), usage.limits().editionSegments(), usage.limits().dailySegments(),
                    usage.limits().setByOrganizers(), usage.editionUsed(), usage.day(), usage.dayUsed(), counts);
        }
    }

    record LimitsRequest(
            @NotNull(message = "{notification.sms.limit-missing}") @Min(value = 0, message = "{notification.sms.limit-range}")
            @Max(value = MAX_SEGMENTS, message = "{notification.sms.limit-range}") Long editionSegments,
            @NotNull(message = "{notification.sms.limit-missing}") @Min(value = 0, message = "{notification.sms.limit-range}")
            @Max(value = MAX_SEGMENTS, message = "{notification.sms.limit-range}") Long dailySegments) {
    }

    @GetMapping
    SmsView sms() {
        return SmsView.of(budget.usage(), log.counts());
    }

    @PutMapping("/budget")
    SmsView change(Caller caller, @Valid @RequestBody LimitsRequest request) {
        budget.change(request.editionSegments(), request.dailySegments(), caller.id());
        return sms();
    }
}
