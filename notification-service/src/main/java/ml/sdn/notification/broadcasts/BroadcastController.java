package ml.sdn.notification.broadcasts;

import jakarta.validation.constraints.Size;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Messages to groups, for organizers (any audience) and coordinators (their delegation only): the audience's
 * count, the messages sent (newest first, with their reports), the send (201; safe to repeat with the same {@code Idempotency-Key}: a double click sends once), and
 * a message's delivery report. Every field at fault is named in one 400.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/admin/broadcasts")
@PreAuthorize("hasAnyRole('organizer', 'coordinator')")
class BroadcastController {

    private final Broadcasts broadcasts;

    BroadcastController(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @GetMapping("/audience")
    Broadcasts.Count audience(Caller caller, @RequestParam(required = false) @Size(max = 20) String audience,
                              @RequestParam(required = false) @Size(max = 20) String country,
                              @RequestParam(required = false) @Size(max = 20) String day,
                              @RequestParam(required = false) @Size(max = 40) String category,
                              @RequestParam(required = false) @Size(max = 20) String status,
                              @RequestParam(required = false) @Size(max = 40) String edition) {
        return broadcasts.count(caller, new Audience.Choice(audience, country, day, category, status, edition));
    }

    /** The newest messages the caller may read, each with its delivery report. */
    @GetMapping
    java.util.List<Broadcasts.Report> sent(Caller caller) {
        return broadcasts.sent(caller);
    }

    /** Bean validation runs inside {@link Broadcasts#send}, with the audience's checks: one 400 for all. */
    @PostMapping
    @AcceptsIdempotencyKey
    ResponseEntity<Broadcasts.Report> send(Caller caller, @RequestBody BroadcastRequest request) {
        Broadcast sent = broadcasts.send(caller, request);
        return ResponseEntity.created(URI.create("/api/notifications/admin/broadcasts/" + sent.id()))
                .body(broadcasts.report(caller, sent.id()));
    }

    @GetMapping("/{id}")
    Broadcasts.Report report(Caller caller, @PathVariable @Size(max = 40) String id) {
        return broadcasts.report(caller, id);
    }
}
