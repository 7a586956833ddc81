package ml.sdn.competition.editions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of an edition's life, without Spring: which edition may become the current one (the one the
 * public home page and "Nouvelle candidature" show), which may be archived, and the phases a category gets
 * from the edition's dates when the organizer gives none.
 */
public final class EditionRules {

    private EditionRules() {
    }

    /**
     * Why {@code edition} may not become the current edition (a message key), or empty when it may: an
     * archived edition is history, never the one announced to visitors. An edition already over may be
     * chosen (organizers keep showing the last week and its results until the next one is announced).
     */
    public static Optional<String> whyNotCurrent(Edition edition) {
        return edition.isArchived() ? Optional.of("edition.current.archived") : Optional.empty();
    }

    /**
     * Why {@code edition} may not be archived, or empty when it may: the current edition stays until another
     * one is chosen (else the home page would silently lose it); archiving twice is harmless.
     */
    public static Optional<String> whyNotArchivable(Edition edition, String currentEditionId) {
        return edition.id().equals(currentEditionId) ? Optional.of("edition.archive.current") : Optional.empty();
    }

    /**
     * The phases of a category created without any, from the edition's week (Bamako wall clock):
     * submissions open eight months before the week at 08:00 and close a month later, the preselection
     * takes the next month, the incubation starts two weeks after it and lasts until the final on the
     * first day of the week at 09:00; the category closes the day after the week ends. The usual calendar
     * of the Semaine du Numérique, so that an organizer only moves what differs.
     */
    public static Map<Phase, LocalDateTime> defaultPhases(LocalDate firstDay, LocalDate lastDay) {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        LocalDate preselection = firstDay.minusMonths(6);
        starts.put(Phase.SUBMISSION, firstDay.minusMonths(8).atTime(8, 0));
        starts.put(Phase.EVALUATION, firstDay.minusMonths(7).atStartOfDay());
        starts.put(Phase.PRESELECTION, preselection.atStartOfDay());
        starts.put(Phase.INCUBATION, preselection.plusDays(14).atStartOfDay());
        starts.put(Phase.FINAL, firstDay.atTime(LocalTime.of(9, 0)));
        starts.put(Phase.CLOSED, lastDay.plusDays(1).atStartOfDay());
        return starts;
    }
}
