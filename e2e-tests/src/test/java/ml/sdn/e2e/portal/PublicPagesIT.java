package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What a visitor sees before signing in: the current edition in French, light enough for a phone on a slow line. */
@ExtendWith(RunningPlatform.class)
class PublicPagesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Platform platform;

    PublicPagesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void the_first_page_is_in_french_and_weighs_under_150_kb_transferred() {
        try (Browser browser = Browser.withJavaScript()) {
            browser.open(platform.gateway("/"));

            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.pageText()).contains("Semaine du Numérique").contains("Se connecter").contains("Créer un compte");
            long bytes = browser.transferredBytes();
            System.out.printf("first page (%s): %d bytes transferred%n", browser.currentUrl(), bytes);
            assertThat(bytes).isPositive().isLessThan(150 * 1024);
            browser.screenshot("01-home-fr");
        }
    }

    @Test
    void the_language_switch_turns_the_page_to_english_and_is_remembered() {
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.open(platform.gateway("/"));
            browser.follow(By.cssSelector("a.lang"));

            browser.waitForText("Sign in");
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            browser.open(platform.gateway("/"));
            assertThat(browser.pageText()).contains("Sign in").doesNotContain("Se connecter");
            browser.screenshot("02-home-en");
        }
    }

    @Test
    void a_visitor_at_an_unknown_address_gets_page_not_found_with_the_header_in_french_and_english() throws Exception {
        HttpResponse<String> french = visit("/nope-xyz", null);
        assertThat(french.statusCode()).isEqualTo(404);
        assertThat(french.body()).contains("<header class=\"top\">", "Cette page n&#39;existe pas",
                "Se connecter");

        HttpResponse<String> english = visit("/nope-xyz/deeper", "en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<header class=\"top\">", "This page does not exist", "Sign in");

        // the pages of the signed-in areas still send a visitor to sign in
        for (String signedIn : new String[] {"/me/profile", "/organizer", "/me/nulle-part"}) {
            HttpResponse<String> page = visit(signedIn, null);
            assertThat(page.statusCode()).as(signedIn).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(signedIn)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
        }

        try (Browser browser = Browser.withoutJavaScript()) {
            browser.open(platform.gateway("/nope-xyz"));
            assertThat(browser.pageText()).contains("Cette page n'existe pas", "Se connecter");
            browser.screenshot("03-unknown-address-fr");
        }
    }

    private HttpResponse<String> visit(String path, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway(path)))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (language != null) {
            request.header("Cookie", "sdn_lang=" + language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
