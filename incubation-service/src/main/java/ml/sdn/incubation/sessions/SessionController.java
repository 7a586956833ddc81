package ml.sdn.incubation.sessions;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Coaching sessions: logged by the incubatee's coach or an organizer, read by them and (without private notes) the incubatee. */
@RestController
@RequestMapping("${sdn.service.api-prefix}")
class SessionController {

    private final Sessions sessions;
    private final String apiPrefix;

    SessionController(Sessions sessions, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.sessions = sessions;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Log a coaching session (the incubatee's current coach, organizers)",
            description = "201 with Location and the session; SessionLogged is published and the incubatee's "
                    + "lastSessionAt moves forward. heldAt is Bamako time (yyyy-MM-ddTHH:mm), not in the future, not "
                    + "before the cohort's start; durationMinutes 5–600; mode AT_THE_CENTRE|REMOTE; 1–10 topics of ≤ 100; "
                    + "notes and privateNotes ≤ 4000; ≤ 20 actions {description ≤ 300, dueDate yyyy-MM-dd not before the "
                    + "session's day}: 400 naming the field. 404 when the incubatee is not the caller's; 403 for the "
                    + "incubatee and other roles; 409 when a session at the same time is already logged or the "
                    + "incubation has ended.")
    @PostMapping("/incubatees/{incubateeId}/sessions")
    @AcceptsIdempotencyKey
    @PreAuthorize("hasAnyRole('coach', 'organizer')")
    ResponseEntity<SessionView> log(Caller caller, @PathVariable String incubateeId, @RequestBody SessionRequest request) {
        // checked in Sessions.log, with the timing rules, so that every fault comes in one answer
        SessionView logged = sessions.log(caller, incubateeId, request);
        return ResponseEntity.created(UriComponentsBuilder.fromPath(apiPrefix + "/sessions/{id}")
                .buildAndExpand(logged.id()).encode().toUri()).body(logged);
    }

    @Operation(summary = "An incubatee's sessions, most recent first",
            description = "For the incubatee (without privateNotes), their current coach and organizers (with them); "
                    + "anyone else: 404. page ≥ 0, size 1–100 (default 20): 400 naming the parameter.")
    @GetMapping("/incubatees/{incubateeId}/sessions")
    SessionView.Page list(Caller caller, @PathVariable String incubateeId,
                          @RequestParam(defaultValue = "0") @Min(value = 0, message = "{coaching.page.invalid}")
                          @Max(value = 100_000, message = "{coaching.page.invalid}") int page,
                          @RequestParam(defaultValue = "20") @Min(value = 1, message = "{coaching.size.invalid}")
                          @Max(value = 100, message = "{coaching.size.invalid}") int size) {
        return sessions.list(caller, incubateeId, page, size);
    }

    @Operation(summary = "One session", description = "Same access and views as the list; anyone else: 404.")
    @GetMapping("/sessions/{id}")
    Object one(Caller caller, @PathVariable String id) {
        return sessions.one(caller, id);
    }

    @Operation(summary = "Confirm one attended the session (the incubatee)",
            description = "200 with the session (incubatee's view), attendanceConfirmedAt set. Once: 409 the second "
                    + "time. 403 for the coach or an organizer; 404 for anyone else.")
    @PostMapping("/sessions/{id}/attendance")
    SessionView.ForIncubatee confirmAttendance(Caller caller, @PathVariable String id) {
        return sessions.confirmAttendance(caller, id);
    }
}
