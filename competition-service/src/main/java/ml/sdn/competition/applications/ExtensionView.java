package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Timeline;

import java.time.Instant;
import java.time.LocalDateTime;

/** An extension as organizers list it: {@code until} as an instant and as Bamako wall-clock time. */
public record ExtensionView(String id, String categoryId, String applicantId, Instant until, LocalDateTime untilLocal,
                            String reason, String extendedBy, String extendedByName, Instant extendedAt) {

    static ExtensionView of(DeadlineExtension extension) {
        return new ExtensionView(extension.id(), extension.categoryId(), extension.applicantId(), extension.until(),
                LocalDateTime.ofInstant(extension.until(), Timeline.BAMAKO), extension.reason(), extension.extendedBy(),
                extension.extendedByName(), extension.extendedAt());
    }
}
