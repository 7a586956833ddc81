package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The organizers' operations pages without JavaScript on a 360 px phone: a new participant's welcome e-mail is
 * read in the delivery log in words (kind, channel, masked address, "remis", the day), the dead letters page
 * says what the four services hold (nothing, on a healthy stack), the competition's log opens from the overview;
 * a participant, a coordinator and a visitor
 * do not get either page.
 */
@ExtendWith(RunningPlatform.class)
class OperationsPagesIT {

    private static final List<String> SERVICES = List.of("registrations", "competitions", "incubation", "notifications");

    private final Platform platform;

    OperationsPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_reads_a_new_participants_welcome_e_mail_in_the_log_and_the_dead_letters_state() {
        // a domain of its own, so that the masked address names this person's row alone
        String domain = letters() + ".example.org";
        String email = "ops@" + domain;
        registered(email);
        String organizerNe = platform.tokenOf("organizer-ne");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode log = platform.get(platform.gateway("/api/notifications/admin/deliveries?status=SENT&channel=EMAIL&size=50"),
                    organizerNe).json();
            return StreamSupport.stream(log.path("items").spliterator(), false)
                    .anyMatch(item -> email.equals(item.path("to").asString("")));
        });

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer"));
            browser.follow(By.id("deliveries-link"));
            browser.choose("status", "SENT").choose("channel", "EMAIL").submit(By.cssSelector("#filters button[type=submit]"));
            assertThat(browser.currentUrl()).contains("status=SENT", "channel=EMAIL");

            WebElement row = browser.findAll(By.cssSelector("article.delivery")).stream()
                    .filter(article -> article.getText().contains("o•••@" + domain)).findFirst().orElseThrow();
            String today = LocalDate.now(ZoneId.of("Africa/Bamako")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
            assertThat(row.getText()).contains("Bienvenue après la création de votre profil", "e-mail", "remis", today,
                    "un essai");
            String page = browser.pageText();
            assertThat(page).doesNotContain(email);
            assertThat(PortalLayoutIT.RAW.matcher(page).find()).as(page).isFalse();
            browser.screenshot("operations-deliveries");

            browser.open(platform.gateway("/organizer"));
            browser.follow(By.id("dead-letters-link"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Messages en souffrance");
            Map<String, Long> held = SERVICES.stream().collect(Collectors.toMap(service -> service,
                    service -> platform.get(platform.gateway("/api/" + service + "/admin/dead-letters"), organizerNe)
                            .json().path("total").asLong()));
            if (held.values().stream().allMatch(total -> total == 0)) {
                assertThat(browser.find(By.id("empty")).getText())
                        .isEqualTo("Aucun message en souffrance : tous les services ont traité tout ce qu'ils ont reçu.");
                assertThat(browser.findAll(By.cssSelector("article.dead-letter"))).isEmpty();
            } else {
                // another test of this stack left letters: each is listed with its replay button
                assertThat(browser.findAll(By.cssSelector("article.dead-letter button[type=submit]")))
                        .hasSize((int) held.values().stream().mapToLong(Long::longValue).sum());
            }
            browser.screenshot("operations-dead-letters");

            browser.open(platform.gateway("/organizer"));
            browser.follow(By.id("audit-link"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Journal du concours");
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
        }
    }

    /**
     * An e-mail the mail server refuses for good (the stack's SMTP sink refuses {@value RunningPlatform#REFUSED_MAIL_DOMAIN}
     * with 550) is failed at once, and the log says so in words with the server's reply; an organizer finds it, presses « Renvoyer l'e-mail », is told it went again, and
     * notification-service tries it once more (refused again: the address was not mended).
     */
    @Test
    void an_organizer_sends_a_refused_e_mail_again_from_the_delivery_log() {
        String email = "ops-" + letters() + "@" + RunningPlatform.REFUSED_MAIL_DOMAIN;
        registered(email);
        String organizerNe = platform.tokenOf("organizer-ne");
        JsonNode failed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> delivery(email, organizerNe), found -> found != null && "FAILED".equals(found.path("status").asString()));
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        String id = failed.path("id").asString();

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-ml", "demo");
            browser.open(platform.gateway("/organizer/deliveries?status=FAILED&channel=EMAIL"));
            WebElement row = browser.find(By.xpath("//article[contains(@class,'delivery')][.//form[contains(@action,'/deliveries/"
                    + id + "/send-again')]]"));
            // the server's reply in words, never the address in full nor a Java exception
            assertThat(row.getText()).contains("le serveur de messagerie du destinataire refuse cet e-mail pour de bon",
                    "550 5.1.1", "un essai");
            assertThat(row.getText()).doesNotContain(email, "Exception");
            row.findElement(By.cssSelector("form.send-again button[type=submit]")).click();

            assertThat(browser.find(By.id("sent-again")).getText()).isNotBlank();
            assertThat(PortalLayoutIT.RAW.matcher(browser.pageText()).find()).as(browser.pageText()).isFalse();
            browser.screenshot("operations-sent-again");
        }
        JsonNode again = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> delivery(email, organizerNe), found -> found.path("attempts").asInt() == 2
                        && "FAILED".equals(found.path("status").asString()));
        assertThat(again.path("id").asString()).isEqualTo(id);
    }

    /** The delivery log's entry of the e-mail to {@code email} (the organizers' API shows the address), or null. */
    private JsonNode delivery(String email, String organizerToken) {
        JsonNode log = platform.get(platform.gateway("/api/notifications/admin/deliveries?channel=EMAIL&size=50"), organizerToken).json();
        return StreamSupport.stream(log.path("items").spliterator(), false)
                .filter(item -> email.equals(item.path("to").asString(""))).findFirst().orElse(null);
    }

    @Test
    void a_participant_a_coordinator_and_a_visitor_get_neither_operations_page() {
        for (String user : List.of("participant-ml", "coordinator-bf")) {
            try (Browser browser = Browser.withoutJavaScript()) {
                browser.signIn(platform.gateway(""), user, "demo");
                for (String page : List.of("/organizer/deliveries?channel=EMAIL", "/organizer/dead-letters", "/organizer/audit")) {
                    browser.open(platform.gateway(page));
                    assertThat(browser.pageText()).as(user + " " + page).contains("accès à cette page")
                            .doesNotContain("Envois des notifications", "Messages en souffrance", "Journal du concours");
                }
            }
        }
        try (Browser visitor = Browser.withoutJavaScript()) {
            visitor.open(platform.gateway("/organizer/deliveries"));
            assertThat(visitor.pageText()).doesNotContain("Envois des notifications", "Canal");
            visitor.open(platform.gateway("/organizer/dead-letters"));
            assertThat(visitor.pageText()).doesNotContain("Messages en souffrance", "Rejouer");
        }
        // nor the services' own log behind it, with their own token
        assertThat(platform.get(platform.gateway("/api/notifications/admin/deliveries"), platform.tokenOf("participant-ml"))
                .status()).isEqualTo(403);
    }

    /** A fresh participant (Keycloak's admin API) who creates their profile through the gateway: the welcome e-mail. */
    private void registered(String email) {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.Response admin = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        String adminToken = admin.json().get("access_token").asString();
        Platform.Response created = platform.postJson(platform.keycloak("/admin/realms/sdn/users"), adminToken, """
                {"username":"%s","email":"%s","emailVerified":true,"firstName":"Oumou","lastName":"Sangaré","enabled":true,
                 "attributes":{"country":["ML"]},"credentials":[%s]}"""
                .formatted(username, email, Platform.demoPasswordCredential()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = platform.tokenOf(username);
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), token, """
                {"gender":"FEMALE","preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
    }

    /** Letters only (a domain name, not a code). */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return letters.toString();
    }
}
