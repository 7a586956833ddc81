package ml.sdn.registration.participants;

import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person's participant profile (the aggregate). Its id is the Keycloak subject; identity fields
 * (username, display name, e-mail, country) always come from the token, never from the request.
 * The events announcing its changes wait in {@code outbox}, saved in the same write.
 */
@Document(Participant.COLLECTION)
public class Participant {

    public static final String COLLECTION = "participants";

    @Id
    private final String id;
    private String username;
    private String displayName;
    private String email;
    private String country;
    private String preferredLanguage;
    private Consent consent;
    private final Instant registeredAt;
    private Instant updatedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Participant(String id, String username, String displayName, String email, String country, String preferredLanguage,
                Consent consent, Instant registeredAt, Instant updatedAt, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.country = country;
        this.preferredLanguage = preferredLanguage;
        this.consent = consent;
        this.registeredAt = registeredAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    static Participant register(Caller caller, String preferredLanguage, String consentVersion, Instant now) {
        Participant participant = new Participant(caller.id(), caller.username(), displayNameOf(caller), caller.email(),
                caller.country(), preferredLanguage, new Consent(true, consentVersion, now), now, now, null, List.of());
        participant.outbox.add(PendingEvent.of(ParticipantRegistered.TYPE, participant.id, new ParticipantRegistered(
                participant.id, participant.username, participant.displayName, participant.email, participant.country,
                participant.preferredLanguage, now, null, null, null)));
        return participant;
    }

    /** Applies the caller's current identity and the requested settings; true (and an event) if anything changed. */
    boolean update(Caller caller, String preferredLanguage, String consentVersion, Instant now) {
        boolean consentChanged = consent == null || !Objects.equals(consent.version(), consentVersion);
        boolean changed = consentChanged
                || !Objects.equals(username, caller.username())
                || !Objects.equals(displayName, displayNameOf(caller))
                || !Objects.equals(email, caller.email())
                || !Objects.equals(country, caller.country())
                || !Objects.equals(this.preferredLanguage, preferredLanguage);
        if (!changed) {
            return false;
        }
        username = caller.username();
        displayName = displayNameOf(caller);
        email = caller.email();
        country = caller.country();
        this.preferredLanguage = preferredLanguage;
        if (consentChanged) {
            consent = new Consent(true, consentVersion, now);
        }
        updatedAt = now;
        outbox.add(PendingEvent.of(ParticipantProfileUpdated.TYPE, id, new ParticipantProfileUpdated(
                id, username, displayName, email, country, this.preferredLanguage, registeredAt, now, null, null, null)));
        return true;
    }

    private static String displayNameOf(Caller caller) {
        return caller.name() == null || caller.name().isBlank() ? caller.username() : caller.name();
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String country() {
        return country;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public Consent consent() {
        return consent;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
