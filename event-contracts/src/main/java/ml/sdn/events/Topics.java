package ml.sdn.events;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Topic names: one per producing aggregate, {@code <service>.<aggregate>}, keyed by aggregate id, with their
 * partitions ({@link #partitionsOf}). The platform declares the topics of a service from here
 * ({@link #publishedBy}): brokers run with auto-create off, and a topic is declared by its producer only.
 */
public final class Topics {

    public static final String REGISTRATION_PARTICIPANTS = "registration.participants";
    public static final String REGISTRATION_ORGANIZATIONS = "registration.organizations";
    public static final String REGISTRATION_ATTENDANCE = "registration.attendance";
    public static final String REGISTRATION_PROGRAMME = "registration.programme";
    public static final String COMPETITION_APPLICATIONS = "competition.applications";
    public static final String COMPETITION_EDITIONS = "competition.editions";
    public static final String COMPETITION_CATEGORIES = "competition.categories";
    public static final String COMPETITION_JURY = "competition.jury";
    public static final String COMPETITION_RESULTS = "competition.results";
    public static final String INCUBATION_INCUBATEES = "incubation.incubatees";
    public static final String INCUBATION_SESSIONS = "incubation.sessions";
    public static final String INCUBATION_MILESTONES = "incubation.milestones";
    /** notification-service's own: messages to groups, published and delivered by it. */
    public static final String NOTIFICATION_BROADCASTS = "notification.broadcasts";

    /**
     * Three partitions where many aggregates publish at once (each consumer group reads them in parallel, one
     * consumer per partition, order kept per key); one where events are few and readers gain nothing from
     * parallel reading (editions, category phases, results). Raising a count later is possible; lowering it is
     * not, and a key's partition would change: choose before the week.
     */
    private static final Map<String, Integer> PARTITIONS = Map.ofEntries(
            entry(REGISTRATION_PARTICIPANTS, 3),
            entry(REGISTRATION_ORGANIZATIONS, 3),
            entry(REGISTRATION_ATTENDANCE, 3),
            entry(REGISTRATION_PROGRAMME, 3),
            entry(COMPETITION_APPLICATIONS, 3),
            entry(COMPETITION_EDITIONS, 1),
            entry(COMPETITION_CATEGORIES, 1),
            entry(COMPETITION_JURY, 3),
            entry(COMPETITION_RESULTS, 1),
            entry(INCUBATION_INCUBATEES, 3),
            entry(INCUBATION_SESSIONS, 3),
            entry(INCUBATION_MILESTONES, 3),
            entry(NOTIFICATION_BROADCASTS, 3));

    /** Suffix of every dead-letter topic. */
    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    /** @throws IllegalArgumentException for a name that is not one of the platform's topics */
    public static int partitionsOf(String topic) {
        Integer partitions = PARTITIONS.get(topic);
        if (partitions == null) {
            throw new IllegalArgumentException("Not a topic of the platform: " + topic);
        }
        return partitions;
    }

    /**
     * The topics a service publishes, by its application name: {@code registration-service} publishes the
     * {@code registration.*} topics. None for a name that is not a service's (a test's probe application).
     */
    public static List<String> publishedBy(String applicationName) {
        if (!applicationName.endsWith("-service")) {
            return List.of();
        }
        String prefix = applicationName.substring(0, applicationName.length() - "-service".length()) + ".";
        return PARTITIONS.keySet().stream().filter(topic -> topic.startsWith(prefix)).sorted().toList();
    }

    /**
     * The dead-letter topic of one consumer group for one topic, {@code <topic>.<group>.DLT}: each
     * consuming service has its own, so its dead letters are kept (and replayed) by it alone.
     */
    public static String dltOf(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + DLT_SUFFIX;
    }
}
