package ml.sdn.competition.editions;

import java.time.LocalDate;
import java.util.List;

/**
 * An edition as anyone reads it; {@code resultsPublished} once its results are public ({@code GET …/results});
 * {@code current} when organizers chose it as the current edition; {@code archived} once archived; {@code home}
 * what the public home page tells (venue's city and map, prizes and who may enter per category, contact,
 * questions and answers), null until organizers write it.
 */
public record EditionView(String id, int number, int year, LocalDate startDate, LocalDate endDate, String venue,
                          String theme, List<String> guestCountries, boolean womenLedPrizeMayOverlap,
                          boolean resultsPublished, boolean current, boolean archived, HomeContent home) {

    static EditionView of(Edition edition, boolean resultsPublished, boolean current) {
        return new EditionView(edition.id(), edition.number(), edition.year(), LocalDate.parse(edition.startDate()),
                LocalDate.parse(edition.endDate()), edition.venue(), edition.theme(), edition.guestCountries(),
                edition.womenLedPrizeMayOverlap(), resultsPublished, current, edition.isArchived(), edition.home());
    }
}
