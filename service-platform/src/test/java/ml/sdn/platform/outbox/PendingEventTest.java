package ml.sdn.platform.outbox;

import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantRegistered;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PendingEventTest {

    @Test
    void carries_type_topic_key_and_the_event_as_json_with_iso_dates() {
        Instant at = Instant.parse("2026-01-29T08:30:00Z");
        ParticipantRegistered event = new ParticipantRegistered("sub-1", "u", "U", "u@x", "ML", "fr", at, null, null, null);

        PendingEvent pending = PendingEvent.of(ParticipantRegistered.TYPE, "sub-1", event);

        assertThat(pending.id()).isNotBlank();
        assertThat(pending.type()).isEqualTo("sdn.registration.participant-registered.v1");
        assertThat(pending.topic()).isEqualTo(Topics.REGISTRATION_PARTICIPANTS);
        assertThat(pending.key()).isEqualTo("sub-1");
        assertThat(pending.subject()).isEqualTo("sub-1");
        JsonNode json = JsonMapper.builder().build().readTree(pending.payload());
        assertThat(json.get("participantId").asString()).isEqualTo("sub-1");
        assertThat(json.get("registeredAt").asString()).isEqualTo("2026-01-29T08:30:00Z");
    }

    @Test
    void every_event_gets_its_own_id() {
        ParticipantRegistered event = new ParticipantRegistered("s", "u", "U", "e", "NE", "en", Instant.now(), null, null, null);

        assertThat(PendingEvent.of(ParticipantRegistered.TYPE, "s", event).id())
                .isNotEqualTo(PendingEvent.of(ParticipantRegistered.TYPE, "s", event).id());
    }
}
