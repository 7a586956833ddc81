package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The participant's pages in a phone-sized Chromium without JavaScript: a participant from Burkina Faso
 * signs up through Keycloak, completes the profile and submits an application in French; the organisation
 * with an invitation accepted from the e-mail link; attendance with the QR badge; the inbox; and the
 * attacker's side (someone else's application, a juror on a participant page).
 */
@ExtendWith(RunningPlatform.class)
class ParticipantPagesIT {

    private static final Pattern REFERENCE = Pattern.compile("SDN\\d+-PRC-\\d{4}");

    private final Platform platform;

    ParticipantPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_participant_from_burkina_faso_signs_up_completes_the_profile_and_submits_an_application_in_french() throws Exception {
        ParticipantCompetition.Contest contest = ParticipantCompetition.openProjectContest(platform, platform.tokenOf("organizer-bf"));
        ParticipantAccounts.Account account = ParticipantAccounts.newAccount("awa-bf");
        String applicationId;
        String reference;
        try (Browser browser = Browser.withoutJavaScript()) {
            ParticipantAccounts.signUp(browser, platform, account, "BF");
            System.out.println("prompt=create opened Keycloak's registration form: " + ParticipantAccounts.promptCreateOpenedRegistration);

            // the profile, first without the consent: the service's message appears next to the box, in French
            browser.open(platform.gateway("/me/profile"));
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.pageText()).contains("Complétez votre profil", account.email(), "Burkina Faso");
            browser.screenshot("participant-01-profile-new");
            browser.fill("city", "Ouagadougou").fill("region", "Centre").choose("gender", "FEMALE");
            browser.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.find(By.id("consent.accepted-error")).getText()).isEqualTo("le consentement doit être accepté");
            assertThat(browser.find(By.id("city")).getAttribute("value")).isEqualTo("Ouagadougou");
            browser.screenshot("participant-02-profile-error");

            browser.click(By.id("consent"));
            browser.submit(By.cssSelector("main form button[type=submit]"));
            browser.waitForText("Votre profil est enregistré.");
            assertThat(browser.pageText()).contains("Conditions de janvier 2026 acceptées le").doesNotContain("2026-01");
            browser.screenshot("participant-03-profile-saved");
            JsonNode profile = platform.get(platform.gateway("/api/registrations/participants/me"), tokenOf(account)).json();
            assertThat(profile.get("city").asString()).isEqualTo("Ouagadougou");
            assertThat(profile.get("country").asString()).isEqualTo("BF");
            assertThat(profile.get("gender").asString()).isEqualTo("FEMALE");

            // a draft without its title: the service's message next to the title, in French
            browser.open(platform.gateway("/me/applications/new?edition=" + contest.editionId()));
            assertThat(browser.pageText()).contains("Concours de projets", "Date limite de dépôt");
            browser.fill("summary", "Une plateforme de vente directe des produits maraîchers.");
            browser.submit(By.xpath("//button[normalize-space()='Enregistrer le brouillon']"));
            assertThat(browser.find(By.id("title-error")).getText()).isEqualTo("Le titre est obligatoire.");
            assertThat(browser.find(By.id("title")).getAttribute("aria-describedby")).contains("title-error");
            assertThat(browser.find(By.id("summary")).getAttribute("value")).startsWith("Une plateforme");
            browser.screenshot("participant-04-application-error");

