package ml.sdn.registration.participants;

import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
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
 * (username, display name, e-mail) always come from the token, never from the request. The country (the
 * person's delegation) is taken from the token once, at the first registration, and never from a token
 * again: the token's {@code country} is an account attribute the person can edit, so a later token of
 * another country changes nothing, an erasure keeps it and a new registration after it takes it back.
 * Only an organizer moves a person to another delegation ({@link #moveTo}), with a reason, kept in
 * {@code delegationHistory} (who, when, from, to, why). See docs/decisions/0010-delegation-fixed-at-registration.md.
 * The events announcing its changes wait in {@code outbox}, saved in the same write.
 * <p>
 * {@code gender} is stored as the person gave it: null when they said nothing (shown as NOT_STATED),
 * NOT_STATED when they chose not to state it; organisations tell the two apart (an owner's statement
 * about a member counts only when the member said nothing).
 * <p>
 * Erasure anonymises the document in place: identity and contact fields, gender, city, region and
 * language are removed; id, country, registration date, consents and {@code erasedAt} stay, so that
 * counts stay coherent. An erased document is no one's profile: reads treat it as absent. Once every
 * feature has erased its data ({@code erasureCompletedAt}, set by {@link ParticipantErasureListener}),
 * a new registration by the same person starts a fresh profile over it; before, it is refused (409), so
 * that what the person enters anew is not mistaken for what the erasure must remove.
 */
@Document(Participant.COLLECTION)
public class Participant {

    public static final String COLLECTION = "participants";

    @Id
    private final String id;
    private String username;
    private String displayName;
    /** {@link SearchKey} of the display name, for accent- and case-insensitive search. */
    private String searchKey;
    private String email;
    private String country;
    private String phone;
    private String city;
    private String region;
    private Gender gender;
    private String preferredLanguage;
    private Consent consent;
    /** Every consent given, oldest first (the current one last). */
    private List<Consent> consentHistory;
    private Instant registeredAt;
    private Instant updatedAt;
    private Instant erasedAt;
    /** When every feature had erased the person's data, after {@code erasedAt}; null until then. */
    private Instant erasureCompletedAt;
    /** Every move to another delegation, oldest first. */
    private List<DelegationChange> delegationHistory;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Participant(String id, String username, String displayName, String searchKey, String email, String country,
                String phone, String city, String region, Gender gender, String preferredLanguage, Consent consent,
                List<Consent> consentHistory, Instant registeredAt, Instant updatedAt, Instant erasedAt,
                Instant erasureCompletedAt, List<DelegationChange> delegationHistory, Long version,
                List<PendingEvent> outbox) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.searchKey = searchKey;
        this.email = email;
        this.country = country;
        this.phone = phone;
        this.city = city;
        this.region = region;
        this.gender = gender;
        this.preferredLanguage = preferredLanguage;
        this.consent = consent;
        this.consentHistory = consentHistory == null ? new ArrayList<>() : new ArrayList<>(consentHistory);
        this.registeredAt = registeredAt;
        this.updatedAt = updatedAt;
        this.erasedAt = erasedAt;
        this.erasureCompletedAt = erasureCompletedAt;
        this.delegationHistory = delegationHistory == null ? new ArrayList<>() : new ArrayList<>(delegationHistory);
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    static Participant register(Caller caller, ProfileSettings settings, Instant now) {
        Participant participant = new Participant(caller.id(), null, null, null, null, null, null, null, null, null,
                null, null, List.of(), null, null, null, null, List.of(), null, List.of());
        participant.start(caller, settings, now);
        return participant;
    }

    /**
     * A person whose profile was erased registers again: a fresh profile in the delegation the erased one
     * kept (an erasure is no way to change delegation), the erasure events still pending kept.
     *
     * @throws ConflictException if the features have not all erased the person's data yet
     */
    void registerAgain(Caller caller, ProfileSettings settings, Instant now) {
        if (erasedAt == null) {
            throw new IllegalStateException("Profile " + id + " is not erased");
        }
        if (erasureCompletedAt == null) {
            throw new ConflictException("participant.erasure.pending");
        }
        consentHistory.clear();
        erasedAt = null;
        erasureCompletedAt = null;
        start(caller, settings, now);
    }

    private void start(Caller caller, ProfileSettings settings, Instant now) {
        if (country == null) {
            country = caller.country();
        }
        applyIdentity(caller);
        apply(settings);
        consent = new Consent(true, settings.consentVersion(), now);
        consentHistory.add(consent);
        registeredAt = now;
        updatedAt = now;
        outbox.add(PendingEvent.of(ParticipantRegistered.TYPE, id, new ParticipantRegistered(
                id, username, displayName, email, country, preferredLanguage, registeredAt, phone, city, genderName())));
    }

    /**
     * Applies the caller's current identity and the requested settings; true (and an event) if anything changed.
     * The token's country is not read: the delegation stays the registered one.
     */
    boolean update(Caller caller, ProfileSettings settings, Instant now) {
        if (erasedAt != null) {
            throw new IllegalStateException("Profile " + id + " is erased");
        }
        boolean consentChanged = consent == null || !Objects.equals(consent.version(), settings.consentVersion());
        boolean changed = consentChanged
                || !Objects.equals(username, caller.username())
                || !Objects.equals(displayName, displayNameOf(caller))
                || !Objects.equals(email, caller.email())
                || !Objects.equals(phone, settings.phone())
                || !Objects.equals(city, settings.city())
                || !Objects.equals(region, settings.region())
                || gender != settings.gender()
                || !Objects.equals(preferredLanguage, settings.preferredLanguage());
        if (!changed) {
            return false;
        }
        applyIdentity(caller);
        apply(settings);
        if (consentChanged) {
            consent = new Consent(true, settings.consentVersion(), now);
            consentHistory.add(consent);
        }
        updatedAt = now;
        outbox.add(PendingEvent.of(ParticipantProfileUpdated.TYPE, id, new ParticipantProfileUpdated(
                id, username, displayName, email, country, preferredLanguage, registeredAt, now, phone, city, genderName())));
        return true;
    }

    /**
     * An organizer moves the person to the delegation of {@code newCountry} (ML, BF or NE), for {@code reason}:
     * recorded in the history and announced ({@code ParticipantDelegationChanged}) in the same write.
     *
     * @throws FieldRejectedException naming {@code country} if it is the person's delegation already
     */
    DelegationChange moveTo(String newCountry, String reason, Caller organizer, Instant now) {
        if (erasedAt != null) {
            throw new IllegalStateException("Profile " + id + " is erased");
        }
        if (newCountry.equals(country)) {
            throw new FieldRejectedException("country", "participant.delegation.same", newCountry);
        }
        DelegationChange change = new DelegationChange(country, newCountry, reason.strip(), organizer.id(),
                displayNameOf(organizer), now);
        delegationHistory.add(change);
        country = newCountry;
        updatedAt = now;
        outbox.add(PendingEvent.of(ParticipantDelegationChanged.TYPE, id, new ParticipantDelegationChanged(
                id, change.previousCountry(), change.country(), change.reason(), change.changedBy(), now)));
        return change;
    }

    /**
     * Anonymises the profile and announces it; false if it already was. Events still waiting that carry
     * the person's data (registered, updated) are dropped: what was not shared yet is never shared.
     */
    boolean erase(Instant now) {
        if (erasedAt != null) {
            return false;
        }
        username = null;
        displayName = null;
        searchKey = null;
        email = null;
        phone = null;
        city = null;
        region = null;
        gender = null;
        preferredLanguage = null;
        erasedAt = now;
        erasureCompletedAt = null;
        updatedAt = now;
        outbox.removeIf(pending -> !ParticipantErased.TYPE.type().equals(pending.type()));
        outbox.add(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(id, now)));
        return true;
    }

    private void applyIdentity(Caller caller) {
        username = caller.username();
        displayName = displayNameOf(caller);
        searchKey = SearchKey.of(displayName);
        email = caller.email();
    }

    private void apply(ProfileSettings settings) {
        phone = settings.phone();
        city = settings.city();
        region = settings.region();
        gender = settings.gender();
        preferredLanguage = settings.preferredLanguage();
    }

    private String genderName() {
        return gender() == null ? null : gender().name();
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

    public String phone() {
        return phone;
    }

    public String city() {
        return city;
    }

    public String region() {
        return region;
    }

    /** The gender as shown: NOT_STATED when the person gave none; null once the profile is erased. */
    public Gender gender() {
        return gender == null && erasedAt == null ? Gender.NOT_STATED : gender;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public Consent consent() {
        return consent;
    }

    public List<Consent> consentHistory() {
        return List.copyOf(consentHistory);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public Instant erasureCompletedAt() {
        return erasureCompletedAt;
    }

    public List<DelegationChange> delegationHistory() {
        return List.copyOf(delegationHistory);
    }

    boolean erased() {
        return erasedAt != null;
    }

    List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
