package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A category's phase opened (published once per category and phase, when its start time has passed). Keyed by {@code categoryId}. */
public record PhaseChanged(String categoryId, String editionId, String categoryCode, String phase, Instant startedAt) {

    public static final EventType<PhaseChanged> TYPE = EventType.of(
            "sdn.competition.phase-changed.v1", Topics.COMPETITION_CATEGORIES, PhaseChanged.class);
}
