package ml.sdn.platform.messaging;

import ml.sdn.events.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterStoreTest {

    @Test
    void finds_the_original_topic_of_a_consumer_groups_dead_letter_topic() {
        assertThat(DeadLetterStore.originalTopicOf(Topics.dltOf(Topics.REGISTRATION_PARTICIPANTS, "competition-service")))
                .isEqualTo(Topics.REGISTRATION_PARTICIPANTS);
    }
}
