package ml.sdn.platform.messaging;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.registration.ParticipantRegistered;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventTypeResolverTest {

    private final CloudEventTypeResolver resolver = new CloudEventTypeResolver(JsonMapper.builder().build());

    private static RecordHeaders typed(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void a_known_ce_type_is_read_into_its_record() {
        assertThat(resolver.resolveType("t", new byte[0], typed(ParticipantRegistered.TYPE.type())).getRawClass())
                .isEqualTo(ParticipantRegistered.class);
    }

    @Test
    void an_unknown_or_missing_ce_type_is_read_as_json() {
        assertThat(resolver.resolveType("t", new byte[0], typed("sdn.other.thing.v7")).getRawClass()).isEqualTo(JsonNode.class);
        assertThat(resolver.resolveType("t", new byte[0], new RecordHeaders()).getRawClass()).isEqualTo(JsonNode.class);
    }
}
