package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * An organizer created an edition of the Semaine du Numérique. Keyed by {@code editionId}. Other services keep
 * the editions they may refer to from it (incubation refuses a cohort for an edition it has not seen).
 * {@code startDate} and {@code endDate} are the week's calendar days in Bamako, ISO {@code yyyy-MM-dd}.
 */
public record EditionCreated(String editionId, int number, int year, String startDate, String endDate, Instant createdAt) {

    public static final EventType<EditionCreated> TYPE = EventType.of(
            "sdn.competition.edition-created.v1", Topics.COMPETITION_EDITIONS, EditionCreated.class);
}
