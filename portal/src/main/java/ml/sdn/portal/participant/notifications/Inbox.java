package ml.sdn.portal.participant.notifications;

import ml.sdn.portal.participant.BamakoTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A page of the inbox, newest first, as notification-service gives it. */
record Inbox(List<Item> items, int page, int size, long total, long unreadCount) {

    record Item(String id, String kind, String subject, String body, Instant createdAt, boolean read) {

        private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*\n\\s*");

        public LocalDateTime createdLocal() {
            return BamakoTime.of(createdAt);
        }

        /**
         * The body as the service wrote it: paragraphs (split on blank lines), each a list of lines, so the
         * page keeps the breaks of an e-mail-like text without any markup in the body itself.
         */
        public List<List<String>> paragraphs() {
            if (body == null || body.isBlank()) {
                return List.of();
            }
            return Arrays.stream(BLANK_LINES.split(body.replace("\r\n", "\n").replace('\r', '\n').strip()))
                    .map(paragraph -> paragraph.lines().map(String::strip).filter(line -> !line.isEmpty()).toList())
                    .filter(lines -> !lines.isEmpty())
                    .toList();
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
