package ml.sdn.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.registration.CheckedIn;
import ml.sdn.events.registration.OrganizationRegistered;
import ml.sdn.events.registration.ParticipantRegistered;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The week's own numbers for operators, counted from the events a service publishes: {@code sdn_events_published_total}
 * by {@code event} (the type's name, "participant-registered"), and for the figures the organizers follow, broken
 * down by fields of the event: people registered per country, applications submitted per category and country,
 * check-ins per day and country. Counted by the outbox relay once Kafka has acknowledged the event: one relay runs
 * at a time, so the sum over a service's instances is what was published (at least once: an event sent again after
 * a crash counts twice). Counters restart at 0 with the process: read them with {@code increase()}.
 * <p>
 * Only fields with few values are tags (a country, a day, a category code), never an id or a name.
 */
public class EventFigures {

    static final String METER = "sdn.events.published";

    private static final Map<String, List<String>> BREAKDOWNS = Map.of(
            ParticipantRegistered.TYPE.type(), List.of("country"),
            OrganizationRegistered.TYPE.type(), List.of("country"),
            ApplicationSubmitted.TYPE.type(), List.of("categoryCode", "country"),
            CheckedIn.TYPE.type(), List.of("day", "country"));

    /** Counts nothing: for a relay without a meter registry. */
    public static final EventFigures NONE = new EventFigures(null);

    private final MeterRegistry registry;

    public EventFigures(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One published event of {@code type} (its {@code ce_type}) with its JSON payload. */
    public void published(String type, String payload) {
        if (registry == null || type == null) {
            return;
        }
        Counter.builder(METER)
                .description("Events the service published, by event (and, for the week's figures, by country, day or category)")
                .tags(tags(type, payload))
                .register(registry)
                .increment();
    }

    static List<Tag> tags(String type, String payload) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.of("event", name(type)));
        List<String> fields = BREAKDOWNS.getOrDefault(type, List.of());
        if (fields.isEmpty()) {
            return tags;
        }
        JsonNode data = read(payload);
        for (String field : fields) {
            JsonNode value = data == null ? null : data.get(field);
            tags.add(Tag.of(tagName(field), value == null || value.isNull() ? "unknown" : value.asString()));
        }
        return tags;
    }

    /** "sdn.registration.participant-registered.v1" → "participant-registered" (the version left out). */
    static String name(String type) {
        String unversioned = type.replaceFirst("\\.v\\d+$", "");
        return unversioned.substring(unversioned.lastIndexOf('.') + 1);
    }

    private static String tagName(String field) {
        return "categoryCode".equals(field) ? "category" : field;
    }

    private static JsonNode read(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return JsonMapper.shared().readTree(payload);
        } catch (JacksonException e) {
            return null; // an unreadable payload still counts, as "unknown"
        }
    }
}
