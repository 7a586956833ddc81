package ml.sdn.incubation.incubatees;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What incubatees need of coaching sessions, declared here and answered by the sessions feature, so that
 * incubatees never depend on it.
 */
public interface IncubateeSessions {

    /** How many sessions each incubatee given had and when the last was held; (0, null) for none. */
    Map<String, Summary> summaryOf(Collection<String> incubateeIds);

    /** {@code lastHeldAt} null when none was held. */
    record Summary(int sessions, Instant lastHeldAt) {

        public static final Summary NONE = new Summary(0, null);

        public Summary plus(Summary other) {
            Instant last = lastHeldAt == null ? other.lastHeldAt
                    : other.lastHeldAt == null || lastHeldAt.isAfter(other.lastHeldAt) ? lastHeldAt : other.lastHeldAt;
            return new Summary(sessions + other.sessions, last);
        }
    }
}
