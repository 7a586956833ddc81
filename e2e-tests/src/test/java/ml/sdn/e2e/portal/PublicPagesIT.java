package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** What a visitor sees before signing in: the current edition in French, light enough for a phone on a slow line. */
@ExtendWith(RunningPlatform.class)
class PublicPagesIT {

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
}
