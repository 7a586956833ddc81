package ml.sdn.events;

/** Topic names: one per producing aggregate, {@code <service>.<aggregate>}, keyed by aggregate id. */
public final class Topics {

    public static final String REGISTRATION_PARTICIPANTS = "registration.participants";

    /** Suffix of the dead-letter topic of every consumed topic. */
    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String dltOf(String topic) {
        return topic + DLT_SUFFIX;
    }
}
