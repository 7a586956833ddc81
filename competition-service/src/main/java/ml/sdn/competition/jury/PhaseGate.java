package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Phase;
import ml.sdn.platform.web.ConflictException;

import java.time.Instant;
import java.util.stream.Collectors;

/** The 409 every jury action answers outside its phases: which phases allow it, and the phase open now. */
final class PhaseGate {

    private PhaseGate() {
    }

    static void require(Category category, Action action, Instant now) {
        if (!category.timeline().allows(action, now)) {
            throw closed(category, action, now);
        }
    }

    static ConflictException closed(Category category, Action action, Instant now) {
        return new ConflictException("jury.phase.closed", phases(action), current(category, now));
    }

    static String current(Category category, Instant now) {
        return category.timeline().phaseAt(now).map(Phase::name).orElse("—");
    }

    private static String phases(Action action) {
        return action.phases().stream().sorted().map(Phase::name).collect(Collectors.joining(", "));
    }
}
