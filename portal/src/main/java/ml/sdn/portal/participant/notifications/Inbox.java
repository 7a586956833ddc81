package ml.sdn.portal.participant.notifications;

import ml.sdn.portal.participant.BamakoTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** A page of the inbox, newest first, as notification-service gives it. */
record Inbox(List<Item> items, int page, int size, long total, long unreadCount) {

    record Item(String id, String kind, String subject, String body, Instant createdAt, boolean read) {

        public LocalDateTime createdLocal() {
            return BamakoTime.of(createdAt);
        }
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** Pages counted from 1 for people. */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
