package ml.sdn.e2e.portal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's draft holds the organisation's one place in a category: the organisation's owner sees it on
 * {@code /me/organization/drafts}, takes one over (it becomes theirs) and deletes another, in the browser without
 * JavaScript on a phone, and the member is told each time in words. Through the gateway on the real stack, with the
 * attackers' answers: another organisation's owner, the member themself and a participant of another country can
 * neither list, take over nor delete (404 problem), an organizer is refused (403).
 */
@ExtendWith(RunningPlatform.class)
class OrganizationDraftsIT {

    private static final String API = "/api/competitions/applications";
    private static final String DRAFTS = API + "/organization-drafts";
    private static final String MEMBER = "participant-ne";

    private final Platform platform;

    OrganizationDraftsIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void the_owner_takes_over_one_members_draft_deletes_another_and_the_member_is_told() {
        String organizer = platform.tokenOf("organizer-bf");
        ParticipantCompetition.Contest first = ParticipantCompetition.openStartUpChallenge(platform, organizer);
        ParticipantCompetition.Contest second = ParticipantCompetition.openStartUpChallenge(platform, organizer);
        ParticipantAccounts.Account ownerAccount = ParticipantAccounts.newAccount("owner-ne");

        try (Browser owner = Browser.withoutJavaScript()) {
            ParticipantAccounts.signUp(owner, platform, ownerAccount, "NE");
            String ownerToken = tokenOf(ownerAccount);
            profile(ownerToken);
            String memberToken = platform.tokenOf(MEMBER);
            profile(memberToken);
            String name = "Tillabéri Solaire " + ownerAccount.username().substring(9);
            String organization = smeWithMember(ownerToken, memberToken, name);

            // the member drafts for the organisation (once competition-service knows them as a member)
            String taken = memberDraft(memberToken, first.categoryId(), organization, "Pompes solaires partagées");
            String deleted = memberDraft(memberToken, second.categoryId(), organization, "Séchoirs de mangues");

            // the attackers' side: nothing listed, 404 for the rest; other roles refused
            for (String attacker : List.of(memberToken, platform.tokenOf("participant-bf"), platform.tokenOf("participant-ml"))) {
                Platform.Response listed = platform.get(platform.gateway(DRAFTS), attacker);
                assertThat(listed.status()).as(listed.body()).isEqualTo(200);
                assertThat(listed.body()).doesNotContain(taken, deleted);
                assertProblem(platform.postJson(platform.gateway(DRAFTS + "/" + taken + "/take-over"), attacker, ""), 404);
                assertProblem(delete(DRAFTS + "/" + deleted, attacker), 404);
            }
            assertProblem(platform.get(platform.gateway(DRAFTS), organizer), 403);
            assertProblem(platform.postJson(platform.gateway(DRAFTS + "/" + taken + "/take-over"), organizer, ""), 403);

            // the owner, on a 360 px phone: the organisation's page links to the members' drafts
            owner.driver().manage().window().setSize(new Dimension(360, 800));
            owner.open(platform.gateway("/me/organization"));
            owner.follow(By.linkText("Brouillons de candidature des membres"));
            owner.waitForText("Brouillons de mon organisation");
            assertThat(owner.pageText()).contains("Pompes solaires partagées", "Séchoirs de mangues", name,
                    "Start-up Challenge", "Participant Niger").doesNotContain("START_UP_CHALLENGE", "DRAFT");
            assertThat(owner.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            Object width = ((JavascriptExecutor) owner.driver()).executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).as("document width at 360 px").isLessThanOrEqualTo(360);
            owner.screenshot("participant-30-organization-drafts");

            owner.submit(By.xpath("//button[normalize-space()='Reprendre « Pompes solaires partagées »']"));
            owner.waitForText("Le brouillon est maintenant le vôtre");
            assertThat(owner.currentUrl()).contains("/me/applications/" + taken);
            assertThat(owner.pageText()).contains("Pompes solaires partagées");

            owner.open(platform.gateway("/me/organization/drafts"));
            owner.click(By.xpath("//summary[normalize-space()='Supprimer « Séchoirs de mangues »…']"));
            owner.submit(By.xpath("//button[normalize-space()='Supprimer définitivement ce brouillon']"));
            owner.waitForText("Le brouillon du membre est supprimé");
            assertThat(owner.pageText()).contains("Aucun membre ne tient de brouillon pour vos organisations.")
                    .doesNotContain("Pompes solaires partagées", "Séchoirs de mangues");
            owner.screenshot("participant-31-organization-drafts-done");

            // the taken-over draft is the owner's now, gone from the member's; the place of the deleted one is free
            assertThat(platform.get(platform.gateway(API + "/mine"), ownerToken).body()).contains(taken);
            assertProblem(platform.get(platform.gateway(API + "/" + taken), memberToken), 404);
            assertProblem(platform.get(platform.gateway(API + "/" + deleted), memberToken), 404);
            memberDraft(memberToken, second.categoryId(), organization, "Séchoirs, deuxième essai");

            // the member is told, in words: inbox and e-mail
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
                String inbox = platform.get(platform.gateway("/api/notifications/me?size=50"), memberToken).body();
                return inbox.contains("Votre brouillon « Pompes solaires partagées » est repris par votre organisation")
                        && inbox.contains("Votre brouillon « Séchoirs de mangues » est supprimé par votre organisation");
            });
            String mail = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mailTo("participant-ne@demo.sdn.ml", "Séchoirs de mangues"), Optional::isPresent).orElseThrow();
            assertThat(mail).contains("« " + name + " »", "Start-up Challenge", "supprimé par la personne")
                    .doesNotContain("START_UP_CHALLENGE", "DELETED");
        }
    }

    /** A small enterprise of the owner, which the member joins with the link the invitation e-mail carries. */
    private String smeWithMember(String ownerToken, String memberToken, String name) {
        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/organizations"), ownerToken, """
                {"type":"SME","name":"%s","country":"NE","sector":"HEALTH","foundingYear":2023,
                 "description":"Énergie solaire pour les maraîchers.",
                 "creator":{"role":"Gérante","gender":"FEMALE","lead":true},"members":[]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Platform.Response invited = platform.postJson(platform.gateway("/api/registrations/organizations/" + id + "/invitations"),
                ownerToken, "{\"email\":\"participant-ne@demo.sdn.ml\",\"role\":\"Technicien\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        Pattern link = Pattern.compile("/invitations/accept\\?token=([A-Za-z0-9._~-]+)");
        String token = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> mailTo("participant-ne@demo.sdn.ml", name).map(link::matcher).filter(Matcher::find)
                        .map(found -> found.group(1)), Optional::isPresent).orElseThrow();
        Platform.Response accepted = platform.postJson(platform.gateway("/api/registrations/organizations/invitations/accept"),
                memberToken, "{\"token\":\"" + token + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return id;
    }

    /** The member's draft, once competition-service's copy of the organisation lists them (409 until then). */
    private String memberDraft(String memberToken, String categoryId, String organization, String title) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Platform.Response draft = platform.postJson(platform.gateway(API), memberToken, """
                    {"categoryId": "%s", "organizationId": "%s", "title": "%s"}""".formatted(categoryId, organization, title));
            assertThat(draft.status()).as(draft.body()).isIn(201, 400, 409);
            return draft.status() == 201 ? draft.json().get("id").asString() : null;
        }, id -> id != null);
    }

    private void profile(String token) {
        Platform.Response saved = platform.putJson(platform.gateway("/api/registrations/participants/me"), token,
                "{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");
        assertThat(saved.status()).as(saved.body()).isBetween(200, 201);
    }

    private String tokenOf(ParticipantAccounts.Account account) {
        return platform.tokenResponse(account.username(), account.password()).get("access_token").asString();
    }

    private Platform.Response delete(String path, String token) {
        return platform.send(HttpRequest.newBuilder(URI.create(platform.gateway(path))).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token).DELETE().build());
    }

    private static void assertProblem(Platform.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** The text of the newest mail to {@code address} that mentions {@code words}. */
    private Optional<String> mailTo(String address, String words) {
        List<MimeMessage> mails = Arrays.asList(platform.receivedMails());
        for (int i = mails.size() - 1; i >= 0; i--) {
            String text = textOf(mails.get(i));
            if (sentTo(mails.get(i), address) && text.contains(words)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return mail.getAllRecipients() != null && Arrays.stream(mail.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String textOf(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof jakarta.mail.Multipart parts) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < parts.getCount(); i++) {
                    Object part = parts.getBodyPart(i).getContent();
                    all.append(part instanceof String text ? text : "");
                }
                return all.toString();
            }
            return content instanceof String text ? text : "";
        } catch (IOException | MessagingException e) {
            return "";
        }
    }
}
