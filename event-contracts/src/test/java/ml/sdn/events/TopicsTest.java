package ml.sdn.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void each_service_publishes_the_topics_named_after_it() {
        assertThat(Topics.publishedBy("registration-service")).containsExactly(Topics.REGISTRATION_ATTENDANCE,
                Topics.REGISTRATION_ORGANIZATIONS, Topics.REGISTRATION_PARTICIPANTS, Topics.REGISTRATION_PROGRAMME);
        assertThat(Topics.publishedBy("competition-service")).containsExactly(Topics.COMPETITION_APPLICATIONS,
                Topics.COMPETITION_CATEGORIES, Topics.COMPETITION_EDITIONS, Topics.COMPETITION_JURY,
                Topics.COMPETITION_RESULTS);
        assertThat(Topics.publishedBy("incubation-service")).containsExactly(Topics.INCUBATION_INCUBATEES,
                Topics.INCUBATION_MILESTONES, Topics.INCUBATION_SESSIONS);
        assertThat(Topics.publishedBy("notification-service")).containsExactly(Topics.NOTIFICATION_BROADCASTS);
    }

    @Test
    void a_name_that_is_no_service_s_publishes_nothing() {
        assertThat(Topics.publishedBy("metrics-probe")).isEmpty();
        assertThat(Topics.publishedBy("registration")).as("a service is named <name>-service").isEmpty();
    }

    @Test
    void the_partitions_come_from_the_contract_and_an_unknown_topic_is_refused() {
        assertThat(Topics.partitionsOf(Topics.COMPETITION_APPLICATIONS)).isEqualTo(3);
        assertThat(Topics.partitionsOf(Topics.COMPETITION_RESULTS)).isEqualTo(1);
        assertThatThrownBy(() -> Topics.partitionsOf("registration.participant")).isInstanceOf(IllegalArgumentException.class);
    }
}
