package ml.sdn.registration.participants;

import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantTest {

    private static final Caller AISSATA = new Caller("sub-1", "aissata", "aissata@example.org", "Aïssata Dembélé",
            Set.of("participant"), "ML");
    private static final Caller ORGANIZER = new Caller("sub-org", "moussa", "moussa@example.org", "Moussa Keïta",
            Set.of("organizer"), "BF");
    private static final ProfileSettings SETTINGS = new ProfileSettings("+22365012345", "Bamako", "District de Bamako",
            Gender.FEMALE, "fr", "2026-01");
    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-11T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-12T08:00:00Z");

    @Test
    void registering_keeps_the_settings_the_search_key_and_a_dated_consent_and_announces_it() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);

        assertThat(participant.phone()).isEqualTo("+22365012345");
        assertThat(participant.gender()).isEqualTo(Gender.FEMALE);
        assertThat(participant.consent()).isEqualTo(new Consent(true, "2026-01", T0));
        assertThat(participant.consentHistory()).containsExactly(new Consent(true, "2026-01", T0));
        assertThat(participant.outbox()).extracting(PendingEvent::type).containsExactly(ParticipantRegistered.TYPE.type());
        assertThat(participant.outbox().get(0).payload())
                .contains("\"phone\":\"+22365012345\"", "\"city\":\"Bamako\"", "\"gender\":\"FEMALE\"");
    }

    @Test
    void the_same_settings_again_change_nothing_and_announce_nothing() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);

        assertThat(participant.update(AISSATA, SETTINGS, T1)).isFalse();
        assertThat(participant.updatedAt()).isEqualTo(T0);
        assertThat(participant.outbox()).hasSize(1);
    }

    @Test
    void a_new_terms_version_is_dated_again_and_the_earlier_consent_kept() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);

        participant.update(AISSATA, withConsent("2026-02"), T1);

        assertThat(participant.consent()).isEqualTo(new Consent(true, "2026-02", T1));
        assertThat(participant.consentHistory())
                .containsExactly(new Consent(true, "2026-01", T0), new Consent(true, "2026-02", T1));
        assertThat(participant.outbox()).extracting(PendingEvent::type)
                .containsExactly(ParticipantRegistered.TYPE.type(), ParticipantProfileUpdated.TYPE.type());
    }

    @Test
    void a_changed_gender_alone_is_an_update() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);

        boolean changed = participant.update(AISSATA, new ProfileSettings("+22365012345", "Bamako", "District de Bamako",
                Gender.NOT_STATED, "fr", "2026-01"), T1);

        assertThat(changed).isTrue();
        assertThat(participant.consent().acceptedAt()).isEqualTo(T0);
        assertThat(participant.outbox().get(1).payload()).contains("\"gender\":\"NOT_STATED\"");
    }

    @Test
    void erasing_removes_the_personal_fields_keeps_what_counts_need_and_drops_unsent_personal_events() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);
        participant.update(AISSATA, withConsent("2026-02"), T1);

        assertThat(participant.erase(T2)).isTrue();

        assertThat(participant.username()).isNull();
        assertThat(participant.displayName()).isNull();
        assertThat(participant.email()).isNull();
        assertThat(participant.phone()).isNull();
        assertThat(participant.city()).isNull();
        assertThat(participant.region()).isNull();
        assertThat(participant.gender()).isNull();
        assertThat(participant.id()).isEqualTo("sub-1");
        assertThat(participant.country()).isEqualTo("ML");
        assertThat(participant.registeredAt()).isEqualTo(T0);
        assertThat(participant.erasedAt()).isEqualTo(T2);
        assertThat(participant.outbox()).extracting(PendingEvent::type).containsExactly(ParticipantErased.TYPE.type());
    }

    @Test
    void erasing_twice_announces_once() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);
        participant.erase(T1);

        assertThat(participant.erase(T2)).isFalse();
        assertThat(participant.erasedAt()).isEqualTo(T1);
        assertThat(participant.outbox()).hasSize(1);
    }

    @Test
    void registering_again_after_erasure_starts_fresh_and_keeps_the_pending_erasure_first() {
        Participant erased = Participant.register(AISSATA, SETTINGS, T0);
        erased.erase(T1);
        Participant participant = completed(erased, T1.plusSeconds(5));

        participant.registerAgain(AISSATA, withConsent("2026-02"), T2);

        assertThat(participant.erasedAt()).isNull();
        assertThat(participant.erasureCompletedAt()).isNull();
        assertThat(participant.registeredAt()).isEqualTo(T2);
        assertThat(participant.displayName()).isEqualTo("Aïssata Dembélé");
        assertThat(participant.consentHistory()).containsExactly(new Consent(true, "2026-02", T2));
        assertThat(participant.outbox()).extracting(PendingEvent::type)
                .containsExactly(ParticipantErased.TYPE.type(), ParticipantRegistered.TYPE.type());
    }

    @Test
    void registering_again_waits_until_every_feature_has_erased_the_data() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);
        participant.erase(T1);

        assertThatThrownBy(() -> participant.registerAgain(AISSATA, withConsent("2026-02"), T2))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("participant.erasure.pending"));
        assertThat(participant.erasedAt()).isEqualTo(T1);
        assertThat(participant.displayName()).isNull();
        assertThat(participant.outbox()).extracting(PendingEvent::type).containsExactly(ParticipantErased.TYPE.type());
    }

    @Test
    void a_token_of_another_country_changes_neither_the_delegation_nor_blocks_the_update() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);
        Caller editedHerAccountToBurkina = new Caller("sub-1", "aissata", "aissata@example.org", "Aïssata Dembélé",
                Set.of("participant"), "BF");

        assertThat(participant.update(editedHerAccountToBurkina, withConsent("2026-02"), T1)).isTrue();

        assertThat(participant.country()).isEqualTo("ML");
        assertThat(participant.consent().version()).isEqualTo("2026-02");
        assertThat(participant.outbox().get(1).payload()).contains("\"country\":\"ML\"");
    }

    @Test
    void a_fresh_profile_after_erasure_stays_in_the_delegation_of_the_first_registration() {
        Participant erased = Participant.register(AISSATA, SETTINGS, T0);
        erased.erase(T1);
        Participant participant = completed(erased, T1);
        Caller inNiger = new Caller("sub-1", "aissata", "aissata@example.org", "Aïssata Dembélé", Set.of("participant"), "NE");

        participant.registerAgain(inNiger, new ProfileSettings(null, null, null, null, "fr", "2026-02"), T2);

        assertThat(participant.country()).as("an erasure is no way to change delegation").isEqualTo("ML");
    }

    @Test
    void an_organizer_moves_the_person_with_a_reason_kept_in_the_history_and_announced() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);

        DelegationChange change = participant.moveTo("BF", "  Lives in Ouagadougou  ", ORGANIZER, T1);

        assertThat(change).isEqualTo(new DelegationChange("ML", "BF", "Lives in Ouagadougou", "sub-org", "Moussa Keïta", T1));
        assertThat(participant.country()).isEqualTo("BF");
        assertThat(participant.delegationHistory()).containsExactly(change);
        assertThat(participant.outbox()).extracting(PendingEvent::type)
                .containsExactly(ParticipantRegistered.TYPE.type(), ParticipantDelegationChanged.TYPE.type());
        assertThat(participant.outbox().get(1).payload()).contains("\"previousCountry\":\"ML\"", "\"country\":\"BF\"",
                "\"reason\":\"Lives in Ouagadougou\"", "\"changedBy\":\"sub-org\"");
    }

    @Test
    void after_a_move_the_persons_own_updates_keep_the_new_delegation() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);
        participant.moveTo("NE", "Transferred", ORGANIZER, T1);

        participant.update(AISSATA, withConsent("2026-02"), T2);

        assertThat(participant.country()).as("the token still says ML").isEqualTo("NE");
        assertThat(participant.outbox().get(2).payload()).contains("\"country\":\"NE\"");
    }

    @Test
    void moving_to_the_current_delegation_is_refused_naming_the_country() {
        Participant participant = Participant.register(AISSATA, SETTINGS, T0);

        assertThatThrownBy(() -> participant.moveTo("ML", "No change", ORGANIZER, T1))
                .isInstanceOfSatisfying(FieldRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("country");
                    assertThat(e.messageKey()).isEqualTo("participant.delegation.same");
                });
        assertThat(participant.delegationHistory()).isEmpty();
        assertThat(participant.outbox()).hasSize(1);
    }

    @Test
    void a_gender_not_given_is_stored_as_none_and_shown_as_not_stated() {
        Participant silent = Participant.register(AISSATA, new ProfileSettings(null, null, null, null, "fr", "2026-01"), T0);
        Participant chose = Participant.register(AISSATA, new ProfileSettings(null, null, null, Gender.NOT_STATED, "fr", "2026-01"), T0);

        assertThat(silent.gender()).isEqualTo(Gender.NOT_STATED);
        assertThat(silent.outbox().get(0).payload()).contains("\"gender\":\"NOT_STATED\"");
        assertThat(chose.gender()).isEqualTo(Gender.NOT_STATED);
        assertThat(silent.update(AISSATA, new ProfileSettings(null, null, null, Gender.NOT_STATED, "fr", "2026-01"), T1))
                .as("choosing NOT_STATED is a change of what is stored").isTrue();
    }

    /** The profile as the store holds it once the erasure listener has marked every feature erased. */
    private static Participant completed(Participant erased, Instant completedAt) {
        return new Participant(erased.id(), null, null, null, null, erased.country(), null, null, null, null, null,
                erased.consent(), erased.consentHistory(), erased.registeredAt(), erased.updatedAt(), erased.erasedAt(),
                completedAt, erased.delegationHistory(), 1L, erased.outbox());
    }

    private static ProfileSettings withConsent(String version) {
        return new ProfileSettings(SETTINGS.phone(), SETTINGS.city(), SETTINGS.region(), SETTINGS.gender(),
                SETTINGS.preferredLanguage(), version);
    }
}
