package ml.sdn.incubation.sessions;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a logged session may have been held: not in the future (a few minutes of leeway for a phone whose
 * clock runs ahead), not before the cohort's first day; and its agreed actions are due on the session's day
 * or later. All in Bamako wall-clock time. Plain Java: the service asks, then answers 400 naming every field.
 */
final class SessionTiming {

    /** How far ahead of the server's clock a session may say it was held. */
    static final Duration CLOCK_LEEWAY = Duration.ofMinutes(5);

    private SessionTiming() {
    }

    /** The first field that is wrong, with the message key and its arguments. */
    record Rejection(String field, String messageKey, List<Object> arguments) {
    }

    /**
     * @param cohortStart the cohort's first day, or null when unknown (then only the future is refused)
     * @param actionDueDates the agreed actions' due days, in request order
     * @param now Bamako wall-clock time now
     */
    static Optional<Rejection> check(LocalDateTime heldAt, LocalDate cohortStart, List<LocalDate> actionDueDates,
                                     LocalDateTime now) {
        return checkAll(heldAt, cohortStart, actionDueDates, now).stream().findFirst();
    }

    /** Every field that is wrong: the session's time and each action due before the session's day. */
    static List<Rejection> checkAll(LocalDateTime heldAt, LocalDate cohortStart, List<LocalDate> actionDueDates,
                                    LocalDateTime now) {
        List<Rejection> rejections = new ArrayList<>();
        if (heldAt.isAfter(now.plus(CLOCK_LEEWAY))) {
            rejections.add(new Rejection("heldAt", "coaching.session.heldAt.future", List.of()));
        } else if (cohortStart != null && heldAt.isBefore(cohortStart.atStartOfDay())) {
            rejections.add(new Rejection("heldAt", "coaching.session.heldAt.before-cohort", List.of(cohortStart.toString())));
        }
        for (int i = 0; i < actionDueDates.size(); i++) {
            LocalDate due = actionDueDates.get(i);
            if (due != null && due.isBefore(heldAt.toLocalDate())) {
                rejections.add(new Rejection("actions[" + i + "].dueDate", "coaching.session.action.dueDate.before-session",
                        List.of(heldAt.toLocalDate().toString())));
            }
        }
        return rejections;
    }
}
