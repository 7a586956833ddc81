package ml.sdn.notification.participants;

import ml.sdn.notification.attendance.DayRegistrations;
import ml.sdn.notification.competition.JuryAssignments;
import ml.sdn.notification.competition.KnownApplications;
import ml.sdn.notification.dispatch.Notifier;
import ml.sdn.notification.incubation.KnownIncubatees;
import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.mail.DeliveryLog;
import ml.sdn.notification.preferences.EmailPreferences;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What notification-service does when a person is erased:
 * <ul>
 *   <li>the recipient copy keeps only id and country, marked erased as of the erasure time: nothing
 *       more is sent to them, and an older profile event cannot bring them back;</li>
 *   <li>e-mails and SMS still waiting for them are cancelled, never sent;</li>
 *   <li>the delivery log keeps what happened (kind, status, attempts, times) without the address or the
 *       text, including e-mails sent to their address before they had an account (invitations);</li>
 *   <li>their inbox is deleted (its items are about them and for them alone), and notices waiting for
 *       their profile are dropped, and so are their e-mail preferences and what this service knew of
 *       their applications, of the days they held a place for and of the applications they reviewed;</li>
 *   <li>the incubatees they followed as participant keep only their id, marked erased (their graduation
 *       or drop, read later, is not sent, and an older enrolment cannot bring the copy back); where they
 *       were the coach, the copy forgets them.</li>
 * </ul>
 * Idempotent: a redelivered erasure finds nothing more to change. An erasure older than the copy (they
 * registered again since) changes nothing. The log and inbox are cleaned before and after the copy is
 * anonymised, so that a notice handled concurrently on another topic cannot slip through between the two.
 */
@Component
class ParticipantErasure {

    private static final Logger log = LoggerFactory.getLogger(ParticipantErasure.class);

    private final Recipients recipients;
    private final DeliveryLog deliveries;
    private final Inbox inbox;
    private final Notifier notifier;
    private final EmailPreferences preferences;
    private final KnownApplications applications;
    private final KnownIncubatees incubatees;
    private final DayRegistrations days;
    private final JuryAssignments jury;

    ParticipantErasure(Recipients recipients, DeliveryLog deliveries, Inbox inbox, Notifier notifier,
                       EmailPreferences preferences, KnownApplications applications, KnownIncubatees incubatees,
                       DayRegistrations days, JuryAssignments jury) {
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.notifier = notifier;
        this.preferences = preferences;
        this.applications = applications;
        this.incubatees = incubatees;
        this.days = days;
        this.jury = jury;
    }

    void erase(String participantId, Instant erasedAt) {
        Recipient current = recipients.find(participantId).orElse(null);
        if (current != null && current.asOf().isAfter(erasedAt)) {
            log.info("Erasure of {} as of {} ignored: a newer profile is held", participantId, erasedAt);
            return;
        }
        // the address is read before the copy loses it, so a crash half-way is completed by the redelivery
        String address = current == null ? null : current.email();
        long cancelled = deliveries.erase(participantId, address);
        long deleted = inbox.erase(participantId);
        recipients.erase(participantId, erasedAt);
        notifier.dropHeld(participantId);
        preferences.erase(participantId);
        applications.erase(participantId);
        incubatees.erase(participantId, erasedAt);
        days.forget(participantId);
        jury.forget(participantId);
        cancelled += deliveries.erase(participantId, null);
        deleted += inbox.erase(participantId);
        log.info("Participant {} erased: {} waiting e-mail(s) cancelled, {} inbox item(s) deleted", participantId,
                cancelled, deleted);
    }
}
