package ml.sdn.events;

import ml.sdn.events.competition.EditionCreated;
import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    @Test
    void finds_a_known_type_by_its_ce_type() {
        assertThat(EventTypes.byType("sdn.registration.participant-registered.v1")).contains(ParticipantRegistered.TYPE);
        assertThat(EventTypes.byType("sdn.registration.participant-profile-updated.v1")).contains(ParticipantProfileUpdated.TYPE);
        assertThat(EventTypes.byType("sdn.registration.participant-delegation-changed.v1")).contains(ParticipantDelegationChanged.TYPE);
        assertThat(EventTypes.byType("sdn.competition.edition-created.v1")).contains(EditionCreated.TYPE);
    }

    @Test
    void an_unknown_or_missing_type_is_empty() {
        assertThat(EventTypes.byType("sdn.registration.participant-registered.v2")).isEmpty();
        assertThat(EventTypes.byType(null)).isEmpty();
    }

    @Test
    void every_type_is_versioned_unique_and_goes_to_a_service_aggregate_topic() {
        Set<String> seen = new HashSet<>();
        for (EventType<?> type : EventTypes.all()) {
            assertThat(type.type()).matches("sdn\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(seen.add(type.type())).as("unique " + type.type()).isTrue();
            assertThat(type.topic()).matches("[a-z]+\\.[a-z-]+");
            assertThat(type.payloadClass().isRecord()).isTrue();
        }
    }

    @Test
    void each_consumer_group_has_its_own_dead_letter_topic_ending_in_dlt() {
        assertThat(Topics.dltOf(Topics.REGISTRATION_PARTICIPANTS, "competition-service"))
                .isEqualTo("registration.participants.competition-service.DLT");
        assertThat(Topics.dltOf(Topics.REGISTRATION_PARTICIPANTS, "notification-service"))
                .isNotEqualTo(Topics.dltOf(Topics.REGISTRATION_PARTICIPANTS, "competition-service"));
    }
}
