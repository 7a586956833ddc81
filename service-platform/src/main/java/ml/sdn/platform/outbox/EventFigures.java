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
 * The week's own numbers for operators, counted from the events a service publishes: every event by its name in
 * {@code sdn_events_published_total{event="participant-registered"}}, and the figures the organizers follow, each a
 * counter of its own broken down by fields of the event: {@code sdn_week_participants_registered_total{country}},
 * {@code sdn_week_organizations_registered_total{country}}, {@code sdn_week_applications_submitted_total{category,
 * country}}, {@code sdn_week_check_ins_total{day, country}}. (Prometheus wants one set of labels per name, hence
 * a name per figure.) Counted by the outbox relay once Kafka has acknowledged the event: one relay runs at a time,
 * so the sum over a service's instances is what was published (at least once: an event sent again after a crash
 * counts twice). Counters restart at 0 with the process: read them with {@code increase()}.
 * <p>
 * Only fields with few values become labels (a country, a day, a category code), never an id or a name.
 */
public class EventFigures {

    static final String PUBLISHED = "sdn.events.published";

    /** A figure: the counter {@code meter} of the events of {@code type}, labelled by the payload's {@code fields}. */
    record Figure(String meter, String description, List<String> fields) {
    }

    private static final Map<String, Figure> FIGURES = Map.of(
            ParticipantRegistered.TYPE.type(), new Figure("sdn.week.participants.registered",
                    "People who created their participant profile, by country", List.of("country")),
            OrganizationRegistered.TYPE.type(), new Figure("sdn.week.organizations.registered",
                    "Organisations registered, by country", List.of("country")),
            ApplicationSubmitted.TYPE.type(), new Figure("sdn.week.applications.submitted",
                    "Applications submitted, by category and country", List.of("categoryCode", "country")),
            CheckedIn.TYPE.type(), new Figure("sdn.week.check.ins",
                    "People checked in at the doors, by day and country", List.of("day", "country")));

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
        Counter.builder(PUBLISHED)
                .description("Events the service published, by event")
                .tag("event", name(type))
                .register(registry)
                .increment();
        Figure figure = FIGURES.get(type);
        if (figure != null) {
            Counter.builder(figure.meter()).description(figure.description())
                    .tags(labels(figure, payload))
                    .register(registry)
                    .increment();
        }
    }

    static List<Tag> labels(Figure figure, String payload) {
        JsonNode data = read(payload);
        List<Tag> tags = new ArrayList<>();
        for (String field : figure.fields()) {
            JsonNode value = data == null ? null : data.get(field);
            tags.add(Tag.of(labelName(field), value == null || value.isNull() ? "unknown" : value.asString()));
        }
        return tags;
    }

    /** "sdn.registration.participant-registered.v1" → "participant-registered" (the version left out). */
    static String name(String type) {
        String unversioned = type.replaceFirst("\\.v\\d+$", "");
        return unversioned.substring(unversioned.lastIndexOf('.') + 1);
    }

    private static String labelName(String field) {
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
