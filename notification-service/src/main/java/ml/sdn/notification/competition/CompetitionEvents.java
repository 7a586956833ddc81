package ml.sdn.notification.competition;

/** What the competition listeners share: the check that an event carries what its notice needs. */
final class CompetitionEvents {

    private CompetitionEvents() {
    }

    /**
     * Rejects an event that breaks its contract (it then ends on the dead-letter topic after the platform's
     * retries, to be replayed once fixed) rather than sending a notice with holes. The message names the
     * event, never its values.
     */
    static void require(String eventId, String what, Object... values) {
        for (Object value : values) {
            if (value == null || value instanceof String text && text.isBlank()) {
                throw new IllegalArgumentException("Competition " + what + " event " + eventId + " misses a required value");
            }
        }
    }
}
