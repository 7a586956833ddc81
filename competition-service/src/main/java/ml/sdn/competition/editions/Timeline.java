package ml.sdn.competition.editions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A category's dated phases: every phase of {@link Phase} has a start, strictly after the previous
 * phase's start, so phases never overlap and leave no gap. A phase is open from its start (included)
 * to the next phase's start (excluded); CLOSED stays open for ever; before SUBMISSION starts, none is.
 * Starts are given as wall-clock times in Africa/Bamako (UTC+0 without daylight saving today, but the
 * zone, not the offset, is the rule). This is the gate every later action asks: {@link #allows}.
 */
public final class Timeline {

    public static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private static final Phase[] ORDER = Phase.values();

    private final EnumMap<Phase, Instant> starts;

    private Timeline(EnumMap<Phase, Instant> starts) {
        this.starts = starts;
    }

    /** Wall-clock starts in Bamako. @throws Invalid naming the first phase that is missing or not after the previous one */
    public static Timeline ofLocal(Map<Phase, LocalDateTime> localStarts) {
        Objects.requireNonNull(localStarts, "localStarts");
        EnumMap<Phase, Instant> instants = new EnumMap<>(Phase.class);
        localStarts.forEach((phase, start) -> {
            if (phase != null && start != null) {
                instants.put(phase, start.atZone(BAMAKO).toInstant());
            }
        });
        return of(instants);
    }

    /** @throws Invalid naming the first phase that is missing or not after the previous one */
    public static Timeline of(Map<Phase, Instant> starts) {
        Objects.requireNonNull(starts, "starts");
        EnumMap<Phase, Instant> checked = new EnumMap<>(Phase.class);
        Phase previous = null;
        for (Phase phase : ORDER) {
            Instant start = starts.get(phase);
            if (start == null) {
                throw new Invalid(phase, Invalid.Reason.MISSING, null);
            }
            if (previous != null && !start.isAfter(checked.get(previous))) {
                throw new Invalid(phase, Invalid.Reason.NOT_AFTER_PREVIOUS, previous);
            }
            checked.put(phase, start);
            previous = phase;
        }
        return new Timeline(checked);
    }

    public Instant start(Phase phase) {
        return starts.get(phase);
    }

    /** When the phase ends (the next one's start); empty for CLOSED, which never ends. */
    public Optional<Instant> end(Phase phase) {
        int next = phase.ordinal() + 1;
        return next < ORDER.length ? Optional.of(starts.get(ORDER[next])) : Optional.empty();
    }

    /** The phase open at {@code instant}; empty before SUBMISSION starts. */
    public Optional<Phase> phaseAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Phase open = null;
        for (Phase phase : ORDER) {
            if (starts.get(phase).isAfter(instant)) {
                break;
            }
            open = phase;
        }
        return Optional.ofNullable(open);
    }

    /** Whether {@code action} may be done at {@code instant}: the phase open then is one the action belongs to. */
    public boolean allows(Action action, Instant instant) {
        return phaseAt(instant).map(action::allowedIn).orElse(false);
    }

    /** The starts in phase order. */
    public Map<Phase, Instant> starts() {
        return Collections.unmodifiableMap(new EnumMap<>(starts));
    }

    public List<Window> windows() {
        List<Window> windows = new ArrayList<>();
        for (Phase phase : ORDER) {
            windows.add(new Window(phase, starts.get(phase), end(phase).orElse(null)));
        }
        return windows;
    }

    /** One phase's [start, end); {@code end} null for CLOSED. */
    public record Window(Phase phase, Instant start, Instant end) {
    }

    /** A timeline that breaks the rule, naming the phase at fault. */
    public static final class Invalid extends RuntimeException {

        public enum Reason { MISSING, NOT_AFTER_PREVIOUS, DUPLICATE }

        private final Phase phase;
        private final Reason reason;
        private final Phase previous;

        public Invalid(Phase phase, Reason reason, Phase previous) {
            super(phase + " " + reason + (previous == null ? "" : " " + previous));
            this.phase = phase;
            this.reason = reason;
            this.previous = previous;
        }

        public Phase phase() {
            return phase;
        }

        public Reason reason() {
            return reason;
        }

        /** The phase this one must start after (NOT_AFTER_PREVIOUS only). */
        public Phase previous() {
            return previous;
        }
    }
}
