package ml.sdn.competition.editions;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;

/**
 * The one place where competition-service puts its codes into the messages people read: a phase, a list of
 * phases, an instant in Bamako time. Each is an argument the message source resolves in the reader's language
 * ({@code phase.<CODE>}, {@code phase.none}, {@code phase.list.<n>}, {@code date-time}), so a problem detail
 * says "la phase « Évaluation »", never "EVALUATION" or "2026-11-18T09:00".
 */
public final class Words {

    private Words() {
    }

    public static MessageSourceResolvable phase(Phase phase) {
        return phase == null ? new DefaultMessageSourceResolvable(new String[] {"phase.none"}, "—")
                : new DefaultMessageSourceResolvable(new String[] {"phase." + phase.name()}, phase.name());
    }

    /** The phase open now, or "none" between phases. */
    public static MessageSourceResolvable phase(Optional<Phase> phase) {
        return phase(phase.orElse(null));
    }

    /** "« Évaluation » ou « Finale »": up to four phases, in their order. */
    public static MessageSourceResolvable phases(Collection<Phase> phases) {
        Object[] words = phases.stream().sorted().map(Words::phase).toArray();
        return new DefaultMessageSourceResolvable(new String[] {"phase.list." + Math.min(words.length, 4)}, words);
    }

    /** "18 novembre 2026 à 09:00" (Bamako time). */
    public static MessageSourceResolvable dateTime(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, Timeline.BAMAKO);
        // the parts as text: MessageFormat would group the year ("2 026") and a Date would bring the JVM's zone
        return new DefaultMessageSourceResolvable(new String[] {"date-time"}, new Object[] {
                String.valueOf(local.getDayOfMonth()),
                new DefaultMessageSourceResolvable(new String[] {"month." + local.getMonthValue()}, String.valueOf(local.getMonthValue())),
                String.valueOf(local.getYear()), "%02d:%02d".formatted(local.getHour(), local.getMinute())});
    }
}
