package ml.sdn.platform.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFiguresTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventFigures figures = new EventFigures(registry);

    @Test
    void applications_are_counted_per_category_and_country() {
        String payload = "{\"applicationId\":\"a-1\",\"categoryCode\":\"SUC\",\"country\":\"BF\",\"title\":\"Agri\"}";
        figures.published("sdn.competition.application-submitted.v1", payload);
        figures.published("sdn.competition.application-submitted.v1", payload);

        assertThat(registry.get("sdn.week.applications.submitted").tags("category", "SUC", "country", "BF")
                .counter().count()).isEqualTo(2.0);
        assertThat(registry.get(EventFigures.PUBLISHED).tags("event", "application-submitted").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void check_ins_are_counted_per_day_and_country() {
        figures.published("sdn.registration.checked-in.v1",
                "{\"attendanceId\":\"x\",\"participantId\":\"p\",\"country\":\"NE\",\"day\":\"2027-01-29\",\"door\":\"A\"}");

        assertThat(registry.get("sdn.week.check.ins").tags("day", "2027-01-29", "country", "NE")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void other_events_are_counted_by_name_only_and_ids_never_become_labels() {
        figures.published("sdn.incubation.session-logged.v1", "{\"sessionId\":\"s-1\",\"incubateeId\":\"i-1\"}");

        assertThat(registry.getMeters()).hasSize(1);
        var counter = registry.get(EventFigures.PUBLISHED).counter();
        assertThat(counter.count()).isEqualTo(1.0);
        assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey()).containsExactly("event");
    }

    @Test
    void a_missing_or_unreadable_field_counts_as_unknown() {
        figures.published("sdn.registration.participant-registered.v1", "{\"participantId\":\"p\"}");
        figures.published("sdn.registration.participant-registered.v1", "not json");

        assertThat(registry.get("sdn.week.participants.registered").tags("country", "unknown")
                .counter().count()).isEqualTo(2.0);
    }

    @Test
    void without_a_registry_nothing_is_counted_and_nothing_fails() {
        EventFigures.NONE.published("sdn.registration.checked-in.v1", "{}");
        assertThat(EventFigures.name("ml.sdn.probe.thing-created")).isEqualTo("thing-created");
    }
}
