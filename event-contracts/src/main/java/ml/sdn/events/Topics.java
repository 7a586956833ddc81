package ml.sdn.events;

/** Topic names: one per producing aggregate, {@code <service>.<aggregate>}, keyed by aggregate id. */
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

    /** Suffix of every dead-letter topic. */
    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer group for one topic, {@code <topic>.<group>.DLT}: each
     * consuming service has its own, so its dead letters are kept (and replayed) by it alone.
     */
    public static String dltOf(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + DLT_SUFFIX;
    }
}
