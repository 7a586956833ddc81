package ml.sdn.competition.editions;

import java.time.LocalDate;
import java.util.List;

public record EditionView(String id, int number, int year, LocalDate startDate, LocalDate endDate, String venue,
                          String theme, List<String> guestCountries, boolean womenLedPrizeMayOverlap) {

    static EditionView of(Edition edition) {
        return new EditionView(edition.id(), edition.number(), edition.year(), LocalDate.parse(edition.startDate()),
                LocalDate.parse(edition.endDate()), edition.venue(), edition.theme(), edition.guestCountries(),
                edition.womenLedPrizeMayOverlap());
    }
}
