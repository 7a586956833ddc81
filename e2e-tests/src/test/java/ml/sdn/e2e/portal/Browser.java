package ml.sdn.e2e.portal;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; .ci/run installs them)
 * with a phone-sized window and JavaScript on or off. One per test; close it. Screenshots land in
 * {@code e2e-tests/target/screenshots/} (the build artefact). Tests are skipped where the browser is
 * missing, with the reason.
 */
public final class Browser implements AutoCloseable {

    /** A common Android phone, CSS pixels. */
    public static final int PHONE_WIDTH = 412;
    public static final int PHONE_HEIGHT = 915;

    static final Path CHROMIUM = Path.of(System.getProperty("sdn.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sdn.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("sdn.test.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(boolean javascript) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no headless Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT, "--lang=fr-FR", "--no-first-run",
                "--disable-extensions", "--disable-background-networking");
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", "fr-FR,fr",
                "profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.wait = waitUpTo(Duration.ofSeconds(30));
    }

    /**
     * A wait on this browser that looks again every 50 ms: Selenium's default, 500 ms, made every wait that
     * did not hold at its first look last half a second more than the page took.
     */
    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50));
    }

    /** Core flows must work like this: no script at all. */
    public static Browser withoutJavaScript() {
        return new Browser(false);
    }

    public static Browser withJavaScript() {
        return new Browser(true);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Types into the field with that name (clearing it first). */
    public Browser fill(String name, String value) {
        WebElement field = find(By.name(name));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Picks that file in the file input with that name, as a person does in the file chooser. */
    public Browser attach(String name, Path file) {
        find(By.name(name)).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Chooses an option of a {@code <select>} by its value. */
    public Browser choose(String name, String value) {
        new org.openqa.selenium.support.ui.Select(find(By.name(name))).selectByValue(value);
        return this;
    }

    /**
     * Clicks something that stays on this page (a check box, a radio button). For a button or link that
     * loads another page, use {@link #submit} or {@link #follow}: they wait for that page.
     */
    public Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /**
     * Sends the form of that button and waits until the answer has replaced this page. Without the wait, the
     * next look-up can still find this page, whose elements go stale as the answer arrives, and a text that
     * this page already shows (the confirmation of the previous form) is taken for the new answer.
     */
    public Browser submit(By button) {
        return clickToNextPage(button);
    }

    /** Follows that link and waits until the page it opens has replaced this one (see {@link #submit}). */
    public Browser follow(By link) {
        return clickToNextPage(link);
    }

    private Browser clickToNextPage(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        wait.until(driver -> isReplaced(page));
        return this;
    }

    /**
     * Whether that element's document is gone. While a new page replaces it, Chromium's driver can report the
     * old node as "does not belong to the document" (a plain WebDriverException) rather than as a stale element:
     * both say the same.
     */
    private static boolean isReplaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException inspector) {
            if (inspector.getMessage() != null && inspector.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw inspector;
        }
    }

    /** Waits until the page shows that text somewhere. */
    public Browser waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    public Browser waitForUrl(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
        return this;
    }

    /**
     * Signs in through the gateway's Keycloak login, as a person types it: the gateway sends the browser to
     * Keycloak, which sends it back with a code; the gateway keeps the session. Demo users' password: demo.
     */
    public Browser signIn(String gatewayUrl, String username, String password) {
        open(gatewayUrl + "/oauth2/authorization/keycloak");
        fill("username", username);
        fill("password", password);
        submit(By.id("kc-login"));
        wait.until(d -> d.getCurrentUrl().startsWith(gatewayUrl));
        return this;
    }

    /** A PNG of the page as a phone shows it, in target/screenshots/<name>.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Bytes the browser transferred for the current page: the document and every resource it loaded
     * (Resource Timing's {@code transferSize}: headers and compressed bodies, as on the wire). Needs
     * JavaScript on to read the browser's own numbers.
     */
    public long transferredBytes() {
        Object total = ((JavascriptExecutor) driver).executeScript(
                "var n = performance.getEntriesByType('navigation')[0];"
                        + "var sum = n ? n.transferSize : 0;"
                        + "performance.getEntriesByType('resource').forEach(function (r) { sum += r.transferSize; });"
                        + "return sum;");
        return ((Number) total).longValue();
    }

    /**
     * From now on, every request goes as over a slow mobile line: Chromium's own network emulation (DevTools
     * {@code Network.emulateNetworkConditions}), 400 ms of latency and 50 KB/s each way.
     */
    public Browser slowLink() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
                "downloadThroughput", 50 * 1024, "uploadThroughput", 50 * 1024));
        return this;
    }

    /**
     * Cuts the network (true) or gives it back (false), as a phone losing the venue's Wi-Fi: Chromium's own
     * offline emulation (DevTools {@code Network.emulateNetworkConditions}); the page's requests fail and
     * {@code navigator.onLine} follows, with its online and offline events.
     */
    public Browser offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    /**
     * How long the current page took to load, as the browser measured it: from the start of the navigation
     * (redirects included) to the end of its load event, once that event has ended. Needs JavaScript on.
     * <p>
     * Waits for it: the driver's page load can return with the document complete and its load event still running
     * (CI on 7cafb45: "loaded in 0 ms", the navigation's {@code loadEventEnd} not yet written).
     */
    public long loadMillis() {
        return wait.until(ignored -> {
            Object millis = ((JavascriptExecutor) driver).executeScript(
                    "var n = performance.getEntriesByType('navigation')[0]; return n ? Math.round(n.loadEventEnd) : -1;");
            long value = ((Number) millis).longValue();
            return value > 0 ? value : null;
        });
    }

    /** The addresses of the style sheets and scripts the current page links to. Needs JavaScript on. */
    @SuppressWarnings("unchecked")
    public List<String> linkedAssets() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('link[rel=stylesheet], script[src]')).map(function (e) { return e.href || e.src; });");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
