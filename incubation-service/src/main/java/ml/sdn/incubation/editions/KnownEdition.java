package ml.sdn.incubation.editions;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An edition of the Semaine du Numérique this service has heard of from competition-service's events:
 * its creation ({@code EditionCreated}, with its number, year and days) or a preselection in it (then
 * only its id is known until the creation event comes). Written only by events, never by a call to
 * competition-service.
 */
@Document(KnownEdition.COLLECTION)
public record KnownEdition(@Id String id, Integer number, Integer year, String startDate, String endDate,
                           Instant createdAt, Instant firstHeardAt) {

    public static final String COLLECTION = "incubation_editions";
}
