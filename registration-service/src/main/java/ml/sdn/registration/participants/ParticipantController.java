package ml.sdn.registration.participants;

import jakarta.validation.Valid;
import ml.sdn.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own participant profile; there is no way to name another person's. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/participants")
class ParticipantController {

    private final Participants participants;

    ParticipantController(Participants participants) {
        this.participants = participants;
    }

    /** Creates the profile (201) or updates it (200). */
    @PutMapping("/me")
    ResponseEntity<ParticipantView> saveMine(Caller caller, @Valid @RequestBody ProfileRequest request) {
        Participants.Saved saved = participants.createOrUpdate(caller, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.profile());
    }

    @GetMapping("/me")
    ParticipantView mine(Caller caller) {
        return participants.of(caller);
    }
}
