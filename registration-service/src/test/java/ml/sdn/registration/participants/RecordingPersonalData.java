package ml.sdn.registration.participants;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A feature's personal data as the tests see it (registered by {@code ProbeOutboxConfiguration}): its
 * export section names the participant, and it remembers every erasure it was asked for.
 */
public class RecordingPersonalData implements PersonalData {

    public static final String SECTION = "probe";

    private final List<String> erased = new CopyOnWriteArrayList<>();

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public Object exportOf(String participantId) {
        return Map.of("participantId", participantId, "items", List.of("badge-" + participantId.substring(0, 4)));
    }

    @Override
    public void erase(String participantId) {
        erased.add(participantId);
    }

    /** How many times {@code participantId} was erased. */
    public long erasuresOf(String participantId) {
        return erased.stream().filter(participantId::equals).count();
    }
}
