package ml.sdn.portal.home;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** The edition and its categories as competition-service publishes them to everyone (no token). */
public record PublicEdition(Edition edition, List<Category> categories) {

    /** {@code resultsPublished}: the public results page has something to show (the home page links to it only then). */
    public record Edition(String id, int number, int year, LocalDate startDate, LocalDate endDate, String venue,
                          String theme, List<String> guestCountries, boolean resultsPublished, Home home) {

        /** What organizers wrote for this category ({@code code}), or null. */
        public HomeCategory homeOf(String code) {
            return home == null || home.categories() == null ? null
                    : home.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }
    }

    /**
     * What organizers wrote for the home page (each part may be missing): the venue's city and map link (https,
     * checked by the service), the contact, per category the prizes and who may enter, questions and answers.
     */
    public record Home(String venueCity, String mapLink, Text contact, List<HomeCategory> categories,
                       List<Question> questions) {
    }

    public record HomeCategory(String code, Text prizes, Text whoMayEnter) {
    }

    public record Question(Text question, Text answer) {
    }

    public record Text(String fr, String en) {
        public String in(Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : fr;
        }
    }

    public record Category(String id, String code, Text name, List<String> organizationTypes, List<String> challenges,
                           List<PhaseWindow> phases, String currentPhase) {

        /** When submissions close (the start of EVALUATION), Bamako time; null when not scheduled. */
        public LocalDateTime submissionDeadline() {
            return phases == null ? null : phases.stream().filter(p -> "SUBMISSION".equals(p.phase()))
                    .map(PhaseWindow::end).findFirst().orElse(null);
        }
    }

    public record PhaseWindow(String phase, LocalDateTime start, LocalDateTime end) {
    }
}
