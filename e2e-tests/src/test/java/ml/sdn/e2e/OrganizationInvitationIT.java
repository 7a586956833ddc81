package ml.sdn.e2e;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An organisation invites a member across the platform: registration-service stores the invitation and
 * publishes it, notification-service e-mails the link over SMTP, and the invitee, signed in with their
 * own Keycloak account, accepts it through the gateway and becomes a member; nobody else can read the team.
 */
@ExtendWith(RunningPlatform.class)
class OrganizationInvitationIT {

    private static final Pattern ACCEPT_LINK = Pattern.compile("(http://\\S+)/invitations/accept\\?token=([A-Za-z0-9_-]{43})");

    private final Platform platform;

    OrganizationInvitationIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_owner_invites_by_email_and_the_invitee_joins_with_the_link_from_the_mail() {
        String owner = platform.tokenOf("participant-bf");
        String invitee = platform.tokenOf("participant-ml");
        String stranger = platform.tokenOf("participant-ne");
        profile(owner);
        profile(invitee);
        profile(stranger);
        String name = "Sahel Agri Lab " + UUID.randomUUID().toString().substring(0, 6);

        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/organizations"), owner, """
                {"type":"PROJECT_TEAM","name":"%s","country":"BF","sector":"E_GOVERNMENT","foundingYear":2024,
                 "description":"Services publics numériques pour les communes rurales.",
                 "creator":{"role":"Porteuse de projet","gender":"FEMALE","lead":true},
                 "members":[{"name":"Issa Kaboré","role":"Développeur","gender":"MALE"}]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("womenLed").asBoolean()).isTrue();
        String id = created.json().get("id").asString();

        Platform.Response invited = platform.postJson(platform.gateway("/api/registrations/organizations/" + id + "/invitations"),
                owner, "{\"email\":\"participant-ml@demo.sdn.ml\",\"role\":\"Designer\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);

        Matcher link = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> invitationLinkFor(name), Optional::isPresent).orElseThrow();
        assertThat(link.group(1)).isEqualTo(platform.gateway(""));

        Platform.Response strangerAccepts = platform.postJson(platform.gateway("/api/registrations/organizations/invitations/accept"),
                stranger, "{\"token\":\"" + link.group(2) + "\"}");
        Platform.Response accepted = platform.postJson(platform.gateway("/api/registrations/organizations/invitations/accept"),
                invitee, "{\"token\":\"" + link.group(2) + "\"}");
        Platform.Response again = platform.postJson(platform.gateway("/api/registrations/organizations/invitations/accept"),
                invitee, "{\"token\":\"" + link.group(2) + "\"}");

        assertThat(strangerAccepts.status()).as("another account with the link").isEqualTo(403);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(again.status()).as("a used link").isEqualTo(409);
        Platform.Response asMember = platform.get(platform.gateway("/api/registrations/organizations/" + id), invitee);
        Platform.Response asOutsider = platform.get(platform.gateway("/api/registrations/organizations/" + id), stranger);
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.body()).contains("Designer", "Participant Mali");
        assertThat(asOutsider.status()).isEqualTo(404);
        assertThat(asOutsider.body()).doesNotContain(name);
    }

    private void profile(String token) {
        Platform.Response saved = platform.putJson(platform.gateway("/api/registrations/participants/me"), token,
                "{\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");
        assertThat(saved.status()).as(saved.body()).isBetween(200, 201);
    }

    private Optional<Matcher> invitationLinkFor(String organizationName) {
        return Arrays.stream(platform.receivedMails())
                .filter(mail -> addressedTo(mail, "participant-ml@demo.sdn.ml"))
                .map(OrganizationInvitationIT::textOf)
                .filter(text -> text.contains(organizationName))
                .map(ACCEPT_LINK::matcher)
                .filter(Matcher::find)
                .findFirst();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of a plain-text mail (quoted-printable or not). */
    private static String textOf(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : "";
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
