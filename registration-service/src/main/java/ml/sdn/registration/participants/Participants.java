package ml.sdn.registration.participants;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creates and changes participant profiles; each change carries its event in the same document write. */
@Service
public class Participants {

    private final ParticipantRepository repository;
    private final Clock clock;

    Participants(ParticipantRepository repository) {
        this.repository = repository;
        this.clock = Clock.systemUTC();
    }

    public record Saved(ParticipantView profile, boolean created) {
    }

    public Saved createOrUpdate(Caller caller, ProfileRequest request) {
        // MongoDB keeps milliseconds: truncate so what we return is what a later read returns
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return repository.findById(caller.id())
                .map(existing -> {
                    if (existing.update(caller, request.languageOrDefault(), request.consent().version(), now)) {
                        existing = repository.save(existing);
                    }
                    return new Saved(ParticipantView.of(existing), false);
                })
                .orElseGet(() -> {
                    Participant created = repository.insert(
                            Participant.register(caller, request.languageOrDefault(), request.consent().version(), now));
                    return new Saved(ParticipantView.of(created), true);
                });
    }

    public ParticipantView of(Caller caller) {
        return repository.findById(caller.id()).map(ParticipantView::of)
                .orElseThrow(() -> new NotFoundException("participant.not-found"));
    }
}
