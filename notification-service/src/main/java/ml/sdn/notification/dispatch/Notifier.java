package ml.sdn.notification.dispatch;

import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.mail.EmailSender;
import ml.sdn.notification.preferences.EmailPreferences;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import ml.sdn.notification.sms.SmsSender;
import ml.sdn.notification.templates.NotificationTemplates;
import ml.sdn.notification.templates.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns a {@link Notice} into an inbox item, a queued e-mail and, for the kinds sent by SMS to a person with
 * a phone number, a queued SMS, in the recipient's language; the e-mail and the SMS only if the recipient
 * has not switched that kind off for that channel ({@link EmailPreferences}). Each
 * channel's write is guarded by its own unique key on (event, recipient, channel), so handling the
 * same notice again — a redelivered event, or a restart between the two writes — completes what is
 * missing and duplicates nothing. A notice for someone not known yet waits ({@link HeldNotices}) until
 * their profile arrives; nothing is sent to an erased person. Logs name kinds and ids, never addresses
 * or message text.
 */
@Component
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Recipients recipients;
    private final NotificationTemplates templates;
    private final Inbox inbox;
    private final EmailSender mail;
    private final HeldNotices held;
    private final EmailPreferences preferences;
    private final SmsSender sms;

    public Notifier(Recipients recipients, NotificationTemplates templates, Inbox inbox, EmailSender mail,
                    HeldNotices held, EmailPreferences preferences, SmsSender sms) {
        this.recipients = recipients;
        this.templates = templates;
        this.inbox = inbox;
        this.mail = mail;
        this.held = held;
        this.preferences = preferences;
        this.sms = sms;
    }

    public void notify(Notice notice) {
        notify(notice, recipients.find(notice.recipientId()).orElse(null));
    }

    /**
     * The same, for a recipient the caller has just recorded from the same event (so not read back: one
     * round trip less per event); null when not known.
     */
    public void notify(Notice notice, Recipient recipient) {
        if (recipient != null) {
            deliver(notice, recipient);
            return;
        }
        held.hold(notice);
        log.info("{} for recipient {} from event {}: held until their profile arrives", notice.kind(),
                notice.recipientId(), notice.eventId());
        // their profile may have been recorded between the look-up and the hold, releasing nothing then
        releaseHeld(notice.recipientId());
    }

    /**
     * Delivers what waits for this recipient, now that their profile is here (to an erased person:
     * nothing, the notices are dropped). Safe to run twice at once: each channel's write is once-only.
     */
    public void releaseHeld(String recipientId) {
        Recipient recipient = recipients.find(recipientId).orElse(null);
        if (recipient != null) {
            releaseHeld(recipient);
        }
    }

    /** The same, for a recipient the caller has just recorded. */
    public void releaseHeld(Recipient recipient) {
        for (HeldNotices.HeldNotice waiting : held.of(recipient.id())) {
            deliver(waiting.notice(), recipient);
            held.remove(waiting);
        }
    }

    /** Forgets the notices waiting for an erased person. */
    public void dropHeld(String recipientId) {
        held.drop(recipientId);
    }

    /** E-mails an address that is no known recipient (an invitee), once per (about, recipientKey). */
    public void email(AddressedNotice notice) {
        RenderedMessage message = templates.render(notice.kind(), notice.language(), notice.model());
        boolean queued = mail.queue(notice.about(), notice.recipientKey(), notice.address(), notice.kind(), message);
        log.info("{} for {}: e-mail {}", notice.kind(), notice.recipientKey(), queued ? "queued" : "already queued");
    }

    /**
     * A message to a group ({@code broadcasts}) for one known recipient: inbox and e-mail as any notice, and by
     * SMS when the sender ticked it ({@code bySms}), whatever the kind's SMS choice: the sender decided.
     */
    public void broadcast(Notice notice, Recipient recipient, boolean bySms) {
        deliver(notice, recipient, bySms);
    }

    private void deliver(Notice notice, Recipient recipient) {
        deliver(notice, recipient, false);
    }

    private void deliver(Notice notice, Recipient recipient, boolean smsTicked) {
        if (recipient.erased()) {
            log.info("{} for recipient {} from event {}: not sent, the recipient was erased", notice.kind(),
                    recipient.id(), notice.eventId());
            return;
        }
        Map<String, Object> model = new HashMap<>(notice.model());
        model.put("recipientName", recipient.displayName() == null ? "" : recipient.displayName());
        RenderedMessage message = templates.render(notice.kind(), recipient.language(), model);

        boolean inApp = inbox.deliver(notice.eventId(), recipient.id(), notice.kind(), message);
        String email;
        if (!recipient.hasEmail()) {
            email = "no address";
        } else if (!preferences.emailOn(recipient.id(), notice.kind())) {
            email = "switched off by the recipient";
        } else {
            email = mail.queue(notice.eventId(), recipient.id(), recipient.email(), notice.kind(), message)
                    ? "queued" : "already queued";
        }
        String text = sms(notice, recipient, model, smsTicked);
        log.info("{} for recipient {} from event {}: in-app {}, e-mail {}, SMS {}", notice.kind(), recipient.id(),
                notice.eventId(), inApp ? "added" : "already there", email, text);
    }

    /** The kind's short text to the person's phone, if the kind goes by SMS, they have one and did not switch it off. */
    private String sms(Notice notice, Recipient recipient, Map<String, Object> model, boolean smsTicked) {
        if (!notice.kind().bySms() && !smsTicked) {
            return "not for this kind";
        }
        if (!sms.enabled()) {
            return "off on this installation";
        }
        if (!recipient.hasPhone()) {
            return "no phone number";
        }
        if (!smsTicked && !preferences.smsOn(recipient.id(), notice.kind())) {
            return "switched off by the recipient";
        }
        String text = templates.renderSms(notice.kind(), recipient.language(), model);
        return switch (sms.queue(notice.eventId(), recipient.id(), recipient.phone(), notice.kind(),
                recipient.language().code(), text, recipient.country())) {
            case QUEUED -> "queued";
            case ALREADY -> "already queued";
            case NOT_SENT_BUDGET_REACHED -> "not sent, the SMS budget is reached";
        };
    }
}
