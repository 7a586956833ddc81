package ml.sdn.notification.incubation;

import java.util.Map;

/** What the incubation listeners share: the check that an event carries what its notice needs, and model helpers. */
final class IncubationEvents {

    private IncubationEvents() {
    }

    /**
     * Rejects an event that breaks its contract (it then ends on the dead-letter topic after the platform's
     * retries, to be replayed once fixed) rather than sending a notice with holes. The message names the
     * event, never its values.
     */
    static void require(String eventId, String what, Object... values) {
        for (Object value : values) {
            if (value == null || value instanceof String text && text.isBlank()) {
                throw new IllegalArgumentException("Incubation " + what + " event " + eventId + " misses a required value");
            }
        }
    }

    /** A value the templates show only when there is one: a blank or missing one leaves the key out. */
    static void putIfKnown(Map<String, Object> model, String key, String value) {
        if (value != null && !value.isBlank()) {
            model.put(key, value.strip());
        }
    }

    static boolean known(String value) {
        return value != null && !value.isBlank();
    }
}
