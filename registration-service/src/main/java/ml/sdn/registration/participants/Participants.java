package ml.sdn.registration.participants;

import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, changes, exports and erases participant profiles; each change carries its event in the same
 * document write. A write that lost a race (the outbox relay removed a sent event, or a second request
 * of the same person created the profile first) is tried again on a fresh read, a few times.
 */
@Service
public class Participants {

    private static final int ATTEMPTS = 3;

    private final ParticipantRepository repository;
    private final List<PersonalData> personalData;
    private final Clock clock;

    Participants(ParticipantRepository repository, List<PersonalData> personalData) {
        this.repository = repository;
        this.personalData = personalData.stream().sorted(Comparator.comparing(PersonalData::section)).toList();
        this.clock = Clock.systemUTC();
    }

    public record Saved(ParticipantView profile, boolean created) {
    }

    /** Everything held about one person: their profile, every consent they gave, and each feature's section. */
    public record PersonalDataExport(Instant exportedAt, ParticipantView profile, List<Consent> consentHistory,
                                     Map<String, Object> sections) {
    }

    public Saved createOrUpdate(Caller caller, ProfileRequest request) {
        String country = delegationOf(caller);
        ProfileSettings settings = request.settingsFor(country);
        return LostRace.retry(ATTEMPTS, () -> {
            Instant now = now();
            Optional<Participant> found = repository.findById(caller.id());
            if (found.isEmpty()) {
                return new Saved(ParticipantView.of(repository.insert(Participant.register(caller, settings, now))), true);
            }
            Participant existing = found.get();
            if (existing.erased()) {
                existing.registerAgain(caller, settings, now);
                return new Saved(ParticipantView.of(repository.save(existing)), true);
            }
            if (existing.update(caller, settings, now)) {
                existing = repository.save(existing);
            }
            return new Saved(ParticipantView.of(existing), false);
        });
    }

    /**
     * The delegation the caller belongs to: their profile's country (an erased profile keeps it), or, before
     * their first registration, their token's, which must be of the AES space.
     *
     * @throws CountryRequiredException if there is no profile and the token has no AES country
     */
    String delegationOf(Caller caller) {
        return repository.findById(caller.id()).map(Participant::country).filter(country -> country != null)
                .orElseGet(() -> requireAesCountry(caller));
    }

    /** The person's delegation and its history, for organizers. */
    public DelegationView delegationOf(String participantId) {
        return DelegationView.of(repository.findByIdAndErasedAtIsNull(participantId)
                .orElseThrow(() -> new NotFoundException("participant.not-found.other")));
    }

    /**
     * An organizer moves a person to another delegation: the profile, its history and the event
     * {@code ParticipantDelegationChanged} in one write.
     */
    public DelegationView move(Caller organizer, String participantId, DelegationRequest request) {
        return LostRace.retry(ATTEMPTS, () -> {
            Participant participant = repository.findByIdAndErasedAtIsNull(participantId)
                    .orElseThrow(() -> new NotFoundException("participant.not-found.other"));
            participant.moveTo(request.country(), request.reason(), organizer, now());
            return DelegationView.of(repository.save(participant));
        });
    }

    public ParticipantView of(Caller caller) {
        return ParticipantView.of(profileOf(caller));
    }

    public PersonalDataExport exportOf(Caller caller) {
        Participant participant = profileOf(caller);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PersonalData feature : personalData) {
            sections.put(feature.section(), feature.exportOf(participant.id()));
        }
        return new PersonalDataExport(now(), ParticipantView.of(participant), participant.consentHistory(), sections);
    }

    /**
     * Anonymises the caller's profile and puts {@code ParticipantErased} in its outbox, in one write; the
     * other features erase their data when that event comes back (see {@link ParticipantErasureListener}).
     * Erasing an already erased profile does nothing more; a person who never had a profile gets a 404.
     */
    public void erase(Caller caller) {
        LostRace.retry(ATTEMPTS, () -> {
            Participant participant = repository.findById(caller.id())
                    .orElseThrow(() -> new NotFoundException("participant.not-found"));
            if (participant.erase(now())) {
                repository.save(participant);
            }
            return null;
        });
    }

    private Participant profileOf(Caller caller) {
        return repository.findByIdAndErasedAtIsNull(caller.id())
                .orElseThrow(() -> new NotFoundException("participant.not-found"));
    }

    private static String requireAesCountry(Caller caller) {
        if (caller.country() == null || !DirectoryScope.AES_COUNTRIES.contains(caller.country())) {
            throw new CountryRequiredException();
        }
        return caller.country();
    }

    private Instant now() {
        // MongoDB keeps milliseconds: truncate so what we return is what a later read returns
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
