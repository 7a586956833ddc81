package ml.sdn.registration.programme;

import jakarta.validation.Validator;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The week's programme. Anyone, signed in or not, reads the sessions; organizers write them; anyone signed in
 * with a participant profile keeps an agenda of the sessions that have a capacity (always their own: no
 * address names another person's).
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/programme")
class ProgrammeController {

    private final Programme programme;
    private final Validator validator;

    ProgrammeController(Programme programme, Validator validator) {
        this.programme = programme;
        this.validator = validator;
    }

    /** Every session, in time order (public). */
    @GetMapping("/sessions")
    List<SessionView> sessions() {
        return programme.sessions();
    }

    /** The days of the week sessions may be planned on (public), in order. */
    @GetMapping("/days")
    List<java.time.LocalDate> days() {
        return programme.days().all();
    }

    /** One session (public); unknown id: 404. */
    @GetMapping("/sessions/{id}")
    SessionView session(@PathVariable String id) {
        return programme.session(id);
    }

    /** A new session (201); every field at fault named at once (400). */
    @PostMapping("/sessions")
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<SessionView> create(@RequestBody SessionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(programme.create(request, FieldChecks.validated(validator, request)));
    }

    /** Changes the session; a new time or room tells the people registered for it (SessionMoved). */
    @PutMapping("/sessions/{id}")
    @PreAuthorize("hasRole('organizer')")
    SessionView update(@PathVariable String id, @RequestBody SessionRequest request) {
        return programme.update(id, request, FieldChecks.validated(validator, request));
    }

    /** Adds the session to my agenda: a place at once (201 CONFIRMED) or a place in line (201 WAITING); already there: 200. */
    @PostMapping("/sessions/{id}/agenda")
    @AcceptsIdempotencyKey
    ResponseEntity<AgendaView> add(Caller caller, @PathVariable String id) {
        Programme.Added added = programme.add(caller, id);
        return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK).body(added.entry());
    }

    /** Takes the session off my agenda (my place goes to the first person waiting). */
    @DeleteMapping("/sessions/{id}/agenda/me")
    ResponseEntity<Void> leave(Caller caller, @PathVariable String id) {
        programme.leave(caller, id);
        return ResponseEntity.noContent().build();
    }

    /** My agenda, in time order. */
    @GetMapping("/me/agenda")
    List<AgendaView> agenda(Caller caller) {
        return programme.agenda(caller);
    }
}
