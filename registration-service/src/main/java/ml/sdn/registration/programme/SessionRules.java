package ml.sdn.registration.programme;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session must be, beyond each field on its own (bean validation): a kind of the list, an end after
 * its start on the same day, a day of the week, and a capacity no lower than the people already holding a
 * place (a session is never emptied by an edit: the organizer moves it to a larger room instead). Plain Java:
 * every fault is returned, so the form shows them all at once.
 */
final class SessionRules {

    /** A field at fault and the bundle key (with its arguments) that says why. */
    record Fault(String field, String messageKey, Object... arguments) {
    }

    /** The session as asked; any value may be missing (bean validation says so, these rules skip it). */
    record Draft(String kind, LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity) {
    }

    /** Who holds the session already: places taken, people waiting. */
    record Taken(int confirmed, long waiting) {

        static final Taken NOBODY = new Taken(0, 0);
    }

    private SessionRules() {
    }

    static List<Fault> check(Draft draft, EventDays days, Taken taken) {
        List<Fault> faults = new ArrayList<>();
        if (draft.kind() != null && !draft.kind().isBlank() && SessionKind.parse(draft.kind()).isEmpty()) {
            faults.add(new Fault("kind", "programme.kind.unknown"));
        }
        if (draft.startsAt() != null && !days.contains(draft.startsAt().toLocalDate())) {
            faults.add(new Fault("startsAt", "programme.startsAt.outside"));
        }
        if (draft.startsAt() != null && draft.endsAt() != null) {
            if (!draft.endsAt().isAfter(draft.startsAt())) {
                faults.add(new Fault("endsAt", "programme.endsAt.before-start"));
            } else if (!draft.endsAt().toLocalDate().equals(draft.startsAt().toLocalDate())) {
                faults.add(new Fault("endsAt", "programme.endsAt.other-day"));
            }
        } else if (draft.endsAt() != null && !days.contains(draft.endsAt().toLocalDate())) {
            faults.add(new Fault("endsAt", "programme.endsAt.outside"));
        }
        if (draft.capacity() == null && (taken.confirmed() > 0 || taken.waiting() > 0)) {
            faults.add(new Fault("capacity", "programme.capacity.still-needed", taken.confirmed() + taken.waiting()));
        } else if (draft.capacity() != null && draft.capacity() < taken.confirmed()) {
            faults.add(new Fault("capacity", "programme.capacity.below-registered", taken.confirmed()));
        }
        return faults;
    }

    /** The time or the room changed: the people registered are told (the title, speakers or capacity are not news). */
    static boolean moved(ProgrammeSession before, java.time.Instant startsAt, java.time.Instant endsAt, String room) {
        return !before.startsAt().equals(startsAt) || !before.endsAt().equals(endsAt)
                || !before.room().strip().equalsIgnoreCase(room.strip());
    }
}
