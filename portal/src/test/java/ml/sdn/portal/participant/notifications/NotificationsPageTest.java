package ml.sdn.portal.participant.notifications;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationsPageTest {

    @Test
    void unread_items_are_marked_and_can_be_marked_read_and_pages_link_on() {
        Inbox inbox = new Inbox(List.of(new Inbox.Item("n1", "APPLICATION_SUBMITTED", "Candidature reçue", "Référence SDN7-PRC-0001",
                Instant.parse("2026-11-28T10:00:00Z"), false), new Inbox.Item("n2", "WELCOME", "Bienvenue", "…",
                Instant.parse("2026-11-27T10:00:00Z"), true)), 0, 10, 12, 1);

        String page = french("participant/notifications", Map.of("inbox", inbox));

        assertThat(page).contains("1 notification(s) non lue(s)", "Non lue", "Marquer « Candidature reçue » comme lue",
                "28 novembre 2026, 10:00", "Page 1 sur 2", "Plus anciennes", "Tout marquer comme lu");
    }

    @Test
    void a_body_keeps_its_paragraphs_and_line_breaks() {
        Inbox inbox = new Inbox(List.of(new Inbox.Item("n1", "APPLICATION_SUBMITTED", "Candidature reçue",
                "Bonjour Awa,\n\nVotre candidature est reçue.\nRéférence : SDN7-PRC-0001\r\n\r\nL'équipe", Instant.parse("2026-11-28T10:00:00Z"),
                false)), 0, 10, 1, 1);

        String page = french("participant/notifications", Map.of("inbox", inbox));

        assertThat(page).contains("<p>Bonjour Awa,</p>", "<p>Votre candidature est reçue.<br>Référence : SDN7-PRC-0001</p>",
                "<p>L&#39;équipe</p>");
    }
}