            browser.fill("title", "Marché vert de Ouagadougou")
                    .fill("problem", "Les maraîchers vendent à perte aux intermédiaires.")
                    .fill("solution", "Commandes par téléphone et livraison groupée.")
                    .fill("targetUsers", "Maraîchers et familles de Ouagadougou")
                    .choose("stage", "PROTOTYPE").choose("challenge", "Agriculture")
                    .fill("pitchDeckUrl", "https://example.org/marche-vert.pdf")
                    .fill("team0Name", "Awa Ouédraogo").fill("team0Role", "Porteuse de projet");
            // the new account reaches competition-service's copy through Kafka: until then the service answers 409
            // "registration pending" and the page asks to try again, the only answer after which the form is sent again
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.submit(By.xpath("//button[normalize-space()='Enregistrer le brouillon']"));
                if (browser.currentUrl().matches(".*/me/applications/[^/?]+\\?saved.*")) {
                    return true;
                }
                assertThat(browser.pageText()).contains("Votre inscription est en cours de traitement");
                return false;
            });
            browser.waitForText("Votre candidature est enregistrée.");
            applicationId = browser.currentUrl().replaceAll(".*/me/applications/([^/?]+).*", "$1");
            assertThat(browser.find(By.id("application-status")).getText()).isEqualTo("Brouillon");
            browser.screenshot("participant-05-application-draft");

            // the PDF through the packaged portal: a file that is not a PDF, then one over 5 MB, each refused next
            // to the field; then a real PDF of 5 MB, which the service keeps byte for byte
            By sendPdf = By.xpath("//button[normalize-space()='Envoyer le PDF']");
            browser.attach("file", PdfFiles.notAPdf("photo-du-dossier.pdf")).submit(sendPdf);
            assertThat(browser.find(By.id("file-error")).getText()).contains("pas un PDF");
            browser.attach("file", PdfFiles.real("dossier-6-mo.pdf", 6_000_000)).submit(sendPdf);
            assertThat(browser.find(By.id("file-error")).getText()).contains("5 Mo");
            browser.screenshot("participant-05b-application-pdf-too-large");
            Path pdf = PdfFiles.real("marche-vert.pdf", 5_000_000);
            browser.attach("file", pdf).submit(sendPdf);
            browser.waitForText("Le document PDF est ajouté.");
            assertThat(browser.pageText()).contains("marche-vert.pdf");
            HttpResponse<byte[]> stored = getWithCookiesOf(browser, browser.find(By.partialLinkText("marche-vert.pdf")).getAttribute("href"));
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.body()).isEqualTo(Files.readAllBytes(pdf));

            browser.submit(By.xpath("//button[normalize-space()='Soumettre la candidature']"));
            browser.waitForText("Votre candidature est soumise.");
            reference = browser.find(By.id("application-reference")).getText();
            assertThat(reference).matches(REFERENCE);
            assertThat(browser.find(By.id("application-status")).getText()).isEqualTo("Soumise");
            browser.screenshot("participant-06-application-submitted");

            browser.open(platform.gateway("/me/applications"));
            assertThat(browser.pageText()).contains("Mes candidatures", "Marché vert de Ouagadougou", reference, "Soumise");
            browser.screenshot("participant-07-applications");

            // the receipt reaches the inbox
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(platform.gateway("/me/notifications"));
                return browser.pageText().contains(reference);
            });
            assertThat(browser.pageText()).contains("Notifications", "non lue");
            // the body keeps the template's lines: the reference ends its own line (it was one wall of text)
            assertThat(browser.pageText()).contains("Numéro de référence : " + reference + "\n");
            browser.screenshot("participant-08-notifications");
            browser.submit(By.xpath("//button[normalize-space()='Tout marquer comme lu']"));
            browser.waitForText("Toutes les notifications sont marquées comme lues.");
            assertThat(browser.pageText()).contains("0 notification(s) non lue(s)");
        }

        // the form sent again while the registration was pending made one draft, not several
        JsonNode mine = platform.get(platform.gateway("/api/competitions/applications/mine"), tokenOf(account)).json();
        assertThat(mine.size()).as(mine.toString()).isEqualTo(1);

        // read back through the API as an organizer
        Platform.Response read = platform.get(platform.gateway("/api/competitions/applications/" + applicationId), platform.tokenOf("organizer-ml"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(read.json().get("reference").asString()).isEqualTo(reference);
        assertThat(read.json().get("title").asString()).isEqualTo("Marché vert de Ouagadougou");
        assertThat(read.json().get("country").asString()).isEqualTo("BF");
        assertThat(read.json().get("stage").asString()).isEqualTo("PROTOTYPE");
        assertThat(read.json().get("team").get(0).get("role").asString()).isEqualTo("Porteuse de projet");

        // the attacker's side: another participant opens that application → the not-found page, nothing of it
        try (Browser attacker = Browser.withoutJavaScript()) {
            attacker.signIn(platform.gateway(""), "participant-ml", "demo");
            attacker.open(platform.gateway("/me/applications/" + applicationId));
            assertThat(attacker.pageText()).contains("Un problème est survenu", "existe pas")
                    .doesNotContain("Marché vert", reference);
            attacker.screenshot("participant-09-someone-elses-application");
        }
    }

    @Test
    void a_participant_from_niger_gets_her_countrys_phone_example_keeps_the_header_on_an_unknown_address_and_downloads_then_erases_her_data()
            throws Exception {
        ParticipantAccounts.Account account = ParticipantAccounts.newAccount("mariama-ne");
        try (Browser browser = Browser.withoutJavaScript()) {
            ParticipantAccounts.signUp(browser, platform, account, "NE");

            // the hint shows Niger's plan, and a Burkina number is refused asking for that same plan
            browser.open(platform.gateway("/me/profile"));
            assertThat(browser.find(By.id("phone-hint")).getText()).contains("+227 93 12 34 56").doesNotContain("+226");
            browser.fill("phone", "+226 70 12 34 56").click(By.id("consent"));
            browser.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.find(By.id("phone-error")).getText()).contains("+227");
            browser.fill("phone", "93 12 34 56");
            browser.submit(By.cssSelector("main form button[type=submit]"));
            browser.waitForText("Votre profil est enregistré.");

            // an unknown address, signed in: "page not found" with the header, who is signed in and the sign-out form
            browser.open(platform.gateway("/me/nulle-part"));
            browser.waitForText("Un problème est survenu");
            assertThat(browser.pageText()).contains("existe pas", "Connecté·e : Awa Ouédraogo");
            assertThat(browser.findAll(By.cssSelector("header.top form[action$='/logout'] button"))).hasSize(1);
            browser.screenshot("participant-20-unknown-address");

            // the data: a download of everything held, then the erasure after a page saying what goes and what stays
            browser.open(platform.gateway("/me/profile"));
            HttpResponse<byte[]> export = getWithCookiesOf(browser,
                    browser.find(By.linkText("Télécharger mes données")).getAttribute("href"));
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                    assertThat(value).startsWith("attachment"));
            assertThat(new String(export.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("+22793123456");

            browser.follow(By.linkText("Supprimer mon compte"));
            assertThat(browser.pageText()).contains("Ce qui est effacé", "Ce qui est gardé, sans votre nom (anonymisé)",
                    "Les candidatures déjà déposées");
            browser.screenshot("participant-21-erase-confirm");
            browser.submit(By.xpath("//button[normalize-space()='Effacer définitivement mes données']"));
            browser.waitForText("Vos données personnelles sont effacées.");
            assertThat(browser.pageText()).doesNotContain("Télécharger mes données");
            assertThat(platform.get(platform.gateway("/api/registrations/participants/me"), tokenOf(account)).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void an_owner_invites_by_email_the_invitee_accepts_from_the_link_and_attendance_gives_a_badge() throws Exception {
        ParticipantAccounts.Account owner = ParticipantAccounts.newAccount("owner-ml");
        ParticipantAccounts.Account invitee = ParticipantAccounts.newAccount("invitee-ml");
        LocalDate day = Days.ofItsOwn();
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ml"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        String organization = "Coopérative numérique " + owner.username();

        try (Browser browser = Browser.withoutJavaScript()) {
            ParticipantAccounts.signUp(browser, platform, owner, "ML");
            browser.open(platform.gateway("/me/profile"));
            browser.fill("city", "Bamako").click(By.id("consent")).submit(By.cssSelector("main form button[type=submit]"));
            browser.waitForText("Votre profil est enregistré.");

            browser.open(platform.gateway("/me/organization"));
            assertThat(browser.pageText()).contains("Vous n’appartenez encore à aucune organisation");
            browser.screenshot("participant-10-organization-new");
            browser.choose("type", "START_UP").fill("name", organization).choose("sector", firstSector())
                    .fill("foundingYear", "2022").fill("description", "Des services numériques pour les coopératives.")
                    .fill("creatorRole", "Directrice").choose("creatorGender", "FEMALE");
            browser.submit(By.xpath("//button[normalize-space()='Enregistrer l’organisation']"));
            browser.waitForText("Votre organisation est enregistrée.");
            assertThat(browser.pageText()).contains(organization, "Directrice", "Propriétaire");

            // an invitation with a wrong address: the service's message next to the field
            browser.fill("email", "pas-une-adresse").fill("role", "Développeur");
            browser.submit(By.xpath("//button[normalize-space()='Envoyer l’invitation']"));
            assertThat(browser.find(By.id("email-error")).getText()).isNotBlank();
            browser.fill("email", invitee.email()).fill("role", "Développeur");
            browser.submit(By.xpath("//button[normalize-space()='Envoyer l’invitation']"));
            browser.waitForText("L’invitation est envoyée par e-mail.");
            String other = "autre-" + owner.username() + "@example.org";
            browser.fill("email", other).fill("role", "Comptable");
            browser.submit(By.xpath("//button[normalize-space()='Envoyer l’invitation']"));
            browser.waitForText("L’invitation est envoyée par e-mail.");
            browser.submit(By.xpath("//button[normalize-space()='Révoquer l’invitation de " + other + "']"));
            browser.waitForText("L’invitation est révoquée.");
            assertThat(browser.pageText()).contains(invitee.email(), "En attente", other, "Révoquée");
            browser.screenshot("participant-11-organization");

            // attendance: register for the day, the QR badge, then cancel
            browser.open(platform.gateway("/me/attendance"));
            browser.submit(By.cssSelector("form[action$='/me/attendance/" + day + "/register'] button"));
            browser.waitForText("Votre inscription est enregistrée.");
            assertThat(browser.pageText()).contains("Place confirmée", "Mon badge");
            assertThat(browser.find(By.id("badge")).getAttribute("src")).endsWith("/me/attendance/badge.png");
            HttpResponse<byte[]> badge = getWithCookiesOf(browser, platform.gateway("/me/attendance/badge.png"));
            assertThat(badge.statusCode()).isEqualTo(200);
            assertThat(badge.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/png"));
            assertThat(Arrays.copyOfRange(badge.body(), 1, 4)).isEqualTo("PNG".getBytes());
            browser.screenshot("participant-12-attendance-badge");
            browser.submit(By.cssSelector("form[action$='/me/attendance/" + day + "/cancel'] button"));
            browser.waitForText("Votre inscription est annulée.");

            browser.open(platform.gateway("/me/incubation"));
            assertThat(browser.pageText()).contains("Mon incubation", "Vous n’êtes pas en incubation");
            browser.screenshot("participant-13-incubation");
        }

        // the invitee (a profile set up through the API) opens the e-mail's link and accepts
        try (Browser browser = Browser.withoutJavaScript()) {
            ParticipantAccounts.signUp(browser, platform, invitee, "ML");
            Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), tokenOf(invitee),
                    "{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");
            assertThat(profile.status()).as(profile.body()).isBetween(200, 201);
            String token = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> invitationTokenFor(invitee.email()), Optional::isPresent).orElseThrow();

            browser.open(platform.gateway("/invitations/accept?token=" + token));
            assertThat(browser.pageText()).contains("Invitation à rejoindre une organisation", invitee.email());
            browser.screenshot("participant-14-invitation");
            browser.submit(By.xpath("//button[normalize-space()='Accepter l’invitation']"));
            browser.waitForText("Vous avez rejoint l’organisation.");
            assertThat(browser.pageText()).contains(organization, "Membre");
            browser.screenshot("participant-15-organization-joined");
        }
        JsonNode mine = platform.get(platform.gateway("/api/registrations/organizations/mine"), tokenOf(invitee)).json();
        assertThat(mine.get(0).get("name").asString()).isEqualTo(organization);

        // a juror on a participant page: refused, never a half page (when the demo juror is not also a participant)
        boolean jurorIsParticipant = Platform.claimsOf(platform.tokenOf("jury-bf")).get("realm_access").get("roles").toString()
                .contains("\"participant\"");
        if (jurorIsParticipant) {
            System.out.println("jury-bf also holds the participant role: the refusal is not tested with this account");
            return;
        }
        try (Browser juror = Browser.withoutJavaScript()) {
            juror.signIn(platform.gateway(""), "jury-bf", "demo");
            juror.open(platform.gateway("/me/applications"));
            assertThat(juror.pageText()).contains("Vous n").doesNotContain("Mes candidatures");
            juror.screenshot("participant-16-juror-refused");
        }
    }

    private String tokenOf(ParticipantAccounts.Account account) {
        return platform.tokenResponse(account.username(), account.password()).get("access_token").asString();
    }

    private String firstSector() {
        return platform.get(platform.gateway("/api/registrations/organizations/sectors"), platform.tokenOf("participant-ml"))
                .json().get(0).get("code").asString();
    }

    private Optional<String> invitationTokenFor(String email) {
        Pattern link = Pattern.compile("/invitations/accept\\?token=([A-Za-z0-9._~-]+)");
        return Arrays.stream(platform.receivedMails()).filter(mail -> sentTo(mail, email)).map(ParticipantPagesIT::textOf)
                .map(link::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    private static boolean sentTo(MimeMessage mail, String email) {
        try {
            return mail.getAllRecipients() != null && Arrays.stream(mail.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String textOf(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof jakarta.mail.Multipart parts) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < parts.getCount(); i++) {
                    Object part = parts.getBodyPart(i).getContent();
                    all.append(Objects.toString(part instanceof jakarta.mail.Multipart ? "" : part, ""));
                }
                return all.toString();
            }
            return "";
        } catch (IOException | MessagingException e) {
            return "";
        }
    }

    /** A plain GET with the browser's session cookies: what the page's {@code <img>} loads. */
    private static HttpResponse<byte[]> getWithCookiesOf(Browser browser, String url) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
