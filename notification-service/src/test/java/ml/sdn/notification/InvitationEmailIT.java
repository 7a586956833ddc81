package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.registration.MemberInvited;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Invitations from the real broker, e-mailed over SMTP to people who may have no account. */
@ExtendWith(OutputCaptureExtension.class)
class InvitationEmailIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant EXPIRES_AT = Instant.parse("2099-01-31T18:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @Test
    void an_invitee_without_an_account_gets_a_french_email_with_the_link_and_no_inbox_item_and_the_token_is_not_logged(
            CapturedOutput output) throws Exception {
        String token = "tok-" + UUID.randomUUID();
        MemberInvited invitation = invitation("salif-" + UUID.randomUUID() + "@demo.sdn.ml", "fr", token);

        publish(MemberInvited.TYPE, invitation.organizationId(), invitation);

        await().atMost(WAIT).until(() -> mailsTo(invitation.email()).size() == 1);
        MimeMessage mail = mailsTo(invitation.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Invitation à rejoindre Kalanso Tech sur la plateforme de la Semaine du Numérique");
        assertThat(mail.getHeader("Content-Language")).containsExactly("fr");
        assertThat((String) mail.getContent())
                .startsWith("Bonjour,")
                .contains("Awa Traoré vous invite à rejoindre l'organisation « Kalanso Tech » en tant que CTO")
                .contains("http://localhost:8080/invitations/" + invitation.invitationId() + "/accept?token=" + token)
                .contains("Il expire le samedi 31 janvier 2099 à 18:00 (heure de Bamako, GMT).");

        assertThat(mongo.findAll(InboxItem.class)).noneMatch(item -> item.recipientId().contains(invitation.invitationId()));
        await().atMost(WAIT).until(() -> delivery(invitation).status() == DeliveryStatus.SENT);
        EmailDelivery delivery = delivery(invitation);
        assertThat(delivery.kind()).isEqualTo(NotificationKind.MEMBER_INVITED);
        assertThat(delivery.to()).isEqualTo(invitation.email());
        assertThat(delivery.body()).as("the one-time link is not kept once sent").isNull();
        assertThat(mongo.findById(delivery.id(), Document.class, "deliveries").toJson()).doesNotContain(token);

        assertThat(output.getAll()).contains("Invitation " + invitation.invitationId() + " to organisation")
                .doesNotContain(token);
    }

    @Test
    void an_invitation_in_english_is_written_in_english() throws Exception {
        MemberInvited invitation = invitation("ibrahim-" + UUID.randomUUID() + "@demo.sdn.ml", "en", "tok-en");

        publish(MemberInvited.TYPE, invitation.organizationId(), invitation);

        await().atMost(WAIT).until(() -> mailsTo(invitation.email()).size() == 1);
        MimeMessage mail = mailsTo(invitation.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Invitation to join Kalanso Tech on the Semaine du Numérique platform");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        assertThat((String) mail.getContent())
                .startsWith("Hello,")
                .contains("Awa Traoré invites you to join the organisation \"Kalanso Tech\" as CTO")
                .contains("http://localhost:8080/invitations/" + invitation.invitationId() + "/accept?token=tok-en")
                .contains("It expires on Saturday, January 31, 2099 at 18:00 (Bamako time, GMT).");
    }

    @Test
    void an_invitation_is_emailed_once_whatever_redelivers_or_republishes_it() {
        MemberInvited invitation = invitation("kadi-" + UUID.randomUUID() + "@demo.sdn.ml", null, "tok-once");
        String eventId = UUID.randomUUID().toString();

        publish(MemberInvited.TYPE, invitation.organizationId(), invitation, eventId);
        publish(MemberInvited.TYPE, invitation.organizationId(), invitation, eventId);
        publish(MemberInvited.TYPE, invitation.organizationId(), invitation); // same invitation, another event id
        // an expired invitation read late is not e-mailed
        MemberInvited expired = new MemberInvited(UUID.randomUUID().toString(), invitation.organizationId(), "Kalanso Tech",
                "owner-1", "Awa Traoré", "late-" + UUID.randomUUID() + "@demo.sdn.ml", "CTO", "fr", "/invitations/x/accept?token=old",
                Instant.now().minus(1, ChronoUnit.DAYS));
        publish(MemberInvited.TYPE, invitation.organizationId(), expired);
        // same key, same partition: once the marker's e-mail is queued, everything before it was handled
        MemberInvited marker = invitation("marker-" + UUID.randomUUID() + "@demo.sdn.ml", "fr", "tok-marker");
        publish(MemberInvited.TYPE, invitation.organizationId(), new MemberInvited(marker.invitationId(),
                invitation.organizationId(), marker.organizationName(), marker.invitedBy(), marker.inviterName(),
                marker.email(), marker.role(), marker.language(), marker.acceptPath(), marker.expiresAt()));

        await().atMost(WAIT).until(() -> mailsTo(marker.email()).size() == 1);
        await().atMost(WAIT).until(() -> mailsTo(invitation.email()).size() == 1);
        assertThat(mongo.find(query(where("eventId").is(invitation.invitationId())), EmailDelivery.class)).hasSize(1);
        assertThat(mailsTo(invitation.email()).get(0)).satisfies(mail ->
                assertThat(mail.getSubject()).startsWith("Invitation à rejoindre")); // no language: French
        assertThat(mailsTo(expired.email())).isEmpty();
        assertThat(mongo.find(query(where("eventId").is(expired.invitationId())), EmailDelivery.class)).isEmpty();
    }

    private EmailDelivery delivery(MemberInvited invitation) {
        List<EmailDelivery> found = mongo.find(query(where("eventId").is(invitation.invitationId())), EmailDelivery.class);
        return found.isEmpty() ? null : found.get(0);
    }

    private static MemberInvited invitation(String email, String language, String token) {
        String invitationId = UUID.randomUUID().toString();
        return new MemberInvited(invitationId, "org-" + UUID.randomUUID(), "Kalanso Tech", "owner-1", "Awa Traoré", email,
                "CTO", language, "/invitations/" + invitationId + "/accept?token=" + token, EXPIRES_AT);
    }
}
