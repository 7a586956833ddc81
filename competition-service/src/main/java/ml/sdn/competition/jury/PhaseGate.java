package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Words;
import ml.sdn.platform.rules.ConflictException;
import org.springframework.context.MessageSourceResolvable;

import java.time.Instant;

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
        return new ConflictException("jury.phase.closed", Words.phases(action.phases()), current(category, now));
    }

    static MessageSourceResolvable current(Category category, Instant now) {
        return Words.phase(category.timeline().phaseAt(now));
    }
}
