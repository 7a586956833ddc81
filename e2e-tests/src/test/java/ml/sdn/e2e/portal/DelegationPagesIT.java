package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's delegation page, without JavaScript, on a 360 px wide phone: find a person by name,
 * every error at once next to its field, then the move, read in country names, with its reason.
 */
@ExtendWith(RunningPlatform.class)
class DelegationPagesIT {

    private final Platform platform;

    DelegationPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void an_organizer_moves_a_person_to_another_delegation_with_a_reason() {
        String family = "Délégué" + UUID.randomUUID().toString().substring(0, 6);
        String token = registeredParticipant(family);

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().manage().window().setSize(new Dimension(360, 740));
            browser.signIn(platform.gateway(""), "organizer-bf", "demo");
            browser.open(platform.gateway("/organizer"));
            browser.follow(By.cssSelector("a[href$='/organizer/delegations']"));
            browser.fill("q", family).submit(By.cssSelector("form[action$='/organizer/delegations'] button"));
            assertThat(browser.pageText()).contains("Awa " + family, "Mali");
            browser.follow(By.partialLinkText(family));
            assertThat(browser.find(By.id("current-country")).getText()).isEqualTo("Mali");

            // nothing chosen, no reason: both messages at once, each next to its field
            browser.submit(By.cssSelector("#move button[type=submit]"));
            assertThat(browser.find(By.id("country-error")).getText()).isNotBlank();
            assertThat(browser.find(By.id("reason-error")).getText()).contains("raison");
            browser.screenshot("organizer-delegation-errors");

            browser.choose("country", "BF").fill("reason", "Vit à Ouagadougou depuis 2025")
                    .submit(By.cssSelector("#move button[type=submit]"));
            assertThat(browser.find(By.id("current-country")).getText()).isEqualTo("Burkina Faso");
            assertThat(browser.pageText()).contains("Vit à Ouagadougou depuis 2025", "Mali", "Burkina Faso")
                    .doesNotContain(" BF ");
            browser.screenshot("organizer-delegation-moved");
        }
        Platform.Response mine = platform.get(platform.gateway("/api/registrations/participants/me"), token);
        assertThat(mine.json().get("country").asString()).isEqualTo("BF");
    }

    /** A fresh Malian participant with a profile (created by Keycloak's admin API, registered through the gateway). */
    private String registeredParticipant(String family) {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.Response admin = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        String adminToken = admin.json().get("access_token").asString();
        Platform.Response created = platform.postJson(platform.keycloak("/admin/realms/sdn/users"), adminToken, """
                {"username":"%s","email":"%s@example.org","emailVerified":true,"firstName":"Awa","lastName":"%s","enabled":true,
                 "attributes":{"country":["ML"]},"credentials":[%s]}"""
                .formatted(username, username, family, Platform.demoPasswordCredential()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = platform.tokenOf(username);
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        return token;
    }
}
