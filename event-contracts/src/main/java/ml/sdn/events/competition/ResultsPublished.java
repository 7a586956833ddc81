package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** An edition's results were published (once); readable by anyone from then on. Keyed by {@code editionId}. */
public record ResultsPublished(String editionId, int number, Instant publishedAt) {

    public static final EventType<ResultsPublished> TYPE = EventType.of(
            "sdn.competition.results-published.v1", Topics.COMPETITION_RESULTS, ResultsPublished.class);
}
