package ml.sdn.platform.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Organizers see the dead letters of this service and replay them once the cause is fixed.
 * (No {@code @Validated}: Spring MVC validates the parameters itself and the advice answers 400.)
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/admin/dead-letters")
@PreAuthorize("hasRole('organizer')")
public class DeadLetterController {

    public record DeadLetterView(String id, String originalTopic, String key, String eventType, String payload,
                                 String exceptionClass, String exceptionMessage, Instant deadAt, Instant replayedAt,
                                 int replayCount) {

        static DeadLetterView of(DeadLetter deadLetter) {
            return new DeadLetterView(deadLetter.id(), deadLetter.originalTopic(), deadLetter.key(), deadLetter.eventType(),
                    deadLetter.value() == null ? null : new String(deadLetter.value(), StandardCharsets.UTF_8),
                    deadLetter.exceptionClass(), deadLetter.exceptionMessage(), deadLetter.deadAt(),
                    deadLetter.replayedAt(), deadLetter.replayCount());
        }
    }

    public record DeadLetterPage(List<DeadLetterView> items, int page, int size, long total) {
    }

    private final DeadLetterStore store;

    public DeadLetterController(DeadLetterStore store) {
        this.store = store;
    }

    @GetMapping
    public DeadLetterPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        List<DeadLetterView> items = store.page(page, size).stream().map(DeadLetterView::of).toList();
        return new DeadLetterPage(items, page, size, store.count());
    }

    @PostMapping("/{id}/replay")
    public DeadLetterView replay(@PathVariable String id) {
        return store.replay(id).map(DeadLetterView::of)
                .orElseThrow(() -> new NotFoundException("sdn.problem.dead-letter-not-found", id));
    }
}
