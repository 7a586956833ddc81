package ml.sdn.notification.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.List;

/**
 * The caller's own inbox. Every query is scoped to the caller, so another person's id finds nothing: 404. An
 * organizer's inbox also holds the organizers' shared notices ({@link NotificationKind#ORGANIZERS}: an SMS budget
 * reached), read once for all of them; nobody else ever sees those.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/me")
class InboxController {

    /** page × size stays far below what the store's skip takes (an int). */
    static final int MAX_PAGE = 100_000;

    private final Inbox inbox;

    private final InboxStreams streams;

    InboxController(Inbox inbox, InboxStreams streams) {
        this.inbox = inbox;
        this.streams = streams;
    }

    record InboxItemView(String id, NotificationKind kind, String subject, String body, Instant createdAt,
                         boolean read, Instant readAt) {

        static InboxItemView of(InboxItem item) {
            return new InboxItemView(item.id(), item.kind(), item.subject(), item.body(), item.createdAt(), item.read(),
                    item.readAt());
        }
    }

    record InboxPage(List<InboxItemView> items, int page, int size, long total, long unreadCount) {
    }

    record MarkedRead(long marked) {
    }

    @GetMapping
    InboxPage myInbox(Caller caller,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<String> inboxes = inboxesOf(caller);
        List<InboxItemView> items = inbox.page(inboxes, page, size).stream().map(InboxItemView::of).toList();
        return new InboxPage(items, page, size, inbox.count(inboxes), inbox.unreadCount(inboxes));
    }

    /**
     * The caller's new items as they are stored, as server-sent events: {@code event: notification},
     * {@code id:} the item's id, {@code data:} the item as in the inbox. A reconnection sending
     * Last-Event-ID resumes after that item (if it is the caller's). Comments keep it open.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(Caller caller,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
                .header("X-Accel-Buffering", "no") // nginx-style proxies: do not hold the events back
                .body(streams.open(caller.id(), lastEventId));
    }

    @PostMapping("/{id}/read")
    InboxItemView markRead(Caller caller,
                           @PathVariable @Pattern(regexp = "[0-9a-f]{24}", message = "{notification.id.format}") String id) {
        return inbox.markRead(inboxesOf(caller), id)
                .map(InboxItemView::of)
                .orElseThrow(() -> new NotFoundException("notification.not-found"));
    }

    @PostMapping("/read-all")
    MarkedRead markAllRead(Caller caller) {
        return new MarkedRead(inbox.markAllRead(inboxesOf(caller)));
    }

    private static List<String> inboxesOf(Caller caller) {
        return caller.hasRole("organizer") ? List.of(caller.id(), NotificationKind.ORGANIZERS) : List.of(caller.id());
    }
}
