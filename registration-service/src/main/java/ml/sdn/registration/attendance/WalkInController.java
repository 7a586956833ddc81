package ml.sdn.registration.attendance;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Walk-ins: people without an account, registered by organizers, and by coordinators for their delegation. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/attendance/walk-ins")
@PreAuthorize("hasAnyRole('organizer', 'coordinator')")
class WalkInController {

    private final WalkIns walkIns;

    WalkInController(WalkIns walkIns) {
        this.walkIns = walkIns;
    }

    @PostMapping
    @Operation(summary = "Registers a person without an account for open days, with a badge code",
            description = "201 with the walk-in, their badge code and an attendance per day; the same person (country, "
                    + "name, e-mail or else phone) for days they hold already: 200 with the existing ones. Every field at "
                    + "fault at once: 400 naming them. A coordinator: their delegation only (another country, or no "
                    + "delegation: 403 naming country).")
    ResponseEntity<WalkInView> register(Caller caller, @RequestBody WalkInRequest request) {
        WalkIns.Registered registered = walkIns.register(caller, request);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(registered.walkIn());
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Registers the walk-ins of a CSV file for open days, with a report line by line",
            description = "UTF-8, cells separated by ; or , ; columns name, category, country, organization, phone, email "
                    + "(in that order, or under a header line naming them in French or English). 200 with counts and, per "
                    + "line (its number in the file), REGISTERED with the badge code, ALREADY_REGISTERED (imported before) "
                    + "or REJECTED with every field at fault. The days or the file unusable: 400 naming days / file, "
                    + "nobody registered. A coordinator's line of another country is rejected on country.")
    WalkInView.ImportReport importCsv(Caller caller, @RequestParam(name = "day", required = false) List<String> days,
                                      @RequestBody(required = false) byte[] file) {
        return walkIns.importCsv(caller, days, file);
    }
}
