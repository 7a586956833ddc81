package ml.sdn.e2e.portal;

import ml.sdn.e2e.KeycloakMails;
import ml.sdn.e2e.Platform;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

/**
 * New participant accounts made as a person makes them: the portal's "Créer un compte" → {@code /signup} →
 * Keycloak's registration form (with the country field). Records whether {@code prompt=create} opened the
 * registration form directly or whether Keycloak's own "register" link on the login page was needed.
 */
final class ParticipantAccounts {

    /** A fresh account: unique username and e-mail; {@code password} for the API's password grant. */
    record Account(String username, String email, String password, String firstName, String lastName) {
    }

    /** How the last sign-up reached the registration form (for the report). */
    static volatile boolean promptCreateOpenedRegistration = true;

    private ParticipantAccounts() {
    }

    static Account newAccount(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new Account(prefix + "-" + suffix, prefix + "-" + suffix + "@example.org", "Mot-de-passe-" + suffix,
                "Awa", "Ouédraogo");
    }

    /**
     * Signs the account up from the portal's home page and verifies its address with the link Keycloak e-mails
     * (opened in the same browser, as a person who reads their mail on the phone they signed up with); ends on the
     * portal's profile form, signed in.
     */
    static void signUp(Browser browser, Platform platform, Account account, String country) {
        String gatewayUrl = platform.gateway("");
        browser.open(gatewayUrl + "/");
        browser.follow(By.cssSelector(".account a[href$='/signup']"));
        WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("kc-register-form")).isEmpty() || !d.findElements(By.id("kc-form-login")).isEmpty());
        if (browser.findAll(By.id("kc-register-form")).isEmpty()) {
            promptCreateOpenedRegistration = false;
            browser.follow(By.cssSelector("#kc-registration a"));
            browser.find(By.id("kc-register-form"));
        }
        browser.fill("username", account.username());
        browser.fill("email", account.email());
        browser.fill("firstName", account.firstName());
        browser.fill("lastName", account.lastName());
        browser.fill("password", account.password());
        browser.fill("password-confirm", account.password());
        WebElement countryField = browser.find(By.name("country"));
        if ("select".equals(countryField.getTagName())) {
            new Select(countryField).selectByValue(country);
        } else {
            countryField.clear();
            countryField.sendKeys(country);
        }
        browser.screenshot("participant-00-keycloak-registration");
        browser.submit(By.cssSelector("#kc-register-form [type=submit]"));
        browser.find(By.id("kc-verify-email"));
        browser.open(KeycloakMails.awaitNewLink(platform, account.email(), 0));
        wait.until(d -> d.getCurrentUrl().startsWith(gatewayUrl));
    }
}
